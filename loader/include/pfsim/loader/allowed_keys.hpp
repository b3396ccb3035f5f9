#pragma once
// The keys the loader allows at each map it reads: its own key lists (the check_keys calls of the build steps),
// recorded while a scenario loads, so a front end can offer the keys a file leaves at their defaults without a
// second, hand-kept list of the schema (pfsim serve's form).
#include <string>
#include <vector>

namespace pfsim::loader {

struct AllowedKeys {
  std::string path;               ///< the map's key path as --set takes it ("" for the top level, sites.Southend.beds)
  std::vector<std::string> keys;  ///< every key the loader accepts there, in its order
};

/// While one is alive, every map the loader reads on this thread is recorded (nested recorders: the innermost).
class AllowedKeysRecorder {
 public:
  AllowedKeysRecorder();
  ~AllowedKeysRecorder();
  AllowedKeysRecorder(const AllowedKeysRecorder&) = delete;
  AllowedKeysRecorder& operator=(const AllowedKeysRecorder&) = delete;

  /// The maps read so far, in the order the loader read them (a map read twice appears once).
  [[nodiscard]] const std::vector<AllowedKeys>& maps() const { return maps_; }

  /// Called by the loader's key check: records `keys` at `path` on this thread's recorder, if there is one.
  static void record(const std::string& path, std::vector<std::string> keys);

 private:
  std::vector<AllowedKeys> maps_;
  AllowedKeysRecorder* previous_;
};

}  // namespace pfsim::loader
