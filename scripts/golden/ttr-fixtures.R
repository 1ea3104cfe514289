# Golden values for the indicator kernels, computed by R's TTR package (the
# reference implementation; `apt-get install r-cran-ttr`). Writes one JSON file
# per data set into test/fixtures/indicators/. CI uses the committed files.
#
#   Rscript scripts/golden/ttr-fixtures.R
#
# Deliberate differences from TTR's defaults, all following the API contract:
# - MACD with percent = FALSE (the contract's macd is EMA(fast) - EMA(slow)).
# - Bollinger bands on the close (TTR defaults to the typical price).
# - stochastic and Williams %R scaled by 100 (TTR returns fractions); %R negated.
# - 0/0 is null: TTR replaces it with 0.5 in stoch and WPR; here those points
#   are set to NA where the high-low range is zero.
# - MFI treats typical prices within 1e-10 relative as a tie (see mfi_with_ties).
# - WMA(n = 1) is the close on the first bar too (TTR leaves that one bar NA).
suppressPackageStartupMessages({ library(TTR); library(jsonlite) })

out_dir <- "test/fixtures/indicators"

num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }

cases_for <- function(o, h, l, c, v) {
  hlc <- cbind(h, l, c)
  n_bars <- length(c)
  cases <- list()
  add <- function(indicator, params, outputs) {
    cases[[length(cases) + 1]] <<- list(indicator = indicator, params = params, outputs = lapply(outputs, num))
  }
  na <- function() rep(NA_real_, n_bars)
  # TTR refuses n > number of bars; the contract answers all-null there.
  fits <- function(n) n <= n_bars
  safe <- function(n, expr) if (fits(n)) expr else na()

  for (n in c(1, 5, 20, 50, 200)) add("sma", list(period = n), list(value = safe(n, SMA(c, n))))
  for (n in c(1, 12, 26)) add("ema", list(period = n), list(value = safe(n, EMA(c, n))))
  for (n in c(1, 10, 30)) {
    w <- safe(n, WMA(c, n))
    if (n == 1) w[1] <- c[1]  # TTR leaves WMA(n = 1) undefined on the first bar only
    add("wma", list(period = n), list(value = w))
  }
  for (n in c(1, 10, 21)) add("dema", list(period = n), list(value = safe(2 * n - 1, DEMA(c, n))))
  for (n in c(2, 14)) add("rsi", list(period = n), list(value = safe(n + 1, RSI(c, n))))
  for (p in list(c(12, 26, 9), c(5, 35, 5))) {
    m <- if (fits(p[2] + p[3] - 1)) MACD(c, p[1], p[2], p[3], maType = "EMA", percent = FALSE) else NULL
    add("macd", list(fast = p[1], slow = p[2], signal = p[3]), list(
      macd = if (is.null(m)) safe(p[2], EMA(c, p[1]) - EMA(c, p[2])) else m[, "macd"],
      signal = if (is.null(m)) na() else m[, "signal"],
      histogram = if (is.null(m)) na() else m[, "macd"] - m[, "signal"]))
  }
  for (p in list(c(20, 2), c(10, 1.5))) {
    b <- if (fits(p[1])) BBands(c, p[1], sd = p[2]) else NULL
    add("bollinger", list(period = p[1], stdDev = p[2]), list(
      upper = if (is.null(b)) na() else b[, "up"],
      middle = if (is.null(b)) na() else b[, "mavg"],
      lower = if (is.null(b)) na() else b[, "dn"]))
  }
  for (n in c(1, 14)) add("atr", list(period = n), list(value = safe(n + 1, ATR(hlc, n)[, "atr"])))
  for (p in list(c(14, 3, 3), c(5, 2, 4))) {
    # TTR's stoch() stops at a zero high-low range (its SMA refuses the NaN), so
    # fastK is built from TTR's own runMax/runMin, and checked against stoch()
    # wherever stoch() can run.
    fastK <- fastD <- slowD <- na()
    if (fits(p[1])) {
      range <- runMax(h, p[1]) - runMin(l, p[1])
      fastK <- 100 * (c - runMin(l, p[1])) / range
      fastK[which(range == 0)] <- NA
      fastD <- SMA_na(fastK, p[2])
      slowD <- SMA_na(fastD, p[3])
      s <- tryCatch(stoch(hlc, p[1], p[2], p[3]), error = function(e) NULL)
      if (!is.null(s)) stopifnot(isTRUE(all.equal(as.numeric(100 * s[, "slowD"]), slowD, tolerance = 1e-12)))
    }
    add("stochastic", list(kPeriod = p[1], dPeriod = p[2], slowDPeriod = p[3]),
        list(fastK = fastK, fastD = fastD, slowD = slowD))
  }
  for (n in c(1, 14)) {
    w <- if (fits(n)) -100 * WPR(hlc, n) else na()
    if (fits(n)) w[which((runMax(h, n) - runMin(l, n)) == 0)] <- NA
    add("williamsR", list(period = n), list(value = w))
  }
  for (n in c(5, 20)) add("cci", list(period = n), list(value = safe(n, CCI(hlc, n))))
  for (n in c(5, 14)) {
    a <- if (fits(2 * n)) ADX(hlc, n) else NULL
    add("adx", list(period = n), list(
      adx = if (is.null(a)) na() else a[, "ADX"],
      plusDI = if (is.null(a)) na() else a[, "DIp"],
      minusDI = if (is.null(a)) na() else a[, "DIn"]))
  }
  for (n in c(3, 14)) add("mfi", list(period = n), list(value = safe(n + 1, mfi_with_ties(h, l, c, v, n))))
  add("obv", list(), list(value = OBV(c, v)))
  for (n in c(1, 12)) add("roc", list(period = n), list(value = safe(n + 1, 100 * ROC(c, n, type = "discrete"))))
  for (n in c(1, 20)) {
    d <- if (fits(n)) DonchianChannel(cbind(h, l), n) else NULL
    add("donchian", list(period = n), list(
      upper = if (is.null(d)) na() else d[, "high"],
      middle = if (is.null(d)) na() else d[, "mid"],
      lower = if (is.null(d)) na() else d[, "low"]))
  }
  for (n in c(3, 20)) add("volatility", list(period = n),
    list(value = safe(n, volatility(c, n, calc = "close", N = 252))))
  cases
}

# MFI by the contract's rule: typical prices within 1e-10 relative are a tie and
# carry no flow (TTR compares exactly, so a one-unit rounding difference between
# two equal typical prices flips a flow's sign there). Built from TTR's runSum,
# and checked against TTR's MFI on every window without a tie.
mfi_with_ties <- function(h, l, c, v, n) {
  tp <- (h + l + c) / 3
  previous <- c(NA, head(tp, -1))
  tie <- abs(tp - previous) <= 1e-10 * pmax(abs(tp), abs(previous))
  pmf <- ifelse(!tie & tp > previous, tp * v, 0)
  nmf <- ifelse(!tie & tp < previous, tp * v, 0)
  # runSum's running total leaves residue when flows leave the window: an empty
  # side (no flow in the window) is exactly 0.
  count_p <- runSum(as.numeric(pmf > 0), n)
  count_n <- runSum(as.numeric(nmf > 0), n)
  sum_p <- ifelse(count_p == 0, 0, runSum(pmf, n))
  sum_n <- ifelse(count_n == 0, 0, runSum(nmf, n))
  out <- 100 - 100 / (1 + sum_p / sum_n)
  reference <- tryCatch(as.numeric(MFI(cbind(h, l, c), v, n)), error = function(e) NULL)
  if (!is.null(reference)) {
    tie_in_window <- runSum(as.numeric(tie & !is.na(tie)), n) > 0
    check <- !is.na(tie_in_window) & !tie_in_window & is.finite(reference) & is.finite(out)
    stopifnot(isTRUE(all.equal(out[check], reference[check], tolerance = 1e-9)))
  }
  out
}

# An SMA that tolerates NA inside the series (each window with an NA is NA),
# for the stochastic's averages over a fastK that has nulls.
SMA_na <- function(x, n) {
  out <- rep(NA_real_, length(x))
  if (length(x) >= n) for (i in n:length(x)) out[i] <- mean(x[(i - n + 1):i])
  out
}

write_set <- function(name, o, h, l, c, v, note) {
  body <- list(
    source = sprintf("R %s, TTR %s", getRversion(), packageVersion("TTR")),
    note = note,
    bars = list(open = o, high = h, low = l, close = c, volume = v),
    cases = cases_for(o, h, l, c, v))
  writeLines(toJSON(body, auto_unbox = TRUE, digits = NA, na = "null"), file.path(out_dir, paste0(name, ".json")))
}

data(ttrc)
write_set("ttrc", ttrc$Open, ttrc$High, ttrc$Low, ttrc$Close, ttrc$Volume,
  "TTR's ttrc data set: 5,550 real daily bars")

# Edge cases of our own: a flat stretch (zero ranges, zero changes), a gap up and
# a gap down, repeated closes, zero volume.
set.seed(42)
steps <- c(rnorm(30, 0, 1), rep(0, 25), 15, rnorm(20, 0, 1), -20, rnorm(20, 0, 1))
c <- round(100 + cumsum(steps), 2)
c[60:63] <- c[59]
o <- round(c(c[1], head(c, -1)) + rnorm(length(c), 0, 0.2), 2)
flat <- 31:55
o[flat] <- c[flat]
h <- pmax(o, c) + round(abs(rnorm(length(c), 0, 0.5)), 2)
l <- pmin(o, c) - round(abs(rnorm(length(c), 0, 0.5)), 2)
h[flat] <- c[flat]; l[flat] <- c[flat]
v <- round(abs(rnorm(length(c), 1e6, 3e5)))
v[c(40, 41)] <- 0
write_set("edge", o, h, l, c, v, "flat stretch, gaps, repeated closes, zero volume")
write_set("short", head(o, 5), head(h, 5), head(l, 5), head(c, 5), head(v, 5), "5 bars: most periods exceed the series")
write_set("single", o[1], h[1], l[1], c[1], v[1], "one bar")
