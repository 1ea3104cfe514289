-- CreateEnum
CREATE TYPE "CorporateActionKind" AS ENUM ('SPLIT', 'DIVIDEND');

-- CreateTable
CREATE TABLE "corporate_action" (
    "etf_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CorporateActionKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "price_factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "volume_factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "cumulative_price_factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "cumulative_volume_factor" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corporate_action_pkey" PRIMARY KEY ("etf_id","date","kind")
);

-- AddForeignKey
ALTER TABLE "corporate_action" ADD CONSTRAINT "corporate_action_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;
