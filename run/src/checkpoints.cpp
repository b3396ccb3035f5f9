#include "pfsim/run/checkpoints.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/replication_codec.hpp"

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

std::string fingerprint_of(const std::string& text) { return fmt::format("{:016x}", engine::hash_name(text)); }

Checkpoints::Checkpoints(const fs::path& results_path, const std::string& fingerprint, bool resume)
    : dir_(results_path.string() + ".ckpt") {
  const fs::path manifest = dir_ / "fingerprint";
  std::error_code ec;
  const bool matching = fs::exists(manifest, ec) && read_file(manifest) == fingerprint;
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
}

void Checkpoints::save(std::uint64_t replication, const models::ReplicationResult& result) const {
  write_atomically(dir_ / fmt::format("{:06}.rep", replication), encode_replication(replication, result));
}

void Checkpoints::remove_all() const {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

}  // namespace pfsim::run
