"""pfsim from Python: load a scenario, change it, run it and read its results as pandas tables.

    import pfsim
    s = pfsim.load("scenarios/south-east-essex-2019.yaml").set("sites.Southend.beds.general", 600)
    r = pfsim.run(s, replications=20, threads=2, seed=7)
    r.summary.loc["ae_4h_pct", "mean"]; r.daily; r.save("results.h5")

The simulation is the C++ run library the `pfsim` command uses (pfsim._core), so a run gives the same numbers as
`pfsim run` for the same scenario, seed and replications.
"""
from ._core import version as __version__
from ._errors import OutputError, ScenarioError
from ._results import Results, compare, read, run
from ._scenario import Scenario, load, loads

__all__ = ["Scenario", "ScenarioError", "OutputError", "Results", "load", "loads", "run", "compare", "read", "__version__"]
