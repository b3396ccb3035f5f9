"""pfsim.read on files the CLI wrote: a calibration (its three tables), a run with routing (/travel) and a
comparison (/compare, with travel differences); each table has the rows its group holds and labels from the file.

usage: read_every_group.py CALIBRATION.h5 ROUTED_RUN.h5 COMPARE.h5
"""
import sys

import pfsim


def main(calibration, routed, compared):
    problems = []

    def check(ok, what):
        print(("ok  " if ok else "BAD ") + what)
        if not ok:
            problems.append(what)

    c = pfsim.read(calibration)
    fit, params, trace = c.groups["calibration_fit"], c.groups["calibration_parameters"], c.groups["calibration"]
    check(set(fit["kpi"]) >= {"observed", "simulated_mean", "z"} and fit["row"].nunique() == 1
          and fit.groupby("target").size().eq(fit["kpi"].nunique()).all(),
          f"calibration_fit: each target KPI ({sorted(fit['target'].unique())}) has every column")
    check(params["parameter"].nunique() >= 1 and set(params["kpi"]) == {"fitted", "sd", "lower", "upper", "start"},
          f"calibration_parameters: {sorted(params['parameter'].unique())}")
    check(trace["row"].nunique() >= 3 and "objective" in set(trace["column"]), f"calibration trace: {trace['row'].nunique()} candidates")

    r = pfsim.read(routed)
    n = r.meta["replications"]
    check(r.travel is not None and "all localities" in set(r.travel["locality"]), "travel: by locality and all localities")
    check(sorted(r.travel["replication"].unique()) == list(range(n)), "travel: replication rows")
    check(set(r.travel["locality"]) - {"all localities"} == set(r.locality_names), "travel: the run's localities")

    d = pfsim.read(compared)
    scopes = set(d.compare["scope"])
    check({"system", "by_site", "by_locality", "travel"} <= scopes, f"compare scopes {sorted(scopes)}")
    paired = d.compare_replications
    means = paired.groupby(["option", "scope", "kpi", "label"])["difference"].mean()
    stored = d.compare.set_index(["option", "scope", "kpi", "label"])["mean"]
    joined = stored.to_frame("stored").join(means.rename("paired")).dropna()
    check(len(joined) > 50 and ((joined["stored"] - joined["paired"]).abs() <= 1e-9 * (1 + joined["stored"].abs())).all(),
          f"compare: {len(joined)} stored means equal the mean paired difference")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
