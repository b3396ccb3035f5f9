#include "pfsim/run/checkpoints.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/replication_codec.hpp"
#include "pfsim/run/version.hpp"

namespace pfsim::run {

namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
void write_atomically(const fs::path& p, const std::string& bytes) {
  const fs::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw std::runtime_error(fmt::format("cannot write checkpoint {} (disk full or not writable?)", tmp.string()));
  }
  fs::rename(tmp, p);
}
}  // namespace

std::string fingerprint_of(const std::string& text) {
  return fmt::format("{:016x}", engine::hash_name(fmt::format("pfsim {}\n{}", kVersion, text)));
}

std::string run_fingerprint(const scenario::Scenario& scenario, bool parameter_uncertainty) {
  return fingerprint_of(parameter_uncertainty ? scenario.resolved_yaml + "\n# --parameter-uncertainty\n" : scenario.resolved_yaml);
}

Checkpoints::Checkpoints(const fs::path& results_path, const std::string& fingerprint, bool resume, const std::string& command_line)
    : dir_(results_path.string() + ".ckpt") {
  const fs::path manifest = dir_ / "fingerprint";
  std::error_code ec;
  const bool exists = fs::exists(manifest, ec);
  const bool matching = exists && read_file(manifest) == fingerprint;
  if (resume && !matching) {
    std::size_t stale = 0;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) stale += entry.path().extension() == ".rep";
    const std::string previous = exists && fs::exists(dir_ / "command_line", ec) ? read_file(dir_ / "command_line") : std::string();
    not_reused_because_ =
        !exists ? fmt::format("no checkpoints in {}, so every replication runs", dir_.string())
                : fmt::format("discarded {} checkpointed replication(s) in {}: they belong to a different run (the resolved "
                              "scenario's fingerprint {} differs from this run's {}: the scenario, a file it reads, --set, -r, "
                              "--seed or the pfsim version changed){}",
                              stale, dir_.string(), read_file(manifest), fingerprint,
                              previous.empty() ? "" : fmt::format("; they were written by `{}`", previous));
  }
  if (resume && matching) {
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (entry.path().extension() != ".rep") continue;
      if (auto decoded = decode_replication(read_file(entry.path()))) finished_.emplace(decoded->first, std::move(decoded->second));
    }
    return;
  }
  // A fresh run (or a different scenario): old checkpoints must not leak into it.
  fs::remove_all(dir_, ec);
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw BadArgument(fmt::format("{}: cannot create the checkpoint directory {} ({}) (hint: choose a writable -o)",
                                  results_path.string(), dir_.string(), ec ? ec.message() : "not a directory"));
  write_atomically(manifest, fingerprint);
  if (!command_line.empty()) write_atomically(dir_ / "command_line", command_line);
}

void Checkpoints::save(std::uint64_t replication, const models::ReplicationResult& result) const {
  write_atomically(dir_ / fmt::format("{:06}.rep", replication), encode_replication(replication, result));
}

void Checkpoints::remove_all() const {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace pfsim::run
