"""pfsim's Python API on small runs: tables have the shapes and values the record holds, a file read back gives the
same tables, set() and loads() behave like --set and the loader, bad input raises one clear error, and Ctrl-C stops
a run. Run with PYTHONPATH=<build>/python; argv: the repository root."""
import os
import signal
import sys
import tempfile
import threading
import time
import unittest

import numpy as np
import pandas as pd

import pfsim

ROOT = os.environ.get("PFSIM_ROOT", ".")
BASELINE = os.path.join(ROOT, "scenarios/south-east-essex-2019.yaml")
MMC = os.path.join(ROOT, "scenarios/tests/mmc-ae.yaml")


def small_baseline():
    return pfsim.load(BASELINE).set({"run.days": 40, "run.warmup_days": 20})


class Tables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = pfsim.run(small_baseline(), replications=3, threads=2, seed=11, progress=False)
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "r.h5")
        cls.results.save(cls.path)
        cls.back = pfsim.read(cls.path)

    def test_kpi_has_one_row_per_replication_and_kpi(self):
        r = self.results
        self.assertEqual(len(r.kpi), 3 * len(r.summary))
        self.assertEqual(sorted(r.kpi["replication"].unique()), [0, 1, 2])

    def test_summary_mean_is_the_mean_of_the_replications(self):
        r = self.results
        for kpi in ["ae_4h_pct", "bed_occupancy_pct", "dtoc_daily_delays"]:
            values = r.kpi.loc[r.kpi["kpi"] == kpi, "value"].to_numpy()
            self.assertAlmostEqual(r.summary.loc[kpi, "mean"], values.mean(), places=9)
            self.assertEqual(r.summary.loc[kpi, "n"], 3)

    def test_file_read_back_gives_identical_tables(self):
        for name in ["kpi", "daily", "by_site", "by_locality", "monthly"]:
            pd.testing.assert_frame_equal(getattr(self.results, name), getattr(self.back, name), check_exact=True, obj=name)
        # /kpi/summary as the writer stored it equals the summary computed in memory, bit for bit.
        pd.testing.assert_frame_equal(self.results.summary, self.back.summary, check_exact=True)
        self.assertEqual(self.results.scenario_yaml, self.back.scenario_yaml)

    def test_daily_has_dates_from_the_start_date(self):
        d = self.results.daily
        first = d.loc[d["day"] == 0, "date"].iloc[0]
        self.assertEqual(first, pd.Timestamp(self.results.meta["start_date"]))
        self.assertEqual(d["day"].max(), 39)

    def test_monthly_and_breakdowns_are_labelled(self):
        r = self.results
        self.assertEqual(set(r.by_site["site"]), set(r.site_names))
        self.assertEqual(set(r.by_locality["locality"]), set(r.locality_names))
        self.assertTrue(np.issubdtype(r.monthly["date"].dtype, np.datetime64))
        self.assertEqual(r.monthly["month"].iloc[0], r.meta["start_date"][:7])

    def test_kpi_table_is_the_one_pfsim_info_prints_for_the_file(self):
        import subprocess
        info = subprocess.run([os.environ["PFSIM"], "info", self.path], capture_output=True, text=True, check=True).stdout
        self.assertIn(self.results.kpi_table(), info)

    def test_meta_records_seed_and_replications(self):
        self.assertEqual(self.results.meta["seed"], 11)
        self.assertEqual(self.results.meta["replications"], 3)
        self.assertIn("python: pfsim.run(", self.results.meta["command_line"])


class ScenarioEditing(unittest.TestCase):
    def test_set_changes_the_resolved_scenario(self):
        s = pfsim.load(BASELINE)
        s.set("sites.Southend.beds.general", 600)
        self.assertIn("general: 600", s.to_yaml())
        self.assertEqual(s.overrides, ["sites.Southend.beds.general=600"])

    def test_a_batch_with_one_bad_value_changes_nothing(self):
        s = pfsim.load(MMC)
        before = s.to_yaml()
        with self.assertRaises(pfsim.ScenarioError):
            s.set({"run.days": 30, "sites.Hospital.ae.clinicians": -1})
        self.assertEqual(s.to_yaml(), before)
        self.assertEqual(s.overrides, [])

    def test_set_without_a_value_is_refused(self):
        with self.assertRaises(TypeError):
            pfsim.load(MMC).set("planned_care")

    def test_copy_is_independent(self):
        s = pfsim.load(MMC)
        t = s.copy().set("run.days", 7)
        self.assertNotEqual(s.to_yaml(), t.to_yaml())

    def test_loads_of_the_resolved_text_resolves_to_the_same_text(self):
        s = small_baseline()
        self.assertEqual(pfsim.loads(s.to_yaml(), directory=os.path.dirname(BASELINE)).to_yaml(), s.to_yaml())

    def test_loads_reports_its_label_and_line(self):
        with self.assertRaises(pfsim.ScenarioError) as e:
            pfsim.loads("pfsim: 1\nname: x\nrun: {days: -3}\n", label="mine.yaml")
        self.assertEqual(e.exception.file, "mine.yaml")
        self.assertTrue(str(e.exception).startswith("mine.yaml:"), str(e.exception))

    def test_missing_file_is_a_scenario_error(self):
        with self.assertRaises(pfsim.ScenarioError) as e:
            pfsim.load(os.path.join(ROOT, "no-such-file.yaml"))
        self.assertIn("no-such-file.yaml", str(e.exception))

    def test_set_rejects_values_that_are_not_yaml(self):
        with self.assertRaises(TypeError):
            pfsim.load(MMC).set("run.days", object())
        with self.assertRaises(ValueError):
            pfsim.load(MMC).set("run.days", float("nan"))


class BadInput(unittest.TestCase):
    def test_read_of_a_file_that_is_not_hdf5_is_an_output_error(self):
        with tempfile.NamedTemporaryFile(suffix=".h5") as f:
            f.write(b"not hdf5")
            f.flush()
            with self.assertRaises(pfsim.OutputError):
                pfsim.read(f.name)

    def test_zero_replications_is_a_value_error(self):
        with self.assertRaises(ValueError):
            pfsim.run(pfsim.load(MMC), replications=0, progress=False)

    def test_bad_seeds_and_counts_say_which_argument(self):
        s = pfsim.load(MMC)
        for kwargs, error in [({"seed": -1}, ValueError), ({"seed": 2**64}, ValueError), ({"seed": "7"}, TypeError),
                              ({"replications": 2.5}, TypeError), ({"threads": 0}, ValueError)]:
            with self.assertRaises(error, msg=str(kwargs)) as e:
                pfsim.run(s, progress=False, **kwargs)
            self.assertIn(next(iter(kwargs)), str(e.exception))

    def test_run_wants_a_scenario(self):
        with self.assertRaises(TypeError):
            pfsim.run(MMC)

    def test_save_to_a_missing_folder_is_an_output_error(self):
        r = pfsim.run(pfsim.load(MMC).set("run.days", 2), replications=2, progress=False)
        with self.assertRaises(pfsim.OutputError):
            r.save("/no/such/folder/r.h5")


class Compare(unittest.TestCase):
    def test_paired_differences_are_option_minus_base(self):
        base = pfsim.load(MMC).set("run.days", 20)
        option = base.copy().set("sites.Hospital.ae.clinicians", 6)
        r = pfsim.compare(base, {"more_clinicians": option}, replications=4, threads=2, progress=False)
        c = r.compare
        row = c[(c["option"] == "more_clinicians") & (c["scope"] == "system") & (c["kpi"] == "ae_mean_time_min")].iloc[0]
        paired = r.compare_replications
        d = paired[(paired["option"] == "more_clinicians") & (paired["scope"] == "system") & (paired["kpi"] == "ae_mean_time_min")]
        self.assertEqual(len(d), 4)
        self.assertAlmostEqual(row["mean"], d["difference"].mean(), places=9)
        self.assertLess(row["mean"], 0)  # a sixth clinician shortens the time in A&E
        self.assertTrue(row["significant"])
        self.assertIn("more_clinicians", r.table)

    def test_two_options_with_one_label_are_refused(self):
        base = pfsim.load(MMC)
        with self.assertRaises(ValueError):
            pfsim.compare(base, [base.copy(), base.copy()], replications=2, progress=False)


class Threads(unittest.TestCase):
    def test_other_python_threads_run_while_it_simulates(self):
        ticks = []
        stop = threading.Event()

        def count():
            while not stop.is_set():
                ticks.append(1)
                time.sleep(0.001)

        counter = threading.Thread(target=count)
        counter.start()
        started = time.monotonic()
        pfsim.run(small_baseline(), replications=4, threads=1, progress=False)
        elapsed = time.monotonic() - started
        stop.set()
        counter.join()
        # Holding the GIL for the run would leave the counter at a handful of ticks.
        self.assertGreater(len(ticks), 0.3 * elapsed / 0.001 * 0.5, f"{len(ticks)} ticks in {elapsed:.2f} s")

    def test_progress_is_called_with_done_and_total(self):
        calls = []
        pfsim.run(pfsim.load(MMC).set("run.days", 30), replications=3, progress=lambda done, total: calls.append((done, total)))
        self.assertEqual(calls[-1], (3, 3))
        self.assertTrue(all(t == 3 for _, t in calls))

    def test_an_error_in_progress_stops_the_run_and_is_raised(self):
        def fail(done, total):
            raise RuntimeError("stop here")
        with self.assertRaisesRegex(RuntimeError, "stop here"):
            pfsim.run(pfsim.load(MMC), replications=50, threads=1, progress=fail)


class Interrupt(unittest.TestCase):
    def test_ctrl_c_raises_keyboard_interrupt_quickly(self):
        s = pfsim.load(BASELINE)
        timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT))
        started = time.monotonic()
        timer.start()
        with self.assertRaises(KeyboardInterrupt):
            pfsim.run(s, replications=200, threads=2, progress=False)
        self.assertLess(time.monotonic() - started, 15)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
