#include "fuzz_checks.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <system_error>
#include <unistd.h>

#include "pfsim/engine/distribution.hpp"
#include "pfsim/engine/rng.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::fuzz {
namespace {

namespace fs = std::filesystem;

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 200)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

void write_file(const fs::path& file, std::span<const std::uint8_t> bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("fuzz harness: cannot write " + file.string());
}

void check_error_is_one_line(const loader::ScenarioError& e, std::string_view stage) {
  const std::string_view what = e.what();
  if (what.find('\n') != std::string_view::npos || what.find('\r') != std::string_view::npos)
    throw Finding(std::string(stage) + ": ScenarioError is not one line: " + printable(what));
  if (e.file().empty()) throw Finding(std::string(stage) + ": ScenarioError names no file: " + printable(what));
}

class WorkDir {
 public:
  explicit WorkDir(const fs::path& source_dir) {
    std::string pattern = (fs::temp_directory_path() / "pfsim-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("fuzz harness: mkdtemp failed");
    path_ = pattern;
    for (const fs::path& folder : {source_dir / "scenarios", source_dir / "tests" / "data" / "good"}) {
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".yaml") fs::copy_file(entry.path(), path_ / entry.path().filename(), ec);
    }
  }
  ~WorkDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

const fs::path& scenario_work_dir(const fs::path& source_dir) {
  static const WorkDir dir(source_dir);
  return dir.path();
}

void check_scenario_bytes(std::span<const std::uint8_t> bytes, const fs::path& work_dir) {
  const fs::path input = work_dir / "input.yaml";
  write_file(input, bytes);
  scenario::Scenario scenario;
  try {
    scenario = loader::load_scenario(input);
  } catch (const loader::ScenarioError& e) {
    check_error_is_one_line(e, "load");
    return;
  }
  // The resolved text is what results files embed and what a rerun from them reads: it must load on its own.
  const fs::path resolved = work_dir / "resolved.yaml";
  const std::string& text = scenario.resolved_yaml;
  write_file(resolved, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
  try {
    (void)loader::load_scenario(resolved);
  } catch (const loader::ScenarioError& e) {
    throw Finding("input loads but its resolved_yaml does not: " + printable(e.what()));
  }
}

void check_distribution_bytes(std::span<const std::uint8_t> bytes) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  const std::string shown = printable(text);
  try {
    const double minutes = engine::parse_duration(text);
    if (!std::isfinite(minutes) || minutes < 0)
      throw Finding("parse_duration(\"" + shown + "\") accepted " + std::to_string(minutes));
  } catch (const engine::DistributionError&) {
  }
  for (const bool durations : {true, false}) {
    const std::string call = "parse_distribution(\"" + shown + "\", " + (durations ? "true" : "false") + ")";
    engine::Distribution distribution;
    try {
      distribution = engine::parse_distribution(text, durations);
    } catch (const engine::DistributionError&) {
      continue;
    }
    if (!std::isfinite(distribution.mean()) || distribution.mean() < 0 || !std::isfinite(distribution.sd()) ||
        distribution.sd() < 0)
      throw Finding(call + " accepted mean " + std::to_string(distribution.mean()) + ", sd " +
                    std::to_string(distribution.sd()));
    engine::Stream stream(20190401, 0, "fuzz");
    for (int draw = 0; draw < 16; ++draw) {
      const double value = distribution.sample(stream);
      if (!std::isfinite(value) || value < 0)
        throw Finding(call + " sampled " + std::to_string(value) + " on draw " + std::to_string(draw));
    }
  }
}

}  // namespace pfsim::fuzz
