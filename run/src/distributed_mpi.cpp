// Open MPI build (PFSIM_MPI=ON): replications round-robin over ranks, gathered on rank 0 in replication order.
#include <mpi.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "pfsim/run/distributed.hpp"
#include "pfsim/run/replication_codec.hpp"

namespace pfsim::run {

namespace {
Distributed world;
bool mpi_started = false;

// Only start MPI when mpirun launched us: MPI_Init costs ~0.5 s, which a plain `pfsim validate` should not pay.
bool launched_by_mpirun() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(variable)) return true;
  return false;
}

// Gathers every rank's `mine` on rank 0, in rank order: first how many elements each rank sends, then the elements.
// Other ranks get an empty container.
template <class Container>
Container gather_on_root(const Container& mine, MPI_Datatype type, std::size_t ranks) {
  const int count = static_cast<int>(mine.size());
  std::vector<int> counts(ranks);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> displacements(ranks, 0);
  int total = 0;
  for (std::size_t k = 0; k < ranks; ++k) {
    displacements[k] = total;
    total += counts[k];
  }
  Container all(static_cast<std::size_t>(total), typename Container::value_type{});
  MPI_Gatherv(mine.data(), count, type, all.data(), counts.data(), displacements.data(), type, 0, MPI_COMM_WORLD);
  return all;
}

}  // namespace

Distributed& Distributed::instance() { return world; }

void Distributed::initialise(int& argc, char**& argv) {
  if (!launched_by_mpirun()) return;
  MPI_Init(&argc, &argv);
  mpi_started = true;
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  world.rank_ = static_cast<std::size_t>(rank);
  world.ranks_ = static_cast<std::size_t>(size);
}

void Distributed::finalise() {
  if (mpi_started) MPI_Finalize();
}

ReplicationRun Distributed::run_shared(const ReplicationScenarios& scenarios, std::size_t replications, std::size_t threads,
                                       const Checkpoints* checkpoints, const std::function<void()>& on_done) const {
  const ReplicationShare share{rank_, ranks_};
  std::vector<std::size_t> mine;
  for (std::size_t r = 0; r < replications; ++r)
    if (share.mine(r)) mine.push_back(r);
  const auto results = run_indices(scenarios, mine, threads, checkpoints, on_done);

  std::string bytes;
  std::vector<std::uint64_t> lengths;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    std::string one = encode_replication(mine[k], results[k]);
    lengths.push_back(one.size());
    bytes += one;
  }
  // Two gathers: the lengths per replication travel first, then the bytes.
  const std::vector<std::uint64_t> all_lengths = gather_on_root(lengths, MPI_UINT64_T, ranks_);
  const std::string all_bytes = gather_on_root(bytes, MPI_CHAR, ranks_);

  ReplicationRun run;
  if (!is_root()) return run;
  run.results.resize(replications);
  std::size_t offset = 0;
  for (std::uint64_t length : all_lengths) {
    auto decoded = decode_replication(all_bytes.substr(offset, length));
    if (!decoded || decoded->first >= replications) throw std::runtime_error("MPI: a rank sent a malformed replication");
    run.results[decoded->first] = std::move(decoded->second);
    offset += length;
  }
  run.replications_needed = replications;
  return run;
}

}  // namespace pfsim::run
