// A program outside the pfsim tree: find_package(pfsim) → pfsim::run. Loads a scenario file, runs two
// replications and prints the mean of two KPIs (tests/consumer/consumer.sh checks them against M/M/5 theory).
#include <cstdio>
#include <exception>
#include <pfsim/loader/load.hpp>
#include <pfsim/run/replications.hpp>
#include <pfsim/run/version.hpp>
#include <pfsim/scenario/kpi_catalogue.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: pfsim_consumer SCENARIO.yaml\n");
    return 2;
  }
  try {
    const pfsim::scenario::Scenario scenario = pfsim::loader::load_scenario(argv[1]);
    pfsim::run::ReplicationPlan plan;
    plan.replications = 2;
    const pfsim::run::ReplicationRun run = pfsim::run::run_plan(scenario, plan, /*threads=*/2, /*checkpoints=*/nullptr, {});

    std::printf("pfsim %.*s: %zu replications of %s\n", static_cast<int>(pfsim::run::kVersion.size()),
                pfsim::run::kVersion.data(), run.results.size(), argv[1]);
    for (const auto kpi : {pfsim::scenario::Kpi::Ae4hPct, pfsim::scenario::Kpi::AeMeanTimeMin}) {
      double sum = 0;
      for (const auto& result : run.results) sum += result[kpi];
      const auto& info = pfsim::scenario::kpi_catalogue()[static_cast<std::size_t>(kpi)];
      std::printf("%.*s mean %.3f %.*s\n", static_cast<int>(info.name.size()), info.name.data(),
                  sum / static_cast<double>(run.results.size()), static_cast<int>(info.units.size()), info.units.data());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pfsim_consumer: %s\n", e.what());
    return 1;
  }
  return 0;
}
