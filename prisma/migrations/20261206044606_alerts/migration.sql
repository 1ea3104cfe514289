-- Alerts: standing conditions in the screener's language (src/alerts/), the
-- ETFs they watch, which of them held on each ETF's last judged bar, the
-- events they fired (once per alert, ETF and bar: the unique key) and each
-- attempt to deliver them.

-- CreateTable
CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "condition" JSONB NOT NULL,
    "all_etfs" BOOLEAN NOT NULL,
    "webhook_url" VARCHAR(2048),
    "webhook_secret" VARCHAR(100),
    "fire_on_backfill" BOOLEAN NOT NULL DEFAULT false,
    "owner_user_id" INTEGER,
    "owner_api_key_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_etf" (
    "alert_id" INTEGER NOT NULL,
    "etf_id" INTEGER NOT NULL,

    CONSTRAINT "alert_etf_pkey" PRIMARY KEY ("alert_id","etf_id")
);

-- CreateTable
CREATE TABLE "alert_holding" (
    "alert_id" INTEGER NOT NULL,
    "etf_id" INTEGER NOT NULL,

    CONSTRAINT "alert_holding_pkey" PRIMARY KEY ("etf_id","alert_id")
);

-- CreateTable
CREATE TABLE "alert_watermark" (
    "etf_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "alert_watermark_pkey" PRIMARY KEY ("etf_id")
);

-- CreateTable
CREATE TABLE "alert_event" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "etf_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "values" JSONB NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "event_id" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" INTEGER,
    "error" VARCHAR(500),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("event_id","attempt")
);

-- CreateIndex
CREATE INDEX "alert_owner_user_id_idx" ON "alert"("owner_user_id");

-- CreateIndex
CREATE INDEX "alert_owner_api_key_id_idx" ON "alert"("owner_api_key_id");

-- CreateIndex
CREATE INDEX "alert_etf_etf_id_idx" ON "alert_etf"("etf_id");

-- CreateIndex
CREATE INDEX "alert_holding_alert_id_idx" ON "alert_holding"("alert_id");

-- CreateIndex
CREATE INDEX "alert_event_alert_id_id_idx" ON "alert_event"("alert_id", "id");

-- CreateIndex
CREATE INDEX "alert_event_fired_at_idx" ON "alert_event"("fired_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_event_alert_id_etf_id_date_key" ON "alert_event"("alert_id", "etf_id", "date");

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_owner_api_key_id_fkey" FOREIGN KEY ("owner_api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_etf" ADD CONSTRAINT "alert_etf_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_etf" ADD CONSTRAINT "alert_etf_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_holding" ADD CONSTRAINT "alert_holding_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_holding" ADD CONSTRAINT "alert_holding_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_watermark" ADD CONSTRAINT "alert_watermark_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_etf_id_fkey" FOREIGN KEY ("etf_id") REFERENCES "etf"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "alert_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- An alert has exactly one owner; what it may be told is bounded.
ALTER TABLE "alert"
  ADD CONSTRAINT "alert_one_owner" CHECK (num_nonnulls("owner_user_id", "owner_api_key_id") = 1),
  ADD CONSTRAINT "alert_name_present" CHECK (length(btrim("name")) > 0),
  ADD CONSTRAINT "alert_webhook_secret_with_url" CHECK (("webhook_url" IS NULL) = ("webhook_secret" IS NULL));
ALTER TABLE "alert_delivery"
  ADD CONSTRAINT "alert_delivery_attempt_positive" CHECK ("attempt" >= 1);
