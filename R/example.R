# An R session with pfsim: run the South East Essex 2019/20 baseline with the `pfsim` command, read every table,
# and print the headline KPIs and a monthly table. Rscript R/example.R [REPLICATIONS] [PFSIM] [OUTPUT]
# (run from the repository root; PFSIM defaults to build/release/tools/pfsim, then `pfsim` on the PATH; OUTPUT to
# example-r.h5).
args <- commandArgs(trailingOnly = TRUE)
replications <- if (length(args) >= 1) as.integer(args[1]) else 8L
binary <- if (length(args) >= 2) args[2] else if (file.exists("build/release/tools/pfsim")) "build/release/tools/pfsim" else "pfsim"
output <- if (length(args) >= 3) args[3] else "example-r.h5"
source("R/pfsim.R")

r <- pfsim_run("scenarios/south-east-essex-2019.yaml", output = output, replications = replications, seed = 7,
               threads = 2, pfsim = binary)
cat(sprintf("%s: %d replications x %d days from %s\n", r$meta$scenario_name, r$meta$replications, r$meta$days, r$meta$start_date))

headline <- c("ae_4h_pct", "ae_mean_time_min", "bed_occupancy_pct", "dtoc_daily_delays", "reablement_91d_home_pct")
print(r$summary[r$summary$kpi %in% headline, c("kpi", "mean", "ci95_half", "p5", "p95", "units")], row.names = FALSE)

# Tidy tables aggregate with base R: the mean 4-hour % by month over replications.
monthly <- r$monthly[r$monthly$kpi == "ae_4h_pct", ]
print(aggregate(value ~ month, data = monthly, FUN = mean))

# One row per replication x day, with calendar dates: the daily bed occupancy's 5-95 % band in the first week.
daily <- r$daily[r$daily$series == "bed_occupancy_pct" & r$daily$day < 7, ]
print(aggregate(value ~ date, data = daily, FUN = function(v) stats::quantile(v, c(0.05, 0.5, 0.95))))
