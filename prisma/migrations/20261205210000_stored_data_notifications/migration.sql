-- The tables that responses read besides prices and corporate actions announce
-- their changes too: stored indicators (daily_indicator) and each ETF's latest
-- figures (latest_metrics). Written by etfql only after a price write, which
-- already announces itself, but a plain-SQL change to them (a repair, a
-- restore) must evict what was read from them as well. Same notice, same
-- channel, the same functions as daily_price's.

CREATE TRIGGER daily_indicator_inserted AFTER INSERT ON daily_indicator
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER daily_indicator_deleted AFTER DELETE ON daily_indicator
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER daily_indicator_updated AFTER UPDATE ON daily_indicator
  REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows_updated();
CREATE TRIGGER daily_indicator_truncated AFTER TRUNCATE ON daily_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();

CREATE TRIGGER latest_metrics_inserted AFTER INSERT ON latest_metrics
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER latest_metrics_deleted AFTER DELETE ON latest_metrics
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows();
CREATE TRIGGER latest_metrics_updated AFTER UPDATE ON latest_metrics
  REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_rows_updated();
CREATE TRIGGER latest_metrics_truncated AFTER TRUNCATE ON latest_metrics
  FOR EACH STATEMENT EXECUTE FUNCTION etfql_notify_etf_directory();
