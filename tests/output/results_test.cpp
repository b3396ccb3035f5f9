// write_results / read_results: round trip, stored summary, determinism, and the failure modes a user meets
// (missing or unwritable directory, a failed write next to an existing file, a file that is not ours).
#include <hdf5.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/results_file.hpp"
#include "sample_record.hpp"

namespace pfsim::output {
namespace {

namespace fs = std::filesystem;
using testing::sample_record;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory per test (ctest runs tests in parallel processes), removed afterwards.
class ResultsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("pfsim_output_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Expects write_results to throw an OutputError naming `path`, and returns the message.
std::string write_error(const RunRecord& record, const fs::path& path) {
  try {
    write_results(record, path);
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "message must be one line: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no OutputError writing " << path;
  return {};
}

std::string read_error(const fs::path& path) {
  try {
    (void)read_results(path);
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "message must be one line: " << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no OutputError reading " << path;
  return {};
}

TEST_F(ResultsFile, RoundTripReturnsEveryFieldUnchanged) {
  const RunRecord record = sample_record();
  const fs::path path = dir_ / "results.h5";
  write_results(record, path);
  const RunRecord back = read_results(path);

  EXPECT_EQ(back.pfsim_version, record.pfsim_version);
  EXPECT_EQ(back.scenario_name, record.scenario_name);
  EXPECT_EQ(back.start_date, record.start_date);
  EXPECT_EQ(back.created, record.created);
  EXPECT_EQ(back.schema, record.schema);
  EXPECT_EQ(back.seed, record.seed);
  EXPECT_EQ(back.replications, record.replications);
  EXPECT_EQ(back.warmup_days, record.warmup_days);
  EXPECT_EQ(back.days, record.days);
  EXPECT_EQ(back.extra_meta, record.extra_meta);
  EXPECT_EQ(back.scenario_yaml, record.scenario_yaml);
  EXPECT_TRUE(back.kpis == record.kpis);
  EXPECT_TRUE(back.daily == record.daily);
  EXPECT_EQ(back.site_names, record.site_names);
  EXPECT_EQ(back.locality_names, record.locality_names);
  EXPECT_TRUE(back.by_site == record.by_site);
  EXPECT_TRUE(back.by_locality == record.by_locality);
  EXPECT_TRUE(back.table_groups == record.table_groups);
  EXPECT_EQ(back.extra_datasets, record.extra_datasets);
  EXPECT_TRUE(back == record);
  EXPECT_FALSE(fs::exists(dir_ / "results.h5.tmp"));
}

TEST_F(ResultsFile, TableGroupIsStoredAsReplicationByLabelWithNamesAndKind) {
  const RunRecord record = sample_record(4, 10);
  const fs::path path = dir_ / "tables.h5";
  write_results(record, path);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  const hid_t dataset = H5Dopen2(file, "/monthly/ae_4h_pct", H5P_DEFAULT);
  ASSERT_GE(dataset, 0);
  const hid_t space = H5Dget_space(dataset);
  hsize_t dims[2] = {0, 0};
  EXPECT_EQ(H5Sget_simple_extent_ndims(space), 2);
  H5Sget_simple_extent_dims(space, dims, nullptr);
  EXPECT_EQ(dims[0], 4U);  // replications
  EXPECT_EQ(dims[1], 3U);  // months
  EXPECT_GT(H5Lexists(file, "/monthly/names", H5P_DEFAULT), 0);
  EXPECT_GT(H5Aexists_by_name(file, "/monthly", "kind", H5P_DEFAULT), 0);
  H5Sclose(space);
  H5Dclose(dataset);
  H5Fclose(file);
}

TEST_F(ResultsFile, TableGroupClashingWithReservedGroupOrExtraDatasetIsRejected) {
  RunRecord record = sample_record();
  record.table_groups[0].name = "daily";
  EXPECT_NE(write_error(record, dir_ / "a.h5").find("table group name 'daily'"), std::string::npos);
  record = sample_record();
  record.table_groups[0].name = "schemes";  // /schemes/savings_gbp is an extra dataset
  EXPECT_NE(write_error(record, dir_ / "b.h5").find("table group name 'schemes'"), std::string::npos);
  record = sample_record();
  record.table_groups[0].tables[0].values.pop_back();
  EXPECT_NE(write_error(record, dir_ / "c.h5").find("/monthly/ae_4h_pct"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(ResultsFile, RoundTripOfEmptyRecordKeepsItEmpty) {
  RunRecord record;
  record.replications = 3;  // no KPIs: /kpi/replications still has one row per replication
  const fs::path path = dir_ / "empty.h5";
  write_results(record, path);
  EXPECT_TRUE(read_results(path) == record);
  EXPECT_TRUE(read_kpi_summary(path).empty());
}

TEST_F(ResultsFile, ExtraDatasetsComeBackDepthFirstInWriteOrder) {
  RunRecord record;
  record.extra_datasets = {{"/b/x", {1}}, {"/a", {2, 3}}, {"/b/c/y", {}}, {"/b/w", {4}}};
  write_results(record, dir_ / "extras.h5");
  const std::vector<std::pair<std::string, std::vector<double>>> expected = {
      {"/b/x", {1}}, {"/b/c/y", {}}, {"/b/w", {4}}, {"/a", {2, 3}}};
  EXPECT_EQ(read_results(dir_ / "extras.h5").extra_datasets, expected);
}

TEST_F(ResultsFile, StoredSummaryEqualsEngineSummarise) {
  const RunRecord record = sample_record();
  write_results(record, dir_ / "results.h5");
  const std::vector<KpiSummary> stored = read_kpi_summary(dir_ / "results.h5");
  ASSERT_EQ(stored.size(), record.kpis.size());
  for (std::size_t k = 0; k < stored.size(); ++k) {
    const engine::Summary expected = engine::summarise(record.kpis[k].per_replication);
    SCOPED_TRACE(stored[k].name);
    EXPECT_EQ(stored[k].name, record.kpis[k].name);
    EXPECT_EQ(stored[k].summary.n, expected.n);
    // float64 is stored exactly, so the values are equal, not merely close.
    EXPECT_EQ(stored[k].summary.mean, expected.mean);
    EXPECT_EQ(stored[k].summary.sd, expected.sd);
    EXPECT_EQ(stored[k].summary.ci95_half, expected.ci95_half);
    EXPECT_EQ(stored[k].summary.p5, expected.p5);
    EXPECT_EQ(stored[k].summary.p50, expected.p50);
    EXPECT_EQ(stored[k].summary.p95, expected.p95);
  }
}

TEST_F(ResultsFile, SameRecordGivesByteIdenticalFiles) {
  const RunRecord record = sample_record();
  write_results(record, dir_ / "first.h5");
  // HDF5 object times have one-second resolution: writing a second later catches any left switched on.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  write_results(record, dir_ / "second.h5");
  const std::string first = file_bytes(dir_ / "first.h5");
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == file_bytes(dir_ / "second.h5")) << "files differ although the records are equal";
}

TEST_F(ResultsFile, DifferentCreatedTimeLeavesAllDataIdentical) {
  RunRecord record = sample_record();
  write_results(record, dir_ / "first.h5");
  record.created = "2024-06-30T23:59:59.123456Z";
  write_results(record, dir_ / "second.h5");
  RunRecord first = read_results(dir_ / "first.h5"), second = read_results(dir_ / "second.h5");
  EXPECT_NE(first.created, second.created);
  second.created = first.created;
  EXPECT_TRUE(first == second);
}

TEST_F(ResultsFile, LayoutMatchesDesignSection7) {
  write_results(sample_record(), dir_ / "results.h5");
  const hid_t file = H5Fopen((dir_ / "results.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);

  const hid_t table = H5Dopen2(file, "/kpi/replications", H5P_DEFAULT);
  const hid_t row = H5Dget_type(table);
  ASSERT_EQ(H5Tget_nmembers(row), 4);
  const char* expected_fields[] = {"replication", "ae_attendances", "ae_4h_pct", "dtoc_daily_delays"};
  for (unsigned i = 0; i < 4; ++i) {
    char* name = H5Tget_member_name(row, i);
    EXPECT_STREQ(name, expected_fields[i]);
    H5free_memory(name);
    const hid_t member = H5Tget_member_type(row, i);
    EXPECT_EQ(H5Tget_class(member), i == 0 ? H5T_INTEGER : H5T_FLOAT);
    EXPECT_EQ(H5Tget_size(member), 8U);
    H5Tclose(member);
  }
  EXPECT_GT(H5Aexists(table, "units_ae_4h_pct"), 0);
  H5Tclose(row);
  H5Dclose(table);

  const hid_t daily = H5Dopen2(file, "/daily/bed_occupancy", H5P_DEFAULT);
  const hid_t type = H5Dget_type(daily);
  EXPECT_EQ(H5Tget_class(type), H5T_FLOAT);
  EXPECT_EQ(H5Tget_size(type), 4U);
  const hid_t dcpl = H5Dget_create_plist(daily);
  EXPECT_EQ(H5Pget_layout(dcpl), H5D_CHUNKED);
  ASSERT_EQ(H5Pget_nfilters(dcpl), 1);
  unsigned flags = 0, level = 0;
  std::size_t count = 1;
  EXPECT_EQ(H5Pget_filter2(dcpl, 0, &flags, &count, &level, 0, nullptr, nullptr), H5Z_FILTER_DEFLATE);
  EXPECT_EQ(level, 4U);
  EXPECT_GT(H5Aexists(daily, "units"), 0);
  EXPECT_GT(H5Aexists(daily, "description"), 0);
  H5Pclose(dcpl);
  H5Tclose(type);
  H5Dclose(daily);

  for (const char* path : {"/meta/scenario_yaml", "/kpi/summary", "/by_site/names", "/by_site/bed_occupancy_pct",
                           "/by_locality/names", "/by_locality/nea_per_100k", "/schemes/savings_gbp"})
    EXPECT_GT(H5Lexists(file, path, H5P_DEFAULT), 0) << path;
  H5Fclose(file);
}

TEST_F(ResultsFile, MissingDirectoryThrowsNamingPathAndLeavesNoFile) {
  const fs::path path = dir_ / "no_such_dir" / "results.h5";
  const std::string message = write_error(sample_record(), path);
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir_ / "no_such_dir"));
}

TEST_F(ResultsFile, UnwritableDirectoryThrowsAndLeavesNoFile) {
  // /proc refuses new files even for root, where a chmod-ed directory would not.
  const fs::path path = "/proc/pfsim_results_test.h5";
  const std::string message = write_error(sample_record(), path);
  EXPECT_NE(message.find("writable"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists("/proc/pfsim_results_test.h5.tmp"));
}

TEST_F(ResultsFile, DirectoryAsPathThrows) {
  const std::string message = write_error(sample_record(), dir_);
  EXPECT_NE(message.find("is a directory"), std::string::npos) << message;
}

TEST_F(ResultsFile, FailedWriteLeavesExistingFileUntouched) {
  const fs::path path = dir_ / "results.h5";
  write_results(sample_record(), path);
  const std::string before = file_bytes(path);
  fs::create_directory(dir_ / "results.h5.tmp");  // the tmp file cannot be created

  RunRecord other = sample_record();
  other.scenario_name = "winter option";
  write_error(other, path);
  EXPECT_TRUE(file_bytes(path) == before);
  EXPECT_EQ(read_results(path).scenario_name, sample_record().scenario_name);
  EXPECT_TRUE(fs::is_directory(dir_ / "results.h5.tmp")) << "a directory we did not create must not be removed";
}

TEST_F(ResultsFile, WriteFailingMidFileRemovesTmpAndKeepsExistingFile) {
  const fs::path path = dir_ / "results.h5";
  write_results(sample_record(), path);
  const std::string before = file_bytes(path);

  // A file-size limit makes write() fail with EFBIG part-way through, as a full disk would with ENOSPC.
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto saved_handler = signal(SIGXFSZ, SIG_IGN);  // else the kernel kills us instead of failing write()
  rlimit small = saved;
  small.rlim_cur = 16 * 1024;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    write_results(sample_record(40, 400), path);  // ~64 KiB of barely compressible floats
  } catch (const OutputError& e) {
    message = e.what();
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  signal(SIGXFSZ, saved_handler);

  EXPECT_NE(message.find(path.string()), std::string::npos) << message;
  EXPECT_NE(message.find("disk space"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir_ / "results.h5.tmp"));
  EXPECT_TRUE(file_bytes(path) == before);
}

TEST_F(ResultsFile, InvalidRecordThrowsBeforeCreatingAnything) {
  RunRecord record = sample_record();
  record.kpis[1].per_replication.pop_back();
  const std::string message = write_error(record, dir_ / "results.h5");
  EXPECT_NE(message.find("ae_4h_pct"), std::string::npos) << message;
  EXPECT_TRUE(fs::is_empty(dir_));
}

TEST_F(ResultsFile, ReadingMissingFileThrows) {
  EXPECT_NE(read_error(dir_ / "absent.h5").find("no such file"), std::string::npos);
}

TEST_F(ResultsFile, ReadingNonHdf5FileThrows) {
  std::ofstream(dir_ / "scenario.yaml") << "pfsim: 1\n";
  EXPECT_NE(read_error(dir_ / "scenario.yaml").find("not an HDF5 file"), std::string::npos);
}

TEST_F(ResultsFile, ReadingForeignHdf5FileThrows) {
  const fs::path path = dir_ / "foreign.h5";
  H5Fclose(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
  EXPECT_NE(read_error(path).find("no /meta group: not a pfsim results file"), std::string::npos);
}

TEST_F(ResultsFile, ReadingNewerSchemaThrows) {
  RunRecord record = sample_record();
  record.schema = 2;
  write_results(record, dir_ / "future.h5");
  EXPECT_NE(read_error(dir_ / "future.h5").find("upgrade pfsim"), std::string::npos);
}

}  // namespace
}  // namespace pfsim::output
