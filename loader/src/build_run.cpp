// run: {start_date, days, warmup_days, replications, seed} (DESIGN §4): the measured period and replications.
#include <cctype>

#include <fmt/format.h>

#include "build.hpp"
#include "limits.hpp"
#include "pfsim/engine/time.hpp"

namespace pfsim::loader::detail {

scenario::RunSettings build_run(const At& run) {
  run.expect_map("run settings (start_date, days, ...)");
  run.check_keys({"start_date", "days", "warmup_days", "replications", "seed"});
  scenario::RunSettings settings;

  const At start = run.require("start_date", "add `start_date: 2019-04-01` (the first measured day)");
  settings.start_date = read_date(start, "write a real calendar date as YYYY-MM-DD, e.g. 2019-04-01");

  settings.days = static_cast<int>(read_integer(run.require("days", "add `days: 365` (the measured period)"), 1,
                                                kMaxDays, "runs longer than 100 years are not supported"));
  if (auto warmup = run.get("warmup_days"); warmup && warmup->node().kind == SourceNode::Kind::Scalar && warmup->node().text == "auto")
    settings.warmup_auto = true;  // pfsim run chooses it with a pilot run (MSER-5); scenario::choose_warmup
  else if (warmup && warmup->node().kind == SourceNode::Kind::Scalar && !warmup->node().text.empty() &&
           std::isalpha(static_cast<unsigned char>(warmup->node().text.front())))
    warmup->fail(fmt::format("expected a whole number of days or auto, got {}", describe(warmup->node())),
                 "write e.g. `warmup_days: 60`, or `warmup_days: auto` to choose it with MSER-5 on a pilot run");
  else if (warmup)
    settings.warmup_days = static_cast<int>(read_integer(*warmup, 0, kMaxWarmupDays, "warm-ups longer than 10 years are not supported"));
  if (auto replications = run.get("replications"))
    settings.replications = static_cast<int>(read_integer(*replications, 1, kMaxReplications,
                                                          "use --target-ci to stop early instead of a huge count"));
  if (auto seed = run.get("seed")) settings.seed = read_uint64(*seed);
  return settings;
}

}  // namespace pfsim::loader::detail
