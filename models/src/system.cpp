#include "pfsim/models/system.hpp"

#include <optional>

#include <fmt/format.h>

#include "local_system.hpp"

namespace pfsim::models {

System::System(const Scenario& scenario, std::uint64_t replication) : context_(std::make_unique<Context>(scenario, replication)) {}
System::~System() = default;

ReplicationResult System::run() { return run({}); }

ReplicationResult System::run(const std::function<void(std::int64_t day)>& on_day) {
  Context& ctx = *context_;
  LocalSystem local(ctx);
  // Progress counts the measured days only, not the follow-up after them.
  if (on_day)
    local.on_midnight([&ctx, &on_day](std::int64_t day) {
      if (static_cast<double>(day) * engine::kMinutesPerDay <= ctx.measure_to) on_day(day);
    });
  local.start();
  ctx.sim.run_until(ctx.measure_to);
  local.end_of_window();
  local.follow_cohort();
  return local.finish();
}

Census System::census_at(std::int64_t day) {
  Context& ctx = *context_;
  LocalSystem local(ctx);
  std::optional<Census> census;
  local.on_midnight([&](std::int64_t d) {
    if (d != day) return;
    census = local.take_census();
    ctx.sim.stop();
  });
  local.start();
  ctx.sim.run_until(static_cast<double>(day + 1) * engine::kMinutesPerDay);
  if (!census) throw ModelError(fmt::format("census_at: day {} was never reached", day));
  return std::move(*census);
}

std::vector<std::vector<double>> System::midnight_bed_occupancy() { return midnight_stocks().beds; }

System::MidnightStocks System::midnight_stocks() {
  Context& ctx = *context_;
  LocalSystem local(ctx);
  MidnightStocks stocks;
  stocks.beds.resize(ctx.scenario.sites.size());
  local.on_midnight([&](std::int64_t day) {
    if (day == 0) return;
    for (std::size_t site = 0; site < stocks.beds.size(); ++site)
      stocks.beds[site].push_back(static_cast<double>(local.acute()[site].beds().in_use()));
    if (const CareHomes* homes = local.care_homes()) stocks.care_home_residents.push_back(static_cast<double>(homes->beds().in_use()));
  });
  local.start();
  ctx.sim.run_until(ctx.measure_to);
  return stocks;
}

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication) {
  if (scenario.schemes) return run_with_counterfactual(scenario, replication);
  return System(scenario, replication).run();
}

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  const std::function<void(std::int64_t day)>& on_day) {
  if (scenario.schemes || !on_day) return run_replication(scenario, replication);
  return System(scenario, replication).run(on_day);
}

}  // namespace pfsim::models
