-- The date through which each ETF's stored indicators are current. Large loads
-- store their prices and leave the indicators to a job; until it has run,
-- reads past this date compute them on demand.

-- AlterTable
ALTER TABLE "etf" ADD COLUMN     "stored_indicators_through" DATE;

-- Every write so far kept them current in its own transaction.
UPDATE etf e SET stored_indicators_through = (SELECT max(p.date) FROM daily_price p WHERE p.etf_id = e.id);
