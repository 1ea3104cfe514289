-- What a stored price, volume, split or dividend may be, held by the database
-- as well as by every load path (src/prices/bar-values.ts holds the same
-- bounds): PostgreSQL stores a subnormal close like 1e-320, but every later
-- statement that divides by it (returns, the 52-week range, stored figures)
-- fails with "value out of range: overflow", so one such row breaks loads and
-- reads of its ETF for everyone. Plain SQL cannot store one either now.
-- NaN and ±Infinity fail the ranges too (NaN sorts above every number).
-- A database that already holds such a value stops here, naming the
-- constraint: correct or delete the row, then migrate again.
ALTER TABLE "daily_price"
  ADD CONSTRAINT "daily_price_open_range" CHECK ("open" BETWEEN 1e-6 AND 1e9),
  ADD CONSTRAINT "daily_price_high_range" CHECK ("high" BETWEEN 1e-6 AND 1e9),
  ADD CONSTRAINT "daily_price_low_range" CHECK ("low" BETWEEN 1e-6 AND 1e9),
  ADD CONSTRAINT "daily_price_close_range" CHECK ("close" BETWEEN 1e-6 AND 1e9),
  ADD CONSTRAINT "daily_price_volume_range" CHECK ("volume" BETWEEN 0 AND 1000000000000);

ALTER TABLE "corporate_action"
  ADD CONSTRAINT "corporate_action_value_range" CHECK (
    CASE "kind" WHEN 'SPLIT' THEN "value" BETWEEN 1e-6 AND 1e6 ELSE "value" BETWEEN 1e-6 AND 1e9 END
  ),
  ADD CONSTRAINT "corporate_action_factor_range" CHECK (
    "cumulative_price_factor" BETWEEN 1e-12 AND 1e12 AND "cumulative_volume_factor" BETWEEN 1e-12 AND 1e12
  );
