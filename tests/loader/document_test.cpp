// read_scenario → apply_values → build_scenario: the read step reads every file a scenario names, so a document
// builds without the files; apply_values sets numbers as --set does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pfsim/loader/load.hpp"
#include "test_paths.hpp"

namespace pfsim::loader {
namespace {

namespace fs = std::filesystem;

fs::path baseline() { return test::scenarios_dir() / "south-east-essex-2019.yaml"; }

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

TEST(Document, ReadThenBuildIsLoad) {
  for (const char* name : {"south-east-essex-2019-schemes.yaml", "south-east-essex-2019-census.yaml"}) {
    const fs::path file = test::scenarios_dir() / name;
    std::vector<fs::path> read_by_load, read_by_document;
    const auto loaded = load_scenario(file, {"run.days=30"}, read_by_load);
    const auto built = build_scenario(read_scenario(file, {"run.days=30"}, read_by_document));
    EXPECT_EQ(built.resolved_yaml, loaded.resolved_yaml) << name;
    EXPECT_EQ(built.source_file, loaded.source_file) << name;
    EXPECT_EQ(read_by_document, read_by_load) << name;
    EXPECT_GE(read_by_document.size(), 3u) << name;  // the file, its base and at least one scheme or census file
  }
}

TEST(Document, BuildReadsNoFile) {
  const fs::path dir = fs::temp_directory_path() / "pfsim-document-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "schemes");
  std::ifstream minimal(test::good("minimal.yaml"));
  std::string text((std::istreambuf_iterator<char>(minimal)), std::istreambuf_iterator<char>());
  write(dir / "scenario.yaml", text + "schemes: [{file: schemes/one.yaml}]\ncensus: people.csv\n");
  write(dir / "schemes" / "one.yaml",
        "pfsim_schemes: 1\nschemes:\n  - name: Fewer attendances\n    delivery: {fixed: 1}\n"
        "    effects: [{target: ae.attendances, multiplier: 0.9}]\n");
  write(dir / "people.csv", "kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway\n"
                            "acute,General,Town,all,2,,in_bed,\n");
  std::vector<fs::path> files_read;
  const ScenarioDocument document = read_scenario(dir / "scenario.yaml", {}, files_read);
  EXPECT_EQ(files_read, (std::vector<fs::path>{dir / "scenario.yaml", dir / "schemes" / "one.yaml", dir / "people.csv"}));
  fs::remove_all(dir);
  const auto s = build_scenario(document);
  ASSERT_TRUE(s.schemes);
  EXPECT_EQ(s.schemes->schemes.size(), 1u);
  ASSERT_TRUE(s.census);
  EXPECT_EQ(s.census->people.size(), 1u);
}

TEST(Document, AnUnreadableIncludedFileFailsWhenBuilt) {
  const ScenarioDocument document = read_scenario(baseline(), {"schemes=[{file: no-such-file.yaml}]"});
  try {
    (void)build_scenario(document);
    ADD_FAILURE() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "--set");
    EXPECT_EQ(e.key_path(), "schemes[0].file");
    EXPECT_NE(e.message().find("cannot read scheme file \"no-such-file.yaml\""), std::string::npos) << e.what();
  }
}

TEST(Document, ApplyValuesIsSetWithNumbers) {
  const auto with_set = load_scenario(baseline(), {"run.replications=7", "sites.Southend.beds.general=600",
                                                   "ae.outcomes.sdec=0.25", "ae.attendances_per_1000_per_year[1]=265.5"});
  ScenarioDocument document = read_scenario(baseline(), {"run.replications=7"});
  const ScenarioDocument untouched = document;
  apply_values(document, {{"sites.Southend.beds.general", 600.0},
                          {"ae.outcomes.sdec", 0.25},
                          {"ae.attendances_per_1000_per_year[1]", 265.5}});
  const auto with_values = build_scenario(document);
  EXPECT_EQ(with_values.resolved_yaml, with_set.resolved_yaml);
  EXPECT_EQ(with_values.sites[0].general_beds, 600);
  EXPECT_EQ(build_scenario(untouched).sites[0].general_beds, 540);  // copies are independent
}

TEST(Document, ApplyValuesReportsLikeSet) {
  ScenarioDocument document = read_scenario(baseline(), {"run.days=30"});
  apply_values(document, {{"run.replications", -3.0}});
  try {
    (void)build_scenario(document);
    ADD_FAILURE() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "--set");
    EXPECT_EQ(e.line(), 2);  // after the one --set the document was read with
    EXPECT_EQ(e.column(), static_cast<int>(std::string("run.replications=").size()) + 1);
    EXPECT_EQ(e.key_path(), "run.replications");
  }
  EXPECT_THROW(apply_values(document, {{"extends", 1.0}}), ScenarioError);
  EXPECT_THROW(apply_values(document, {{"sites.Nowhere.beds.general", 1.0}}), ScenarioError);
}

}  // namespace
}  // namespace pfsim::loader
