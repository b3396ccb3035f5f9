# pfsim results in R: source("R/pfsim.R"), then r <- pfsim_read("results.h5") gives every group of a results file
# as tidy data frames, and pfsim_run() runs the `pfsim` command and reads what it wrote (README "From Python and R").
#
# Orientation: pfsim writes [replication x day] and [replication x label] tables in C order; hdf5r hands them to R
# with the dimensions reversed (day x replication). Every table here is turned back so row r is replication r
# (0-based, as in the file and in Python), and checked against /meta replications.
# Needs hdf5r (Debian: r-cran-hdf5r).
suppressPackageStartupMessages(library(hdf5r))

.pfsim_attrs <- function(obj) {
  names <- hdf5r::h5attr_names(obj)
  stats::setNames(lapply(names, function(n) hdf5r::h5attr(obj, n)), names)
}

# [rows x columns] as pfsim wrote it, from hdf5r's reversed array; a 1-D dataset is one row per element.
.pfsim_matrix <- function(ds) {
  v <- ds$read()
  if (is.null(dim(v)) || length(dim(v)) == 1) return(matrix(v, ncol = 1))
  t(v)
}

.pfsim_long <- function(m, label_name, labels, row_name, kpi, units) {
  rows <- nrow(m)
  cols <- ncol(m)
  if (length(labels) != cols) labels <- as.character(seq_len(cols) - 1)
  out <- data.frame(row = rep(seq_len(rows) - 1L, each = cols), label = rep(labels, times = rows),
                    kpi = kpi, value = as.vector(t(m)), units = units, stringsAsFactors = FALSE)
  names(out)[1:2] <- c(row_name, label_name)
  out
}

.pfsim_bind <- function(frames, empty) {
  frames <- Filter(Negate(is.null), frames)
  if (length(frames) == 0) return(empty)
  out <- do.call(rbind, frames)
  rownames(out) <- NULL
  out
}

.pfsim_label_columns <- c(by_site = "site", by_locality = "locality", monthly = "month", travel = "locality",
                          schemes = "scheme", parameter_samples = "parameter", calibration = "column",
                          calibration_fit = "target", calibration_parameters = "parameter")
.pfsim_replication_rows <- c("by_site", "by_locality", "monthly", "travel", "schemes", "parameter_samples")

# One group of labelled [row x label] tables (/by_site, /monthly, ...) as replication|row, label, kpi, value, units.
.pfsim_group <- function(f, group, replications) {
  g <- f[[group]]
  labels <- if (g$exists("names")) as.character(g[["names"]]$read()) else character(0)
  label_name <- if (group %in% names(.pfsim_label_columns)) .pfsim_label_columns[[group]] else "label"
  row_name <- if (group %in% .pfsim_replication_rows) "replication" else "row"
  frames <- lapply(setdiff(g$ls()$name, "names"), function(name) {
    if (!inherits(g[[name]], "H5D")) return(NULL)
    ds <- g[[name]]
    m <- .pfsim_matrix(ds)
    if (length(labels) > 0 && ncol(m) != length(labels) && nrow(m) == length(labels)) m <- t(m)
    if (row_name == "replication" && nrow(m) != replications)
      stop(sprintf("pfsim_read: /%s/%s has %d rows, expected %d replications", group, name, nrow(m), replications))
    units <- if ("units" %in% hdf5r::h5attr_names(ds)) hdf5r::h5attr(ds, "units") else ""
    .pfsim_long(m, label_name, labels, row_name, name, units)
  })
  out <- .pfsim_bind(frames, NULL)
  if (!is.null(out) && group == "monthly") out$date <- as.Date(paste0(out$month, "-01"))
  out
}

#' Reads a pfsim results file (run, compare or calibrate) into a list of tidy data frames:
#' meta (list), scenario_yaml, kpi (replication, kpi, value, units), summary (kpi, mean, sd, ci95_half, p5, p50, p95),
#' daily (replication, day, date, series, value, units), by_site, by_locality, monthly, and every other labelled
#' group by name (travel, schemes, calibration, ...), compare (paired differences: option, scope, kpi, label,
#' replication, difference) and compare_summary, and datasets (every other dataset by path, as numeric vectors).
pfsim_read <- function(path) {
  if (!file.exists(path)) stop(sprintf("pfsim_read: %s: no such file", path))
  f <- tryCatch(hdf5r::H5File$new(path, mode = "r"), error = function(e) stop(sprintf("pfsim_read: %s: not an HDF5 file", path)))
  on.exit(f$close_all())
  if (!f$exists("meta")) stop(sprintf("pfsim_read: %s: not a pfsim results file (no /meta)", path))
  r <- list(meta = .pfsim_attrs(f[["meta"]]))
  r$scenario_yaml <- if (f[["meta"]]$exists("scenario_yaml")) f[["meta/scenario_yaml"]]$read() else ""
  replications <- as.integer(r$meta$replications)
  start <- as.Date(r$meta$start_date)

  reps <- f[["kpi/replications"]]
  wide <- reps$read()
  attrs <- .pfsim_attrs(reps)
  kpis <- setdiff(names(wide), "replication")
  r$kpi <- .pfsim_bind(lapply(kpis, function(k) data.frame(replication = as.integer(wide$replication), kpi = k,
                                                           value = wide[[k]], units = attrs[[paste0("units_", k)]] %||% "",
                                                           stringsAsFactors = FALSE)),
                       data.frame(replication = integer(0), kpi = character(0), value = numeric(0), units = character(0)))
  s <- f[["kpi/summary"]]$read()
  s$units <- vapply(s$kpi, function(k) attrs[[paste0("units_", k)]] %||% "", "")
  r$summary <- s

  if (f$exists("daily")) {
    g <- f[["daily"]]
    r$daily <- .pfsim_bind(lapply(g$ls()$name, function(name) {
      m <- .pfsim_matrix(g[[name]])
      if (nrow(m) != replications) stop(sprintf("pfsim_read: /daily/%s has %d rows, expected %d", name, nrow(m), replications))
      d <- .pfsim_long(m, "day", seq_len(ncol(m)) - 1L, "replication", name, hdf5r::h5attr(g[[name]], "units"))
      names(d)[names(d) == "kpi"] <- "series"
      d$date <- start + d$day
      d[, c("replication", "day", "date", "series", "value", "units")]
    }), NULL)
  }
  top <- f$ls()$name
  for (group in setdiff(top, c("meta", "kpi", "daily", "compare", "qipp"))) {
    if (inherits(f[[group]], "H5Group") && f[[group]]$exists("names") || group %in% c("by_site", "by_locality"))
      r[[group]] <- .pfsim_group(f, group, replications)
  }
  # Every dataset not read above, by path: /qipp/..., /compare/... (flat, as the run library writes them).
  listing <- f$ls(recursive = TRUE)
  paths <- listing$name[listing$obj_type == "H5I_DATASET"]
  paths <- paths[!grepl("^(meta|kpi|daily)/", paths) & !(sub("/.*", "", paths) %in% names(r))]
  r$datasets <- stats::setNames(lapply(paths, function(p) as.numeric(f[[p]]$read())), if (length(paths)) paste0("/", paths) else character(0))
  if ("compare" %in% top) r <- c(r, .pfsim_compare(r, replications))
  r
}

`%||%` <- function(a, b) if (is.null(a)) b else a

# /compare/<option>/[<scope>/]<kpi> [replication x label] flattened; <kpi>_summary [label x (mean, ci95_half, p5, p50, p95)].
.pfsim_compare <- function(r, replications) {
  sites <- unique(r$by_site$site)
  localities <- unique(r$by_locality$locality)
  axis <- list(system = "", by_site = sites, by_locality = localities, travel = c(localities, "all localities"))
  paired <- list()
  summary <- list()
  for (p in names(r$datasets)) {
    parts <- strsplit(sub("^/", "", p), "/")[[1]]
    if (parts[1] != "compare" || length(parts) < 3 || grepl("_summary$", p)) next
    scope <- if (length(parts) == 4) parts[3] else "system"
    labels <- axis[[scope]]
    v <- r$datasets[[p]]
    if (is.null(labels) || length(v) != replications * length(labels)) next
    m <- matrix(v, nrow = replications, byrow = TRUE)
    paired[[p]] <- data.frame(option = parts[2], scope = scope, kpi = parts[length(parts)],
                              label = rep(labels, times = replications), replication = rep(seq_len(replications) - 1L, each = length(labels)),
                              difference = as.vector(t(m)), stringsAsFactors = FALSE)
    sm <- r$datasets[[paste0(p, "_summary")]]
    if (!is.null(sm) && length(sm) == 5 * length(labels)) {
      sm <- matrix(sm, ncol = 5, byrow = TRUE)
      summary[[p]] <- data.frame(option = parts[2], scope = scope, kpi = parts[length(parts)], label = labels,
                                 mean = sm[, 1], ci95_half = sm[, 2], p5 = sm[, 3], p50 = sm[, 4], p95 = sm[, 5],
                                 stringsAsFactors = FALSE)
    }
  }
  list(compare = .pfsim_bind(paired, NULL), compare_summary = .pfsim_bind(summary, NULL))
}

#' Runs `pfsim run SCENARIO -o OUTPUT -q` (with -r, --seed, -j and one --set per element of `set`, e.g.
#' c("sites.Southend.beds.general=600")) and reads the results. Stops with pfsim's own message when it fails.
pfsim_run <- function(scenario, output = tempfile(fileext = ".h5"), replications = NULL, seed = NULL, threads = NULL,
                      set = character(0), pfsim = Sys.getenv("PFSIM", "pfsim")) {
  args <- c("run", shQuote(scenario), "-o", shQuote(output), "-q")
  if (!is.null(replications)) args <- c(args, "-r", replications)
  if (!is.null(seed)) args <- c(args, "--seed", seed)
  if (!is.null(threads)) args <- c(args, "-j", threads)
  for (s in set) args <- c(args, "--set", shQuote(s))
  err <- tempfile()
  status <- system2(pfsim, args, stdout = FALSE, stderr = err)
  if (status != 0) stop(paste(readLines(err), collapse = "\n"), call. = FALSE)
  pfsim_read(output)
}
