#pragma once
// Replications spread over processes (MPI ranks). Built with PFSIM_MPI=ON this uses Open MPI; otherwise there
// is one process and rank 0 does everything. Rank r runs replications r, r + N, r + 2N, ...; rank 0 gathers
// the encoded results in replication order and writes the file, so the datasets equal a single-process run.
#include <cstddef>
#include <functional>

#include "pfsim/run/replications.hpp"

namespace pfsim::run {

class Distributed {
 public:
  /// The process-wide instance (MPI is initialised once, in main, before any command runs).
  static Distributed& instance();
  static void initialise(int& argc, char**& argv);
  static void finalise();

  [[nodiscard]] std::size_t rank() const { return rank_; }
  [[nodiscard]] std::size_t ranks() const { return ranks_; }
  [[nodiscard]] bool is_root() const { return rank_ == 0; }
  /// Runs this rank's share of `replications` and gathers everything on rank 0 (others get an empty run).
  ReplicationRun run_shared(const ReplicationScenarios& scenarios, std::size_t replications, std::size_t threads,
                            const Checkpoints* checkpoints, const std::function<void()>& on_done) const;

 private:
  std::size_t rank_ = 0, ranks_ = 1;
};

}  // namespace pfsim::run
