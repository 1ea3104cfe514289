-- The change notification listed its ETF ids with string_agg(DISTINCT ...),
-- which sorts every row of the statement: a quarter of the cost of copying a
-- million bars into daily_price. A DISTINCT subquery hashes them instead; the
-- payload is the same set of ids.
CREATE OR REPLACE FUNCTION etfql_notify_etf_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  SELECT string_agg(etf_id::text, ',') INTO ids FROM (SELECT DISTINCT etf_id FROM changed) d;
  IF ids IS NOT NULL THEN
    -- NOTIFY payloads must stay under 8000 bytes.
    PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION etfql_notify_etf_rows_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  SELECT string_agg(etf_id::text, ',') INTO ids
  FROM (SELECT etf_id FROM changed UNION SELECT etf_id FROM changed_new) both_sides;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
  END IF;
  RETURN NULL;
END $$;
