#pragma once
// The whole local system for one replication: built from a Scenario, run once, yields its KPIs.
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "pfsim/models/replication_result.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// A model invariant broke (e.g. patient conservation): a bug, never bad input.
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Context;

class System {
 public:
  /// Builds replication `replication` of `scenario`; the scenario must outlive the System.
  System(const Scenario& scenario, std::uint64_t replication);
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  /// Runs warm-up and the measured period and returns the measured KPIs.
  ReplicationResult run();
  /// As run(), calling `on_day(day)` at every simulated midnight (a progress display; it must not touch the model).
  ReplicationResult run(const std::function<void(std::int64_t day)>& on_day);
  /// Runs up to 00:00 of simulated day `day` (0 = the first warm-up day, before anything happens that day) and
  /// returns who is then in acute beds, reablement, intermediate care and care homes. Use instead of run().
  Census census_at(std::int64_t day);
  /// Runs warm-up and measured period and returns each site's occupied acute beds at every midnight from day 1 on
  /// ([site][day − 1]): the series a warm-up is judged on. Use instead of run().
  std::vector<std::vector<double>> midnight_bed_occupancy();
  /// The stocks a warm-up is judged on, at every midnight from day 1 on: each site's occupied acute beds and the
  /// care-home residents (empty without the module). Use instead of run().
  struct MidnightStocks {
    std::vector<std::vector<double>> beds;   // [site][day − 1]
    std::vector<double> care_home_residents;  // [day − 1]
  };
  MidnightStocks midnight_stocks();

 private:
  std::unique_ptr<Context> context_;
};

/// Runs one replication (convenience for tests and the CLI).
ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication);
/// As above with `on_day` called at every simulated midnight (not for scenarios with schemes, which run twice).
ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  const std::function<void(std::int64_t day)>& on_day);

}  // namespace pfsim::models
