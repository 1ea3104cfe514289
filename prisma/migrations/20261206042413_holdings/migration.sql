-- What ETFs hold: snapshots of each fund's portfolio per as-of date, read
-- from SEC N-PORT filings and issuers' holdings files (src/holdings/), and
-- the securities they name, linked across files by shared identifiers.

-- CreateEnum
CREATE TYPE "HoldingSource" AS ENUM ('NPORT', 'ISSUER_CSV', 'DEMO');

-- CreateEnum
CREATE TYPE "HoldingAssetClass" AS ENUM ('EQUITY', 'FIXED_INCOME', 'FUND', 'CASH', 'DERIVATIVE', 'REAL_ESTATE', 'COMMODITY', 'OTHER');

-- CreateEnum
CREATE TYPE "Payoff" AS ENUM ('LONG', 'SHORT');

-- AlterTable
ALTER TABLE "etf" ADD COLUMN     "sec_series_id" VARCHAR(10);

-- CreateTable
CREATE TABLE "security" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(500) NOT NULL,
    "ticker" VARCHAR(32),
    "cusip" CHAR(9),
    "isin" CHAR(12),

    CONSTRAINT "security_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holding_snapshot" (
    "id" SERIAL NOT NULL,
    "etf_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "source" "HoldingSource" NOT NULL,
    "file_name" VARCHAR(255),
    "net_assets" DOUBLE PRECISION,
    "position_count" INTEGER NOT NULL,
    "total_weight" DOUBLE PRECISION NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holding_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holding" (
    "snapshot_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "security_id" INTEGER NOT NULL,
    "name" VARCHAR(500) NOT NULL,
    "asset_category" VARCHAR(100),
    "asset_class" "HoldingAssetClass" NOT NULL,
    "sector" VARCHAR(100),
    "country" CHAR(2),
    "currency" CHAR(3),
    "shares" DOUBLE PRECISION,
    "units" VARCHAR(8),
    "market_value" DOUBLE PRECISION,
    "weight" DOUBLE PRECISION NOT NULL,
    "payoff" "Payoff",

    CONSTRAINT "holding_pkey" PRIMARY KEY ("snapshot_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "security_cusip_key" ON "security"("cusip");

-- CreateIndex
CREATE UNIQUE INDEX "security_isin_key" ON "security"("isin");

-- CreateIndex
CREATE INDEX "security_ticker_idx" ON "security"("ticker");

-- CreateIndex
CREATE UNIQUE INDEX "holding_snapshot_etf_id_as_of_key" ON "holding_snapshot"("etf_id", "as_of");

-- CreateIndex
CREATE INDEX "holding_security_id_snapshot_id_idx" ON "holding"("security_id", "snapshot_id");

-- CreateIndex
CREATE UNIQUE INDEX "etf_sec_series_id_key" ON "etf"("sec_series_id");

-- AddForeignKey
ALTER TABLE "holding_snapshot" ADD CONSTRAINT "holding_snapshot_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "holding" ADD CONSTRAINT "holding_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "holding_snapshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "holding" ADD CONSTRAINT "holding_security_id_fkey" FOREIGN KEY ("security_id") REFERENCES "security"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;


-- Shapes PostgreSQL holds every writer to, plain SQL included: identifiers as
-- ISO 6166 / CUSIP write them (check digits are verified by the importer),
-- codes as ISO 3166 and 4217, weights and amounts within bounds no fund comes
-- near (src/holdings/position-checks.ts says why).
ALTER TABLE "security"
  ADD CONSTRAINT "security_isin_shape" CHECK ("isin" ~ '^[A-Z]{2}[A-Z0-9]{9}[0-9]$'),
  ADD CONSTRAINT "security_cusip_shape" CHECK ("cusip" ~ '^[A-Z0-9*@#]{8}[0-9]$'),
  ADD CONSTRAINT "security_ticker_shape" CHECK ("ticker" ~ '^[A-Z0-9][A-Z0-9./ -]*$' AND "ticker" = upper("ticker")),
  ADD CONSTRAINT "security_name_present" CHECK (length(btrim("name")) > 0);
ALTER TABLE "etf"
  ADD CONSTRAINT "etf_sec_series_id_shape" CHECK ("sec_series_id" ~ '^S[0-9]{9}$');
ALTER TABLE "holding_snapshot"
  ADD CONSTRAINT "holding_snapshot_as_of_range" CHECK ("as_of" BETWEEN DATE '1990-01-01' AND DATE '2200-01-01'),
  ADD CONSTRAINT "holding_snapshot_position_count" CHECK ("position_count" >= 0),
  ADD CONSTRAINT "holding_snapshot_total_weight" CHECK ("total_weight" BETWEEN -100000 AND 100000),
  ADD CONSTRAINT "holding_snapshot_net_assets" CHECK ("net_assets" BETWEEN 0 AND 1e15);
ALTER TABLE "holding"
  ADD CONSTRAINT "holding_position_positive" CHECK ("position" >= 1),
  ADD CONSTRAINT "holding_weight_range" CHECK ("weight" BETWEEN -1000 AND 1000),
  ADD CONSTRAINT "holding_shares_range" CHECK ("shares" BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT "holding_market_value_range" CHECK ("market_value" BETWEEN -1e15 AND 1e15),
  ADD CONSTRAINT "holding_country_shape" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "holding_currency_shape" CHECK ("currency" ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT "holding_name_present" CHECK (length(btrim("name")) > 0);

-- Every committed change to snapshots evicts the cached answers that read
-- those ETFs' holdings, and (the leading 0, which no ETF's id is) every
-- answer that depends on all ETFs' holdings: who holds a security.
CREATE FUNCTION etfql_notify_holdings() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  SELECT string_agg(etf_id::text, ',') INTO ids FROM (SELECT DISTINCT etf_id FROM changed) d;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify('etfql_data_changed', CASE WHEN length(ids) > 7000 THEN '*' ELSE '0,' || ids END);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER holding_snapshot_inserted AFTER INSERT ON holding_snapshot
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_holdings();
CREATE TRIGGER holding_snapshot_deleted AFTER DELETE ON holding_snapshot
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_holdings();
CREATE TRIGGER holding_snapshot_truncated AFTER TRUNCATE ON holding_snapshot
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
CREATE TRIGGER holding_snapshot_updated AFTER UPDATE ON holding_snapshot
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_holdings();

-- A security given an identifier it lacked shows it in every snapshot that
-- holds it (and `holders` finds it by it); one merged into another (deleted,
-- its holdings moved) changes overlaps too. Both are rare after the first
-- imports, so they evict everything rather than track whose answers they touch.
CREATE TRIGGER security_updated AFTER UPDATE ON security
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER security_deleted AFTER DELETE ON security
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER holding_updated AFTER UPDATE ON holding
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory_rows();
CREATE TRIGGER holding_truncated AFTER TRUNCATE ON holding
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
CREATE TRIGGER security_truncated AFTER TRUNCATE ON security
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
