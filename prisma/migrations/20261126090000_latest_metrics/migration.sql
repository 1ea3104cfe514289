-- Each ETF's performance and risk figures as of its last bar, kept current by
-- the writes of its bars and actions (src/metrics/latest-metrics.ts). Rows of
-- ETFs loaded before this migration are written at start-up; until then reads
-- compute the same figures from the bars.

-- CreateTable
CREATE TABLE "latest_metrics" (
    "etf_id" INTEGER NOT NULL,
    "adjusted" BOOLEAN NOT NULL,
    "date" DATE NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "volume" DOUBLE PRECISION NOT NULL,
    "avg_volume_20" DOUBLE PRECISION,
    "return_1d" DOUBLE PRECISION,
    "return_1w" DOUBLE PRECISION,
    "return_1m" DOUBLE PRECISION,
    "return_3m" DOUBLE PRECISION,
    "return_6m" DOUBLE PRECISION,
    "return_ytd" DOUBLE PRECISION,
    "return_1y" DOUBLE PRECISION,
    "return_3y" DOUBLE PRECISION,
    "return_5y" DOUBLE PRECISION,
    "volatility_1y" DOUBLE PRECISION,
    "mean_return_1y" DOUBLE PRECISION,
    "max_drawdown_1y" DOUBLE PRECISION,
    "high_52w" DOUBLE PRECISION NOT NULL,
    "low_52w" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "latest_metrics_pkey" PRIMARY KEY ("etf_id","adjusted")
);

-- AddForeignKey
ALTER TABLE "latest_metrics" ADD CONSTRAINT "latest_metrics_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;
