-- CreateEnum
CREATE TYPE "AssetClass" AS ENUM ('EQUITY', 'FIXED_INCOME', 'COMMODITY', 'REAL_ESTATE', 'CURRENCY', 'MULTI_ASSET', 'ALTERNATIVE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'VIEWER');

-- CreateTable
CREATE TABLE "etf" (
    "id" SERIAL NOT NULL,
    "ticker" VARCHAR(16) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "issuer" VARCHAR(200),
    "asset_class" "AssetClass",
    "expense_ratio" DOUBLE PRECISION,
    "inception_date" DATE,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "exchange" VARCHAR(32),
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "etf_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_price" (
    "etf_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "open" DOUBLE PRECISION NOT NULL,
    "high" DOUBLE PRECISION NOT NULL,
    "low" DOUBLE PRECISION NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "volume" BIGINT NOT NULL,

    CONSTRAINT "daily_price_pkey" PRIMARY KEY ("etf_id","date")
);

-- CreateTable
CREATE TABLE "daily_indicator" (
    "etf_id" INTEGER NOT NULL,
    "adjusted" BOOLEAN NOT NULL DEFAULT false,
    "date" DATE NOT NULL,
    "sma_20" DOUBLE PRECISION,
    "sma_50" DOUBLE PRECISION,
    "sma_200" DOUBLE PRECISION,
    "ema_12" DOUBLE PRECISION,
    "ema_26" DOUBLE PRECISION,
    "rsi_14" DOUBLE PRECISION,
    "rsi_14_avg_gain" DOUBLE PRECISION,
    "rsi_14_avg_loss" DOUBLE PRECISION,
    "macd_12_26" DOUBLE PRECISION,
    "macd_12_26_9_signal" DOUBLE PRECISION,
    "bollinger_20_2_upper" DOUBLE PRECISION,
    "bollinger_20_2_lower" DOUBLE PRECISION,
    "atr_14" DOUBLE PRECISION,

    CONSTRAINT "daily_indicator_pkey" PRIMARY KEY ("etf_id","adjusted","date")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(24) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "etf_ticker_key" ON "etf"("ticker");

-- CreateIndex
CREATE INDEX "etf_asset_class_idx" ON "etf"("asset_class");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"("hash");

-- AddForeignKey
ALTER TABLE "daily_price" ADD CONSTRAINT "daily_price_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "daily_indicator" ADD CONSTRAINT "daily_indicator_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;
