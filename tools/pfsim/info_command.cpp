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
  auto by = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("info", "Show a results file's metadata and KPI summary");
  cmd->add_option("results", *file, "Results file (HDF5)")->required();
  cmd->add_option("--by", *by, "Also show every KPI's mean by site or by locality")->check(CLI::IsMember({"site", "locality"}));
  return [file, by]() {
    const output::RunRecord r = read_results_argument(*file);
    fmt::print("{}\n  scenario    {}\n  start       {}  days {}  warm-up {}\n  replications {}  seed {}\n  pfsim {}  created {}\n",
               *file, r.scenario_name, r.start_date, r.days, r.warmup_days, r.replications, r.seed, r.pfsim_version, r.created);
    for (const auto& [key, value] : r.extra_meta) fmt::print("  {} {}\n", key, value);
    for (const auto& [key, value] : r.extra_meta) {
      if (key == "unstable") fmt::print("  WARNING: unstable: {} (a queue grows without bound; the KPIs are not steady-state results)\n", value);
      if (key == "offered_load_warning") fmt::print("  WARNING: offered load at or above capacity: {}\n", value);
      if (key == "warmup_warning") fmt::print("  WARNING: {}\n", value);
    }
    fmt::print("  sites       {}\n  localities  {}\n\n", fmt::join(r.site_names, ", "), fmt::join(r.locality_names, ", "));
    fmt::print("{}{}", output::format_headline_table(r.kpis, output::headline_kpis(r)), output::format_summary_table(r.kpis));
    if (*by == "site") fmt::print("\nmean by site (the site that treated the patient)\n{}", output::format_breakdown_table(r.by_site, r.site_names));
    if (*by == "locality")
      fmt::print("\nmean by locality (the patient's home)\n{}", output::format_breakdown_table(r.by_locality, r.locality_names));
    return kOk;
  };
}

}  // namespace pfsim::cli
