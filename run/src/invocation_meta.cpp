#include "pfsim/run/invocation_meta.hpp"

#include <sys/utsname.h>

#include <thread>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/run/version.hpp"

namespace pfsim::run {
namespace {

// The generator and how streams are derived (DESIGN §6.1), in words a methods section can quote.
constexpr const char* kRngScheme =
    "PCG64 (pcg-cpp); one stream per (seed, replication, purpose): seed = SplitMix64 mix of the master seed, the "
    "replication index and the FNV-1a hash of the stream's name, per-person streams mix in the person's index";

std::string platform() {
  utsname u{};
  if (::uname(&u) != 0) return "unknown";
  return fmt::format("{} {} {}", u.sysname, u.release, u.machine);
}

}  // namespace

void add_invocation_meta(output::RunRecord& record, std::size_t threads, int processes, double run_seconds) {
  record.extra_meta.emplace_back("build", fmt::format("{}, {}", kBuildType, kCompiler));
  record.extra_meta.emplace_back("rng", kRngScheme);
  record.extra_meta.emplace_back("rng_algorithms", engine::kVariateAlgorithms);
  record.extra_meta.emplace_back("results_version", fmt::format("{}", engine::kResultsVersion));
  record.extra_meta.emplace_back("threads", fmt::format("{}", threads));
  record.extra_meta.emplace_back("processes", fmt::format("{}", processes));
  record.extra_meta.emplace_back("hardware_threads", fmt::format("{}", std::thread::hardware_concurrency()));
  record.extra_meta.emplace_back("platform", platform());
  record.extra_meta.emplace_back("run_seconds", fmt::format("{:.1f}", run_seconds));
}

}  // namespace pfsim::run
