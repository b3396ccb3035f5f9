// pfsim info results.h5 : run metadata and the KPI summary table.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "output_path.hpp"
#include "pfsim/output/output.hpp"

namespace pfsim::cli {

Command add_info_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("info", "Show a results file's metadata and KPI summary");
  cmd->add_option("results", *file, "Results file (HDF5)")->required();
  return [file]() {
    const output::RunRecord r = read_results_argument(*file);
    fmt::print("{}\n  scenario    {}\n  start       {}  days {}  warm-up {}\n  replications {}  seed {}\n  pfsim {}  created {}\n",
               *file, r.scenario_name, r.start_date, r.days, r.warmup_days, r.replications, r.seed, r.pfsim_version, r.created);
    for (const auto& [key, value] : r.extra_meta) fmt::print("  {} {}\n", key, value);
    fmt::print("  sites       {}\n  localities  {}\n\n", fmt::join(r.site_names, ", "), fmt::join(r.locality_names, ", "));
    fmt::print("{}", output::format_summary_table(r.kpis));
    return kOk;
  };
}

}  // namespace pfsim::cli
