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
#
# The 24 indicators and the volatility estimators added later follow TTR to
# the letter (its quirks included: VWAP and ALMA with n = 1 blank the first bar,
# TRIX's signal uses n), with one rule where TTR refuses to run, so that a
# date's value never depends on how much history follows it:
# - Where a step needs more bars than the series has (TRIX's signal needs
#   4n - 2, williamsAD an ATR(14) it never uses), TTR stops the whole call. The
#   indicators are causal, so the values are taken from TTR on the series
#   continued by ordinary bars (`continued` below): what TTR gives on those
#   dates from any longer history. Where TTR runs on the series itself, the two
#   are checked to be identical.
# - Where an average meets a NaN after its first value (EMV's ma after a bar
#   of zero volume and no move, SMI's signal where its range is 0), TTR refuses
#   the series ("non-leading NAs"). The average keeps TTR's values up to that
#   bar, from TTR on the bars before it, and is null from there on.
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
  for (n in c(3, 20)) add("volatility", list(period = n, estimator = "CLOSE", annualization = 252),
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

# ---- The second set: 24 indicators and the volatility estimators ----------

# Bars appended after a series so that TTR runs whatever its length: a steady
# walk with a range and volume on every bar, so it brings no NaN of its own.
continue_bars <- function(o, h, l, c, v, extra = 400) {
  last <- c[length(c)]
  steps <- last * exp(cumsum(rep(c(0.004, -0.003, 0.002, -0.001), length.out = extra)))
  list(o = c(o, c(last, head(steps, -1))), h = c(h, steps * 1.01), l = c(l, steps * 0.99),
       c = c(c, steps), v = c(v, rep(1e6, extra)))
}

# The outputs of f(o, h, l, c, v) on these bars, from TTR on the series continued
# (see the header); identical to TTR on the series itself wherever that runs.
continued <- function(f, o, h, l, c, v) {
  n_bars <- length(c)
  x <- continue_bars(o, h, l, c, v)
  long <- lapply(f(x$o, x$h, x$l, x$c, x$v), function(out) as.numeric(out)[seq_len(n_bars)])
  own <- tryCatch(f(o, h, l, c, v), error = function(e) NULL)
  if (!is.null(own)) {
    for (name in names(long)) {
      mine <- as.numeric(own[[name]])
      # momentum(n > length) pads n NAs, a longer vector than the series: not one value per bar.
      if (length(mine) != n_bars) next
      if (!identical(mine, long[[name]])) {
        bad <- which(!(mine == long[[name]] | (is.na(mine) & is.na(long[[name]]))))
        stop(sprintf("%s differs on the continued series at %s: %s vs %s", name, paste(head(bad), collapse = ","),
                     paste(head(mine[bad]), collapse = ","), paste(head(long[[name]][bad]), collapse = ",")))
      }
    }
  }
  long
}

# TTR's moving average `average(x)` up to the first NaN after x's first value,
# where TTR would refuse the whole series; null from that bar on.
until_refused <- function(x, average) {
  defined <- which(!is.na(x))
  refused <- if (length(defined) == 0) NA else which(is.na(x) & seq_along(x) > defined[1])[1]
  if (is.na(refused)) return(as.numeric(average(x)))
  out <- rep(NA_real_, length(x))
  before <- seq_len(refused - 1)
  out[before] <- tryCatch(as.numeric(average(x[before])), error = function(e) rep(NA_real_, length(before)))
  out
}

# EMV: TTR's EMV() line by line up to its SMA, which is taken until_refused.
emv_outputs <- function(h, l, v, n, divisor) {
  mid <- (h + l) / 2
  emv <- momentum(mid, n = 1, na.pad = TRUE) / ((v / divisor) / (h - l))
  reference <- tryCatch(EMV(cbind(h, l), v, n, vol.divisor = divisor), error = function(e) NULL)
  if (!is.null(reference)) stopifnot(identical(as.numeric(reference[, "emv"]), as.numeric(emv)))
  list(emv = emv, ma = until_refused(emv, function(x) SMA(x, n)))
}

# SMI: TTR's SMI() line by line up to SMI, whose signal EMA is taken until_refused.
smi_outputs <- function(h, l, c, n, fast, slow, signal) {
  hmax <- runMax(h, n)
  lmin <- runMin(l, n)
  hmax <- ifelse(is.na(hmax), h, hmax)
  lmin <- ifelse(is.na(lmin), l, lmin)
  num <- EMA(EMA(c - (hmax + lmin) / 2, slow), fast)
  den <- EMA(EMA(hmax - lmin, slow), fast)
  smi <- 100 * (num / (den / 2))
  reference <- tryCatch(SMI(cbind(h, l, c), n, fast, slow, signal), error = function(e) NULL)
  if (!is.null(reference)) stopifnot(identical(as.numeric(reference[, "SMI"]), as.numeric(smi)))
  list(value = smi, signal = until_refused(smi, function(x) EMA(x, signal)))
}

# rollSFM on the simple returns of the closes on the dates both series have,
# mapped back to the asset's bars (null on a date the benchmark lacks).
beta_outputs <- function(dates, c, benchmark, n) {
  out <- list(alpha = rep(NA_real_, length(c)), beta = rep(NA_real_, length(c)), rSquared = rep(NA_real_, length(c)))
  at <- match(dates, benchmark$date)
  rows <- which(!is.na(at))
  if (length(rows) < n + 1) return(out)
  joined <- as.Date(dates[rows])
  ra <- ROC(xts::xts(c[rows], joined), 1, type = "discrete")
  rb <- ROC(xts::xts(benchmark$close[at[rows]], joined), 1, type = "discrete")
  s <- rollSFM(ra, rb, n)
  out$alpha[rows] <- as.numeric(s[, "alpha"])
  out$beta[rows] <- as.numeric(s[, "beta"])
  out$rSquared[rows] <- as.numeric(s[, "r.squared"])
  out
}

ESTIMATORS <- c(CLOSE = "close", GARMAN_KLASS = "garman.klass", PARKINSON = "parkinson",
                ROGERS_SATCHELL = "rogers.satchell", GARMAN_KLASS_YANG_ZHANG = "gk.yz", YANG_ZHANG = "yang.zhang")

# `full`: every parameter set below; otherwise (ttrc, to keep its file small)
# the defaults and the documented quirks only.
new_cases_for <- function(o, h, l, c, v, dates, benchmark, full) {
  cases <- list()
  add <- function(indicator, params, f) {
    outputs <- continued(f, o, h, l, c, v)
    cases[[length(cases) + 1]] <<- list(indicator = indicator, params = params, outputs = lapply(outputs, num))
  }
  pick <- function(defaults, more) if (full) c(defaults, more) else defaults

  for (n in pick(20, c(1, 5, 150))) add("aroon", list(period = n), function(o, h, l, c, v) {
    a <- aroon(cbind(h, l), n)
    list(up = a[, "aroonUp"], down = a[, "aroonDn"], oscillator = a[, "oscillator"])
  })
  for (n in pick(20, c(1, 5))) add("chaikinMoneyFlow", list(period = n),
    function(o, h, l, c, v) list(value = CMF(cbind(h, l, c), v, n)))
  add("chaikinAD", list(), function(o, h, l, c, v) list(value = chaikinAD(cbind(h, l, c), v)))
  for (n in pick(10, c(1, 3))) add("chaikinVolatility", list(period = n),
    function(o, h, l, c, v) list(value = 100 * chaikinVolatility(cbind(h, l), n)))
  for (n in pick(14, c(1, 3))) add("cmo", list(period = n), function(o, h, l, c, v) list(value = CMO(c, n)))
  for (n in pick(20, c(2, 3, 9))) add("hma", list(period = n), function(o, h, l, c, v) list(value = HMA(c, n)))
  for (n in pick(c(10, 97), c(1, 4))) add("zlema", list(period = n), function(o, h, l, c, v) list(value = ZLEMA(c, n)))
  for (n in pick(20, c(1, 5))) add("trix", list(period = n), function(o, h, l, c, v) {
    x <- TRIX(c, n)
    list(value = x[, "TRIX"], signal = x[, "signal"])
  })
  kst_sets <- list(list(rocPeriods = c(10, 15, 20, 30), smaPeriods = c(10, 10, 10, 15), signal = 9, weights = c(1, 2, 3, 4)))
  if (full) kst_sets <- c(kst_sets, list(list(rocPeriods = c(3, 5), smaPeriods = c(2, 4), signal = 3, weights = c(1.5, -0.5)),
                                         list(rocPeriods = 1, smaPeriods = 1, signal = 1, weights = 2)))
  for (p in kst_sets) add("kst", list(rocPeriods = I(p$rocPeriods), smaPeriods = I(p$smaPeriods), signal = p$signal,
                                      weights = I(p$weights)), function(o, h, l, c, v) {
    k <- KST(c, n = p$smaPeriods, nROC = p$rocPeriods, nSig = p$signal, wts = p$weights)
    list(value = k[, "kst"], signal = k[, "signal"])
  })
  for (p in pick(list(c(20, 2)), list(c(1, 1.5), c(5, 0.5)))) add("keltner", list(period = p[1], multiplier = p[2]),
    function(o, h, l, c, v) {
      k <- keltnerChannels(cbind(h, l, c), p[1], atr = p[2])
      list(upper = k[, "up"], middle = k[, "mavg"], lower = k[, "dn"])
    })
  uo_sets <- pick(list(list(periods = c(7, 14, 28), weights = c(4, 2, 1))),
                  list(list(periods = c(1, 2, 3), weights = c(1, 1, 1)), list(periods = c(3, 7, 11), weights = c(0.5, 0.3, 0.2))))
  for (p in uo_sets) add("ultimateOscillator", list(periods = I(p$periods), weights = I(p$weights)),
    function(o, h, l, c, v) list(value = ultimateOscillator(cbind(h, l, c), p$periods, p$weights)))
  for (n in pick(10, c(1, 3))) add("vwap", list(period = n), function(o, h, l, c, v) list(value = VWAP(c, v, n)))
  for (n in pick(10, c(1, 3))) add("evwma", list(period = n), function(o, h, l, c, v) list(value = EVWMA(c, v, n)))
  for (n in pick(1, c(5, 150))) add("momentum", list(period = n), function(o, h, l, c, v) list(value = momentum(c, n)))
  for (p in pick(list(c(13, 2, 25, 9)), list(c(5, 3, 8, 4), c(1, 1, 1, 1), c(5, 1, 1, 3))))
    add("smi", list(period = p[1], fast = p[2], slow = p[3], signal = p[4]),
      function(o, h, l, c, v) smi_outputs(h, l, c, p[1], p[2], p[3], p[4]))
  for (p in pick(list(c(20, 2)), list(c(5, 1.5), c(1, 1), c(10, 0.55)))) add("tdi", list(period = p[1], multiple = p[2]),
    function(o, h, l, c, v) {
      x <- TDI(c, p[1], p[2])
      list(tdi = x[, "tdi"], di = x[, "di"])
    })
  for (n in pick(28, c(1, 5))) add("vhf", list(period = n), function(o, h, l, c, v) list(value = VHF(c, n)))
  for (p in pick(list(c(9, 0.85, 6)), list(c(1, 0.5, 1), c(5, 0, 0.5), c(5, 1, 10))))
    add("alma", list(period = p[1], offset = p[2], sigma = p[3]),
      function(o, h, l, c, v) list(value = ALMA(c, p[1], p[2], p[3])))
  for (p in pick(list(c(9, 10000)), list(c(1, 1), c(3, 1e6)))) add("emv", list(period = p[1], volumeDivisor = p[2]),
    function(o, h, l, c, v) emv_outputs(h, l, v, p[1], p[2]))
  add("williamsAD", list(), function(o, h, l, c, v) list(value = williamsAD(cbind(h, l, c))))
  add("clv", list(), function(o, h, l, c, v) list(value = CLV(cbind(h, l, c))))
  # CTI on a plain vector drops its first n - 1 bars (rollapplyr without fill); on an xts series it keeps them.
  for (n in pick(20, c(2, 5))) add("cti", list(period = n), function(o, h, l, c, v) {
    list(value = CTI(xts::xts(c, as.Date("2000-01-01") + seq_along(c)), n))
  })
  for (n in pick(20, c(1, 5))) add("snr", list(period = n), function(o, h, l, c, v) list(value = SNR(cbind(h, l, c), n)))
  for (n in pick(60, c(2, 3, 10))) {
    cases[[length(cases) + 1]] <- list(indicator = "beta", params = list(benchmark = "BENCH", period = n),
                                       outputs = lapply(beta_outputs(dates, c, benchmark, n), num))
  }
  for (estimator in names(ESTIMATORS)) {
    for (n in pick(20, c(2, 5))) for (year in pick(252, 52)) {
      add("volatility", list(period = n, estimator = estimator, annualization = year), function(o, h, l, c, v) {
        x <- tryCatch(volatility(cbind(o, h, l, c), n, calc = ESTIMATORS[[estimator]], N = year),
                      error = function(e) rep(NA_real_, length(c)))
        list(value = x)
      })
    }
  }
  cases
}

# A number as the fixture holds it (15 significant digits): the cases are
# computed from the bars the tests read, not from the bits R had before writing
# them (101.16 + 0.44 is 101.60000000000001, written as 101.6). It matters in
# flat windows, where running-sum residue of an ulp decides null or a value.
as_written <- function(x) fromJSON(toJSON(x, digits = NA))

write_set <- function(name, o, h, l, c, v, dates, benchmark, note, full = TRUE) {
  o <- as_written(o); h <- as_written(h); l <- as_written(l); c <- as_written(c); v <- as_written(v)
  benchmark$close <- as_written(benchmark$close)
  body <- list(
    source = sprintf("R %s, TTR %s", getRversion(), packageVersion("TTR")),
    note = note,
    bars = list(date = I(dates), open = o, high = h, low = l, close = c, volume = v),
    benchmark = list(ticker = "BENCH", date = I(benchmark$date), open = benchmark$open, high = benchmark$high,
                     low = benchmark$low, close = benchmark$close, volume = benchmark$volume),
    cases = c(cases_for(o, h, l, c, v), new_cases_for(o, h, l, c, v, dates, benchmark, full)))
  writeLines(toJSON(body, auto_unbox = TRUE, digits = NA, na = "null"), file.path(out_dir, paste0(name, ".json")))
}

# A benchmark for beta: a walk whose returns follow 0.6 of the asset's plus
# noise, on the asset's dates less every 37th, plus a few dates of its own (a
# Saturday), with a stretch where it does not move (its variance is 0 there).
make_benchmark <- function(dates, c, flat, seed) {
  set.seed(seed)
  r <- c(0, diff(log(c)))
  close <- round(100 * exp(cumsum(0.6 * r + rnorm(length(r), 0, 0.008))), 2)
  close[flat] <- close[flat[1]]
  keep <- rep(TRUE, length(dates))
  keep[seq(7, length(dates), by = 37)] <- FALSE
  extra <- as.character(as.Date(dates[seq(5, length(dates), by = 41)]) + 5 - as.POSIXlt(dates[seq(5, length(dates), by = 41)])$wday)
  all <- data.frame(date = c(dates[keep], extra), close = c(close[keep], round(close[seq(5, length(dates), by = 41)] * 1.001, 2)))
  all <- all[!duplicated(all$date), ]
  all <- all[order(all$date), ]
  list(date = all$date, open = all$close, high = all$close * 1.01, low = all$close * 0.99, close = all$close,
       volume = rep(1e6, nrow(all)))
}

subset_benchmark <- function(b, dates) {
  keep <- b$date <= max(dates)
  lapply(b, function(x) x[keep])
}

data(ttrc)
ttrc_dates <- as.character(ttrc$Date)
write_set("ttrc", ttrc$Open, ttrc$High, ttrc$Low, ttrc$Close, ttrc$Volume, ttrc_dates,
  make_benchmark(ttrc_dates, ttrc$Close, 3000:3080, 7),
  "TTR's ttrc data set: 5,550 real daily bars", full = FALSE)

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
# Added with the second set: a bar with H = L = O = C outside the flat stretch,
# a volume above 2^31, and a run of zero volume on moving bars (zero-volume
# windows: 0/0 and residue in the volume-weighted averages, ±Infinity in EMV).
o[66] <- c[66]; h[66] <- c[66]; l[66] <- c[66]
v[70] <- 3e9
v[84:94] <- 0
edge_dates <- as.character(Filter(function(d) !(as.POSIXlt(d)$wday %in% c(0, 6)),
                                  seq(as.Date("2024-01-01"), by = "day", length.out = 200))[seq_along(c)])
edge_benchmark <- make_benchmark(edge_dates, c, 60:75, 11)
write_set("edge", o, h, l, c, v, edge_dates, edge_benchmark,
  "flat stretch, gaps, repeated closes, zero volume, H = L, a volume above 2^31")
write_set("short", head(o, 5), head(h, 5), head(l, 5), head(c, 5), head(v, 5), head(edge_dates, 5),
  subset_benchmark(edge_benchmark, head(edge_dates, 5)), "5 bars: most periods exceed the series")
write_set("single", o[1], h[1], l[1], c[1], v[1], edge_dates[1], subset_benchmark(edge_benchmark, edge_dates[1]),
  "one bar")
