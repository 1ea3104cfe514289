-- The date through which each ETF's stored indicators are current. Large loads
-- store their prices and leave the indicators to a job; until it has run,
-- reads past this date compute them on demand.

-- AlterTable
ALTER TABLE "etf" ADD COLUMN     "stored_indicators_through" DATE;

-- Every write so far kept them current in its own transaction.
UPDATE etf e SET stored_indicators_through = (SELECT max(p.date) FROM daily_price p WHERE p.etf_id = e.id);

-- A write moves stored_indicators_through on every ETF it touches. That is news
-- for the responses of those ETFs only (Etf.storedIndicatorsThrough), not for
-- every response, as a change of tickers or names is: such an update notifies
-- the ids, any other update of etf still '*'.
CREATE FUNCTION etfql_notify_etf_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  IF EXISTS (
    SELECT FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE to_jsonb(o) - 'stored_indicators_through' IS DISTINCT FROM to_jsonb(n) - 'stored_indicators_through'
  ) OR (SELECT count(*) FROM old_rows) <> (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id) THEN
    PERFORM pg_notify('etfql_data_changed', '*');
  ELSE
    SELECT string_agg(n.id::text, ',') INTO ids
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.stored_indicators_through IS DISTINCT FROM n.stored_indicators_through;
    IF ids IS NOT NULL THEN
      PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
    END IF;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER etf_updated ON etf;
CREATE TRIGGER etf_updated AFTER UPDATE ON etf
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_updated();
