-- Integrity of the two bulk tables, once per statement instead of once per row.
--
-- A per-row foreign key fires a trigger for every inserted row that looks up
-- and key-share-locks its ETF: on a bulk load it cost about as much as the
-- insert itself. The rules stay exactly what the foreign keys were:
-- * every daily_price and daily_indicator row names an existing ETF, whoever
--   writes it (the API, the CLIs, plain SQL): checked after each statement with
--   one anti-join over the distinct ETF ids of its rows, which takes the same
--   KEY SHARE row locks on those ETFs a foreign key takes, so a concurrent
--   delete of one of them waits for the writer, or makes it fail;
-- * deleting an ETF deletes its bars and stored indicators (was ON DELETE
--   CASCADE), and so does TRUNCATE etf, which fires no delete trigger;
-- * an ETF's id never changes while rows name it (was ON UPDATE CASCADE, which
--   nothing used: ids are generated and never updated).

-- DropForeignKey
ALTER TABLE "daily_price" DROP CONSTRAINT "daily_price_etf_id_fkey";

-- DropForeignKey
ALTER TABLE "daily_indicator" DROP CONSTRAINT "daily_indicator_etf_id_fkey";

CREATE FUNCTION etf_rows_name_etfs() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing integer;
BEGIN
  -- The ETFs the statement's rows name, locked as a foreign key locks them;
  -- one that is not there (or deleted meanwhile) is the violation.
  SELECT n.etf_id INTO missing
  FROM (SELECT DISTINCT etf_id FROM written_rows) n
  LEFT JOIN LATERAL (SELECT e.id FROM etf e WHERE e.id = n.etf_id FOR KEY SHARE) e ON true
  WHERE e.id IS NULL
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "%" violates the rule that etf_id names an ETF', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (etf_id)=(%s) is not present in table "etf".', missing),
            TABLE = TG_TABLE_NAME,
            CONSTRAINT = TG_TABLE_NAME || '_etf_id_check';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER daily_price_names_etfs_on_insert
  AFTER INSERT ON daily_price REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION etf_rows_name_etfs();
CREATE TRIGGER daily_price_names_etfs_on_update
  AFTER UPDATE ON daily_price REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION etf_rows_name_etfs();
CREATE TRIGGER daily_indicator_names_etfs_on_insert
  AFTER INSERT ON daily_indicator REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION etf_rows_name_etfs();
CREATE TRIGGER daily_indicator_names_etfs_on_update
  AFTER UPDATE ON daily_indicator REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION etf_rows_name_etfs();

CREATE FUNCTION etf_delete_cascades() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM daily_price p USING deleted_etfs d WHERE p.etf_id = d.id;
  DELETE FROM daily_indicator i USING deleted_etfs d WHERE i.etf_id = d.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER etf_delete_cascades
  AFTER DELETE ON etf REFERENCING OLD TABLE AS deleted_etfs
  FOR EACH STATEMENT EXECUTE FUNCTION etf_delete_cascades();

CREATE FUNCTION etf_truncate_cascades() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE daily_price, daily_indicator;
  RETURN NULL;
END
$$;

CREATE TRIGGER etf_truncate_cascades
  AFTER TRUNCATE ON etf
  FOR EACH STATEMENT EXECUTE FUNCTION etf_truncate_cascades();

CREATE FUNCTION etf_id_is_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an ETF''s id does not change (etf %)', OLD.id USING ERRCODE = 'foreign_key_violation';
END
$$;

CREATE TRIGGER etf_id_is_fixed
  BEFORE UPDATE OF id ON etf
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION etf_id_is_fixed();
