-- Word of every committed change to an ETF's data, for caches that must never
-- serve what a write has replaced. One NOTIFY per statement (not per row),
-- sent by PostgreSQL itself, so every writer is covered: the API, the CLIs,
-- and plain SQL. NOTIFY is transactional: listeners hear it only if and when
-- the transaction commits, and never hear a rolled-back change.
--
-- Payload on channel etfql_data_changed: the ids of the ETFs whose prices or
-- corporate actions the statement changed, comma-separated; or '*' when the
-- set of ETFs itself or their metadata changed (tickers, names, searches), or
-- when the id list would not fit in one notification.

CREATE FUNCTION etfql_notify_etf_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  SELECT string_agg(DISTINCT etf_id::text, ',') INTO ids FROM changed;
  IF ids IS NOT NULL THEN
    -- NOTIFY payloads must stay under 8000 bytes.
    PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
  END IF;
  RETURN NULL;
END $$;

-- An UPDATE could move rows between ETFs: both the old and the new ones changed.
CREATE FUNCTION etfql_notify_etf_rows_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  SELECT string_agg(DISTINCT etf_id::text, ',') INTO ids
  FROM (SELECT etf_id FROM changed UNION SELECT etf_id FROM changed_new) both_sides;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION etfql_notify_etf_directory() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('etfql_data_changed', '*');
  RETURN NULL;
END $$;

-- Statement triggers fire for statements that change no row (an importer's
-- INSERT ... ON CONFLICT DO NOTHING on etf): only a changed row is news.
CREATE FUNCTION etfql_notify_etf_directory_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM changed) THEN
    PERFORM pg_notify('etfql_data_changed', '*');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER daily_price_inserted AFTER INSERT ON daily_price
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER daily_price_deleted AFTER DELETE ON daily_price
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER daily_price_updated AFTER UPDATE ON daily_price
  REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows_updated();

CREATE TRIGGER corporate_action_inserted AFTER INSERT ON corporate_action
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER corporate_action_deleted AFTER DELETE ON corporate_action
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER corporate_action_updated AFTER UPDATE ON corporate_action
  REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows_updated();

-- TRUNCATE has no transition tables; every ETF may have changed.
CREATE TRIGGER daily_price_truncated AFTER TRUNCATE ON daily_price
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
CREATE TRIGGER corporate_action_truncated AFTER TRUNCATE ON corporate_action
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
CREATE TRIGGER etf_inserted AFTER INSERT ON etf
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER etf_updated AFTER UPDATE ON etf
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER etf_deleted AFTER DELETE ON etf
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER etf_truncated AFTER TRUNCATE ON etf
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
