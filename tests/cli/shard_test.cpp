// Array-job shards (run/shard.hpp): which replications a shard runs, --shard and Slurm's variables, and the merge's
// refusals, on shard files built in memory.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "pfsim/run/bad_argument.hpp"
#include "pfsim/run/shard.hpp"

namespace pfsim::run {
namespace {

Environment environment(const std::map<std::string, std::string>& variables) {
  return [variables](const char* name) -> const char* {
    const auto found = variables.find(name);
    return found == variables.end() ? nullptr : found->second.c_str();
  };
}

TEST(Shard, RunsTheReplicationsOfTheMpiRankWithTheSameNumber) {
  EXPECT_EQ((Shard{1, 3}.replications(8)), (std::vector<std::size_t>{1, 4, 7}));
  EXPECT_EQ((Shard{0, 1}.replications(3)), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE((Shard{4, 5}.replications(3)).empty());
}

TEST(Shard, ParsesKOfNAndRefusesWhatIsNotOne) {
  const Environment none = environment({});
  const Shard shard = parse_shard("2/5", none);
  EXPECT_EQ(shard.index, 2U);
  EXPECT_EQ(shard.count, 5U);
  for (const char* bad : {"0/0", "3/2", "2/2", "abc", "1/", "/3", "1/3/4", "-1/2", " 1/2", ""})
    EXPECT_THROW(parse_shard(bad, none), BadArgument) << bad;
}

TEST(Shard, SlurmTaskIsItsIdFromTheArraysFirstTask) {
  const Shard shard = parse_shard("slurm", environment({{"SLURM_ARRAY_TASK_ID", "12"}, {"SLURM_ARRAY_TASK_MIN", "10"},
                                                        {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  EXPECT_EQ(shard.index, 2U);
  EXPECT_EQ(shard.count, 4U);
  EXPECT_THROW(parse_shard("slurm", environment({})), BadArgument);
  EXPECT_THROW(parse_shard("slurm", environment({{"SLURM_ARRAY_TASK_ID", "14"}, {"SLURM_ARRAY_TASK_MIN", "10"},
                                                 {"SLURM_ARRAY_TASK_COUNT", "4"}})),
               BadArgument);
  EXPECT_THROW(parse_shard("slurm", environment({{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_MIN", "0"},
                                                 {"SLURM_ARRAY_TASK_COUNT", "4"}, {"SLURM_ARRAY_TASK_STEP", "2"}})),
               BadArgument);
}

ShardedRun run_of_five() {
  ShardedRun run;
  run.fingerprint = "0123456789abcdef";
  run.pfsim_version = "test";
  run.seed = 42;
  run.replications = 5;
  run.shards = 2;
  run.scenario_file = "/scenarios/a.yaml";
  run.source_file = "a.yaml";
  return run;
}

std::pair<std::filesystem::path, output::ShardFile> part(const ShardedRun& run, std::size_t index) {
  const Shard shard{index, run.shards};
  const std::vector<std::size_t> mine = shard.replications(run.replications);
  std::vector<models::ReplicationResult> results(mine.size());
  for (std::size_t k = 0; k < mine.size(); ++k) results[k].events = 100 + mine[k];
  return {"part-" + std::to_string(index) + ".h5", make_shard_file(run, shard, mine, results, {{"command_line", "pfsim run"}})};
}

TEST(MergeShards, PutsEveryShardsReplicationsInOrder) {
  const ShardedRun run = run_of_five();
  const MergedShards merged = merge_shards({part(run, 1), part(run, 0)});
  ASSERT_EQ(merged.results.size(), 5U);
  for (std::size_t r = 0; r < 5; ++r) EXPECT_EQ(merged.results[r].events, 100 + r);
  EXPECT_EQ(merged.run.seed, 42U);
  EXPECT_EQ(merged.run.source_file, "a.yaml");
}

TEST(MergeShards, RefusesAMissingDuplicateOrForeignShard) {
  const ShardedRun run = run_of_five();
  EXPECT_THROW(merge_shards({part(run, 0)}), BadArgument);
  EXPECT_THROW(merge_shards({part(run, 0), part(run, 1), part(run, 1)}), BadArgument);
  ShardedRun other = run;
  other.seed = 7;
  EXPECT_THROW(merge_shards({part(run, 0), part(other, 1)}), BadArgument);
  other = run;
  other.fingerprint = "fedcba9876543210";
  EXPECT_THROW(merge_shards({part(run, 0), part(other, 1)}), BadArgument);
  auto damaged = part(run, 1);
  damaged.second.encoded.back().resize(10);
  EXPECT_THROW(merge_shards({part(run, 0), damaged}), BadArgument);
  EXPECT_THROW(merge_shards({}), BadArgument);
}

}  // namespace
}  // namespace pfsim::run
