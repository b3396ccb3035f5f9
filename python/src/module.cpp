// pfsim._core: the C++ half of the Python module. It binds the run library the CLI uses; the tables, the defaults
// and the documentation are in the pure-Python package (python/pfsim/).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "errors.hpp"
#include "pfsim/output/results_file.hpp"
#include "pfsim/output/summary_table.hpp"
#include "pfsim/run/version.hpp"
#include "record.hpp"
#include "record_tables.hpp"
#include "scenario_source.hpp"
#include "simulate.hpp"

namespace py = pybind11;
using namespace pfsim::python;

PYBIND11_MODULE(_core, m) {
  m.doc() = "pfsim's C++ core; use the pfsim package instead";
  m.attr("version") = std::string(pfsim::run::kVersion);
  register_errors();

  py::class_<ScenarioSource>(m, "ScenarioSource")
      .def_static("from_file", &ScenarioSource::from_file, py::arg("path"))
      .def_static("from_text", &ScenarioSource::from_text, py::arg("text"), py::arg("label"), py::arg("directory"))
      .def("set", &ScenarioSource::set, py::arg("overrides"))
      .def("copy", [](const ScenarioSource& s) { return s; })
      .def("resolved_yaml", [](const ScenarioSource& s) { return s.build().resolved_yaml; })
      .def("name", [](const ScenarioSource& s) { return s.build().name; })
      .def_property_readonly("overrides", &ScenarioSource::overrides)
      .def_property_readonly("label", &ScenarioSource::label)
      .def_property_readonly("is_file", &ScenarioSource::is_file);

  py::class_<Record>(m, "Record")
      .def("tables", [](const Record& r) { return record_tables(r.record, r.stored_summary); })
      .def("save", [](const Record& r, const std::filesystem::path& path) { pfsim::output::write_results(r.record, path); },
           py::arg("path"))
      .def_property_readonly("table", [](const Record& r) { return r.table; })
      // The KPI table `pfsim run` and `pfsim info` print, from the same function.
      .def("kpi_table_text", [](const Record& r) {
        return pfsim::output::format_headline_table(r.record.kpis, pfsim::output::headline_kpis(r.record)) +
               pfsim::output::format_summary_table(r.record.kpis);
      });

  m.def(
      "run",
      [](const ScenarioSource& source, std::optional<int> replications, std::optional<int> threads, std::optional<std::uint64_t> seed,
         bool check, const std::string& command_line, const py::object& progress) {
        return run_scenario(source, {replications, threads, seed, check, command_line}, progress);
      },
      py::arg("source"), py::arg("replications"), py::arg("threads"), py::arg("seed"), py::arg("check"), py::arg("command_line"),
      py::arg("progress"));
  m.def(
      "compare",
      [](const std::vector<std::pair<std::string, ScenarioSource>>& scenarios, std::optional<int> replications,
         std::optional<int> threads, bool by_locality, const std::string& command_line, const py::object& progress) {
        return compare_scenarios(scenarios, {replications, threads, std::nullopt, false, command_line}, by_locality, progress);
      },
      py::arg("scenarios"), py::arg("replications"), py::arg("threads"), py::arg("by_locality"), py::arg("command_line"),
      py::arg("progress"));
  m.def(
      "read",
      [](const std::filesystem::path& path) {
        Record r{pfsim::output::read_results(path), pfsim::output::read_kpi_summary(path), {}};
        return r;
      },
      py::arg("path"));
}
