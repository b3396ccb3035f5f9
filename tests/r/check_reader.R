# The R reader against the CLI: runs R/example.R (the baseline through pfsim_run) and a comparison with the CLI,
# reads them with pfsim_read, and checks (1) every KPI mean equals the mean `pfsim info` prints, to its printed digits, and the file's
# /kpi/summary; (2) the daily, monthly and breakdown tables have replications as rows (hdf5r reverses dimensions),
# e.g. each replication's A&E attendances KPI equals the sum of its daily attendances; (3) dates start at start_date;
# (4) the comparison's paired differences average to their stored means.
# usage: Rscript check_reader.R REPOSITORY PFSIM WORKDIR
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]; binary <- args[2]; work <- args[3]
dir.create(work, showWarnings = FALSE, recursive = TRUE)
source(file.path(root, "R/pfsim.R"))
failures <- 0
check <- function(ok, what) {
  cat(if (isTRUE(ok)) "ok  " else "BAD ", what, "\n", sep = "")
  if (!isTRUE(ok)) failures <<- failures + 1
}

baseline <- file.path(root, "scenarios/south-east-essex-2019.yaml")
out <- file.path(work, "example.h5")
n <- 3
setwd(root)
printed <- system2(file.path(R.home("bin"), "Rscript"), c("R/example.R", n, shQuote(binary), shQuote(out)), stdout = TRUE)
check(is.null(attr(printed, "status")) && any(grepl("ae_4h_pct", printed)), "R/example.R ran and printed its KPI table")
r <- pfsim_read(out)
days <- as.integer(r$meta$days)

# (1) The means `pfsim info` prints: rows "name  mean  ± half ...".
info <- system2(binary, c("info", shQuote(out)), stdout = TRUE)
rows <- regmatches(info, regexec("^([a-z0-9_]+)\\s+(-?[0-9.]+)\\s+±", info))
rows <- Filter(function(m) length(m) == 3, rows)
check(length(rows) >= 20, sprintf("pfsim info prints %d KPI rows", length(rows)))
for (m in rows) {
  kpi <- m[2]; printed <- m[3]
  decimals <- if (grepl("\\.", printed)) nchar(sub(".*\\.", "", printed)) else 0
  values <- r$kpi$value[r$kpi$kpi == kpi]
  mine <- mean(values)
  stored <- r$summary$mean[r$summary$kpi == kpi]
  ok <- length(values) == n && abs(mine - as.numeric(printed)) <= 0.5 * 10^-decimals * (1 + 1e-9) + 1e-12 &&
    isTRUE(all.equal(mine, stored, tolerance = 1e-12))
  if (!ok) check(FALSE, sprintf("%s: R mean %.10g, stored %.10g, pfsim info %s", kpi, mine, stored, printed))
}
check(failures == 0, sprintf("all %d KPI means equal pfsim info's and /kpi/summary", length(rows)))

# (2) Orientation: replication rows everywhere; a replication's attendances KPI is the sum of its days.
check(all(table(r$daily$replication) == days * length(unique(r$daily$series))), sprintf("daily: %d days per replication and series", days))
att <- r$daily[r$daily$series == "ae_attendances", ]
by_rep <- tapply(att$value, att$replication, sum)
kpi_att <- r$kpi$value[r$kpi$kpi == "ae_attendances"][order(r$kpi$replication[r$kpi$kpi == "ae_attendances"])]
check(isTRUE(all.equal(as.numeric(by_rep), kpi_att, tolerance = 1e-6)),
      sprintf("per-replication daily sums %s equal ae_attendances %s", paste(by_rep, collapse = " "), paste(kpi_att, collapse = " ")))
check(nrow(r$by_site) == n * length(unique(r$by_site$site)) * length(unique(r$by_site$kpi)) &&
      all(unique(r$by_site$replication) == 0:(n - 1)), "by_site: replications x sites x KPIs")
check(nrow(r$by_locality) == n * length(unique(r$by_locality$locality)) * length(unique(r$by_locality$kpi)), "by_locality: complete")
check(all(r$monthly$replication %in% 0:(n - 1)) && inherits(r$monthly$date, "Date"), "monthly: replications and dates")
# (3) Dates.
check(min(r$daily$date) == as.Date(r$meta$start_date) && max(r$daily$date) == as.Date(r$meta$start_date) + days - 1, "daily dates")

# (4) A comparison: paired differences and their summary.
cmp <- file.path(work, "compare.h5")
status <- system2(binary, c("compare", shQuote(baseline), shQuote(file.path(root, "scenarios/south-east-essex-2019-virtual-wards.yaml")),
                            "-r", "3", "-j", "2", "-q", "--set", "run.days=45", "--set", "run.warmup_days=30", "-o", shQuote(cmp)))
check(status == 0, "pfsim compare ran")
c <- pfsim_read(cmp)
d <- c$compare[c$compare$scope == "system" & c$compare$kpi == "bed_occupancy_pct", ]
s <- c$compare_summary[c$compare_summary$scope == "system" & c$compare_summary$kpi == "bed_occupancy_pct", ]
check(nrow(d) == 3 && isTRUE(all.equal(mean(d$difference), s$mean, tolerance = 1e-12)),
      sprintf("compare: mean paired difference %.6g equals the stored %.6g", mean(d$difference), s$mean))
if (failures > 0) quit(status = 1)
cat("R reader: every check passed\n")
