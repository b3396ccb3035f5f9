"""Results: the tables of one results record (a run, a comparison or a file read back), and save() to the HDF5
file the CLI would write. pfsim.run, pfsim.compare and pfsim.read make them."""
import os
import warnings
from functools import cached_property

from . import _core, _tables
from ._progress import progress_callback
from ._scenario import Scenario

# /meta entries that mean the numbers need care (README "Stability checks", "Warm-up"): shown as Python warnings,
# as the CLI prints them on stderr.
WARNING_META = {"offered_load_warning": "offered load at or above capacity: {}", "warmup_warning": "{}",
                "unstable": "unstable: {}: the queue was still growing at the end of the run"}


class Results:
    """Tables of a results record, each a tidy pandas DataFrame (long format; see the README "From Python and R").

    kpi          replication, kpi, value, units
    summary      index kpi: mean, sd, ci95_half, p5, p50, p95, n, units, description (what `pfsim info` shows)
    daily        replication, day, date, series, value, units
    monthly      replication, month, date, kpi, value, units
    by_site      replication, site, kpi, value, units;  by_locality: replication, locality, kpi, value, units
    schemes      replication, scheme, kpi (delivery, savings_gbp), value, units     (scenarios with schemes)
    qipp         per replication: savings_gbp, flow_savings_gbp, activity/<name>;  qipp_schemes per scheme;
                 qipp_targets: the QIPP and KPI targets with P(met) and its CI
    travel       replication, locality, kpi, value, units                             (scenarios with routing)
    compare      option, scope, kpi, label, mean, ci95_half, p5, p50, p95, significant (paired option − base)
    compare_replications   option, scope, kpi, label, replication, difference
    groups       every labelled table group by name (monthly, travel, schemes, calibration, ...)
    datasets     every other dataset by path ("/qipp/savings_gbp"), as numpy arrays
    meta, scenario_yaml, table (pfsim compare's printed table); kpi_table() the table `pfsim info` prints
    """

    def __init__(self, record):
        self._record = record
        self._raw = record.tables()
        self.meta = self._raw["meta"]
        self.scenario_yaml = self._raw["scenario_yaml"]
        self.site_names = list(self._raw["site_names"])
        self.locality_names = list(self._raw["locality_names"])
        self.datasets = {path: values for path, values in self._raw["datasets"]}
        self.table = record.table

    # The tables are built when first read: a sweep that only looks at `summary` never pays for `daily`.
    @cached_property
    def kpi(self):
        return _tables.kpi_table(self._raw["kpis"])

    @cached_property
    def summary(self):
        return _tables.summary_table(self._raw["summary"], self._raw["kpis"])

    @cached_property
    def daily(self):
        return _tables.daily_table(self._raw["daily"], self.meta.get("start_date"))

    @cached_property
    def by_site(self):
        return _tables.labelled_table("by_site", self.site_names, self._raw["by_site"])

    @cached_property
    def by_locality(self):
        return _tables.labelled_table("by_locality", self.locality_names, self._raw["by_locality"])

    @cached_property
    def groups(self):
        return {g["name"]: _tables.labelled_table(g["name"], g["labels"], g["tables"]) for g in self._raw["table_groups"]}

    @property
    def monthly(self):
        return self.groups.get("monthly")

    @property
    def travel(self):
        return self.groups.get("travel")

    @property
    def schemes(self):
        return self.groups.get("schemes")

    @cached_property
    def _qipp(self):
        scheme_names = next((list(g["labels"]) for g in self._raw["table_groups"] if g["name"] == "schemes"), [])
        return _tables.qipp_tables(self._raw["datasets"], scheme_names, int(self.meta.get("replications", 0)))

    @property
    def qipp(self):
        return self._qipp[0]

    @property
    def qipp_schemes(self):
        return self._qipp[1]

    @property
    def qipp_targets(self):
        return self._qipp[2]

    @cached_property
    def _compare(self):
        return _tables.compare_tables(self._raw["datasets"], self.site_names, self.locality_names,
                                      int(self.meta.get("replications", 0)))

    @property
    def compare(self):
        return self._compare[0]

    @property
    def compare_replications(self):
        return self._compare[1]

    def save(self, path):
        """Writes the results file the CLI writes for the same run (via <path>.tmp, then a rename)."""
        self._record.save(os.fspath(path))

    def kpi_table(self):
        """The KPI table as `pfsim run` and `pfsim info` print it (the same C++ function), as text."""
        return self._record.kpi_table_text()

    def mean(self, kpi):
        """The mean over replications of one KPI (summary.loc[kpi, "mean"])."""
        return float(self.summary.loc[kpi, "mean"])

    def __repr__(self):
        return (f"<pfsim.Results {self.meta.get('scenario_name')!r}: {self.meta.get('replications')} replications x "
                f"{self.meta.get('days')} days from {self.meta.get('start_date')}, {len(self._raw['kpis'])} KPIs>")


def _warn_about(meta):
    for key, text in WARNING_META.items():
        if meta.get(key):
            warnings.warn("pfsim: " + text.format(meta[key]), RuntimeWarning, stacklevel=3)


def _command_line(call, **arguments):
    given = ", ".join(f"{k}={v!r}" for k, v in arguments.items() if v is not None)
    return f"python: pfsim.{call}({given})"


def _check_scenario(scenario, what):
    if not isinstance(scenario, Scenario):
        raise TypeError(f"pfsim: {what} must be a pfsim.Scenario (from pfsim.load or pfsim.loads), got {type(scenario).__name__}")


def _whole(name, value, lowest):
    # A clear message here rather than pybind11's list of signatures for a float, a string or a negative seed.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) and not hasattr(value, "__index__"):
        raise TypeError(f"pfsim: {name} must be a whole number or None, got {value!r}")
    value = int(value.__index__()) if not isinstance(value, int) else value
    if value < lowest:
        raise ValueError(f"pfsim: {name}: expected a whole number of at least {lowest}, got {value}")
    return value


def run(scenario, replications=20, threads=None, seed=None, progress=True, check=False):
    """Runs `replications` of the scenario on `threads` threads (None: every core), as `pfsim run` with -r, -j and
    --seed (None: the scenario's run.seed). The results are bit-identical to the CLI's for the same scenario, seed
    and replications, whatever the thread count. replications=None takes the scenario's run.replications.
    Ctrl-C raises KeyboardInterrupt within a simulated day."""
    _check_scenario(scenario, "the scenario")
    replications, threads, seed = _whole("replications", replications, 1), _whole("threads", threads, 1), _whole("seed", seed, 0)
    if seed is not None and seed >= 2**64:
        raise ValueError(f"pfsim: seed: expected a whole number from 0 to {2**64 - 1}, got {seed}")
    line = _command_line("run", scenario=scenario.source, overrides=scenario.overrides or None, replications=replications,
                         threads=threads, seed=seed)
    record = _core.run(scenario._source, replications, threads, seed, check, line,
                       progress_callback(progress, scenario.name))
    results = Results(record)
    _warn_about(results.meta)
    return results


def _option_label(scenario):
    # The CLI names /compare/<label>/ after the option file's stem.
    return os.path.splitext(os.path.basename(scenario.source))[0]


def compare(base, options, replications=None, threads=None, by_locality=False, progress=True):
    """Runs the base and each option with common random numbers, as `pfsim compare`, and returns Results whose
    `compare` table holds the paired differences option − base (and `compare_replications` each replication's).
    `options` is a list of Scenarios (each labelled by its file's stem, as in the CLI) or a dict label → Scenario."""
    _check_scenario(base, "the base")
    replications, threads = _whole("replications", replications, 2), _whole("threads", threads, 1)
    if isinstance(options, Scenario):
        options = [options]
    labelled = list(options.items()) if isinstance(options, dict) else [(_option_label(s), s) for s in options]
    if not labelled:
        raise ValueError("pfsim.compare: give at least one option")
    seen = {}
    for label, s in labelled:
        _check_scenario(s, f"option {label!r}")
        if label in seen:
            raise ValueError(f"pfsim.compare: options {seen[label]} and {s.source} would both be written as /compare/{label}/ "
                             "(hint: pass a dict of labels to scenarios)")
        seen[label] = s.source
    scenarios = [(_option_label(base), base._source)] + [(label, s._source) for label, s in labelled]
    line = _command_line("compare", base=base.source, options=[s.source for _, s in labelled], replications=replications,
                         threads=threads)
    record = _core.compare(scenarios, replications, threads, by_locality, line, progress_callback(progress, "compare"))
    results = Results(record)
    _warn_about(results.meta)
    return results


def read(path):
    """Reads any pfsim results file (run, compare, calibrate) with the CLI's reader (raises pfsim.OutputError)."""
    return Results(_core.read(os.fspath(path)))
