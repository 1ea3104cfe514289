-- Real foreign keys again for daily_price and daily_indicator.
--
-- 20261125120000_set_based_integrity had put statement-level triggers in their
-- place, for bulk-load speed. A trigger sees only its own snapshot: when the
-- transaction deleting an ETF ran at REPEATABLE READ or SERIALIZABLE while
-- another committed bars for it, its cascade missed those bars and left rows
-- naming no ETF. PostgreSQL's referential actions check against the latest
-- committed state and raise a serialization failure instead
-- (test/prices/integrity-schedules.test.ts runs the schedules). The per-row
-- check costs bulk loads what the bench's loading rows show.

DROP TRIGGER daily_price_names_etfs_on_insert ON daily_price;
DROP TRIGGER daily_price_names_etfs_on_update ON daily_price;
DROP TRIGGER daily_indicator_names_etfs_on_insert ON daily_indicator;
DROP TRIGGER daily_indicator_names_etfs_on_update ON daily_indicator;
DROP FUNCTION etf_rows_name_etfs();

DROP TRIGGER etf_delete_cascades ON etf;
DROP FUNCTION etf_delete_cascades();

-- TRUNCATE etf now needs CASCADE, as with any referenced table.
DROP TRIGGER etf_truncate_cascades ON etf;
DROP FUNCTION etf_truncate_cascades();

-- An ETF's id still never changes while rows name it: ON UPDATE NO ACTION.
DROP TRIGGER etf_id_is_fixed ON etf;
DROP FUNCTION etf_id_is_fixed();

-- AddForeignKey
ALTER TABLE "daily_price" ADD CONSTRAINT "daily_price_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "daily_indicator" ADD CONSTRAINT "daily_indicator_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
