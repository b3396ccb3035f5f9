#include "pfsim/loader/allowed_keys.hpp"

#include <algorithm>

namespace pfsim::loader {
namespace {
// Per thread, so loads on other threads (pfsim serve validates while a job loads) record nothing here.
thread_local AllowedKeysRecorder* active = nullptr;
}  // namespace

AllowedKeysRecorder::AllowedKeysRecorder() : previous_(active) { active = this; }

AllowedKeysRecorder::~AllowedKeysRecorder() { active = previous_; }

void AllowedKeysRecorder::record(const std::string& path, std::vector<std::string> keys) {
  if (!active) return;
  auto& maps = active->maps_;
  if (std::any_of(maps.begin(), maps.end(), [&](const AllowedKeys& m) { return m.path == path; })) return;
  maps.push_back({path, std::move(keys)});
}

}  // namespace pfsim::loader
