#pragma once
// Comparing options with common random numbers (README "Comparing options"): every scenario runs with the same seed
// and replication numbers, so each replication sees the same people, and the differences option − base are paired
// (DESIGN §6). One warm-up, chosen on the base, is used for every option.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/models/warmup.hpp"
#include "pfsim/output/run_record.hpp"
#include "pfsim/scenario/scenario.hpp"

namespace pfsim::run {

/// A base (scenarios[0]) and its options, ready to run: labels[k] names option k's group /compare/<label>/.
struct Comparison {
  std::vector<scenario::Scenario> scenarios;
  std::vector<std::string> labels;
  std::optional<models::WarmupChoice> warmup;  // set when the base's warmup_days is `auto`
};

/// Gives every option the base's warm-up (choosing it first when the base says `auto`) and checks the scenarios can
/// be paired: same seed, replications and measured days, same sites and localities in the same order. `files` name
/// the scenarios in messages. Throws BadArgument.
Comparison prepare_comparison(std::vector<scenario::Scenario> scenarios, std::vector<std::string> labels,
                              const std::vector<std::string>& files);

struct ComparisonResult {
  output::RunRecord record;  // the base's results plus /compare/<label>/... (paired differences and their summaries)
  std::string table;         // the printed table: one block per option, * where the 95 % CI excludes 0
};

/// Runs every scenario of `comparison` on `threads` threads (`on_done` after each replication) and builds the paired
/// differences: whole system, by site, by locality (every row when `all_locality_rows`, else the marked ones) and the
/// travel burden for scenarios with routing.
ComparisonResult run_comparison(const Comparison& comparison, std::size_t threads, bool all_locality_rows,
                                const std::string& command_line, const std::function<void()>& on_done);

}  // namespace pfsim::run
