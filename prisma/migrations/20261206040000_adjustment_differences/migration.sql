-- Where a provider's own adjusted close disagrees with etfql's, per ETF and
-- date, as the last nightly update that checked that date found it: what an
-- admin reads (Query.adjustmentDifferences) to see a missed or wrong split or
-- dividend the day it happens. A date that agrees on a later check is removed.

-- CreateTable
CREATE TABLE "adjustment_difference" (
    "etf_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "provider_close" DOUBLE PRECISION NOT NULL,
    "adjusted_close" DOUBLE PRECISION NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "adjustment_difference_pkey" PRIMARY KEY ("etf_id","date")
);

-- AddForeignKey
ALTER TABLE "adjustment_difference" ADD CONSTRAINT "adjustment_difference_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
