#pragma once
// pfsim.run and pfsim.compare: the CLI's `run` and `compare` steps through the run library, minus printing, output
// guards, checkpoints and MPI, with the simulation off the Python thread (cancellable.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>

#include "record.hpp"
#include "scenario_source.hpp"

namespace pfsim::python {

struct RunSettings {
  std::optional<int> replications;     // unset: the scenario's run.replications
  std::optional<int> threads;          // unset: every core
  std::optional<std::uint64_t> seed;   // unset: the scenario's run.seed
  bool check = false;                  // the CLI's --check
  std::string command_line;            // recorded as /meta command_line
};

/// `pfsim run`: replications of `source` (with -r and --seed as the CLI applies them, after every --set).
Record run_scenario(const ScenarioSource& source, const RunSettings& settings, const pybind11::object& progress);

/// `pfsim compare`: the base (options[0]) and its options with common random numbers; labels name /compare/<label>/.
Record compare_scenarios(const std::vector<std::pair<std::string, ScenarioSource>>& scenarios, const RunSettings& settings,
                         bool all_locality_rows, const pybind11::object& progress);

}  // namespace pfsim::python
