#pragma once
// The whole local system for one replication: built from a Scenario, run once, yields its KPIs.
#include <cstdint>
#include <memory>
#include <stdexcept>

#include "pfsim/models/kpis.hpp"
#include "pfsim/models/scenario.hpp"

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

 private:
  std::unique_ptr<Context> context_;
};

/// Runs one replication (convenience for tests and the CLI).
ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication);

}  // namespace pfsim::models
