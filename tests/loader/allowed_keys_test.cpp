// AllowedKeysRecorder: the loader's own key lists, recorded while a scenario loads (pfsim serve's form offers the
// keys a file leaves out from them).
#include <gtest/gtest.h>

#include <algorithm>

#include "pfsim/loader/allowed_keys.hpp"
#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

const AllowedKeys* map_at(const std::vector<AllowedKeys>& maps, const std::string& path) {
  const auto it = std::find_if(maps.begin(), maps.end(), [&](const AllowedKeys& m) { return m.path == path; });
  return it == maps.end() ? nullptr : &*it;
}

bool allows(const AllowedKeys* map, const std::string& key) {
  return map && std::find(map->keys.begin(), map->keys.end(), key) != map->keys.end();
}

TEST(AllowedKeys, LoadingRecordsEveryMapWithTheKeysTheLoaderAllowsThere) {
  AllowedKeysRecorder recorder;
  load_scenario(test::good("minimal.yaml"));
  const auto& maps = recorder.maps();
  EXPECT_TRUE(allows(map_at(maps, ""), "winter"));  // a module the file leaves off
  EXPECT_TRUE(allows(map_at(maps, "sites.General.beds"), "escalation"));
  EXPECT_TRUE(allows(map_at(maps, "ae.outcomes"), "sdec"));
  EXPECT_TRUE(allows(map_at(maps, "run"), "replications"));
}

TEST(AllowedKeys, NothingIsRecordedWithoutARecorderOrAfterItEnds) {
  std::size_t during = 0;
  {
    AllowedKeysRecorder recorder;
    during = recorder.maps().size();
  }
  load_scenario(test::good("minimal.yaml"));  // no recorder: must not crash or leak into a later one
  AllowedKeysRecorder later;
  EXPECT_EQ(during, 0U);
  EXPECT_TRUE(later.maps().empty());
}

}  // namespace
}  // namespace pfsim::loader
