#include "reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "did_you_mean.hpp"
#include "pfsim/loader/allowed_keys.hpp"
#include "pfsim/engine/time.hpp"
#include "limits.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr std::string_view kNumberHint = "write a plain number such as 12 or 0.25";

// Parses the whole text as a number (YAML's ".inf"/".nan" included, so they can be rejected by name).
std::optional<double> parse_double(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lowered == ".inf" || lowered == "-.inf") return lowered.front() == '-' ? -HUGE_VAL : HUGE_VAL;
  if (lowered == ".nan") return std::nan("");
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc::result_out_of_range) return HUGE_VAL;
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? shorten(key) : fmt::format("{}.{}", parent, shorten(key));
}

}  // namespace

// 10 significant digits: enough to show a share sum off by more than the 1e-6 tolerance, no binary noise.
std::string show(double value) { return fmt::format("{:.10g}", value); }

At::At(const SourceNode& node, std::string path, std::string key)
    : node_(&node), path_(std::move(path)), key_(std::move(key)) {}

void At::fail(const std::string& message, const std::string& hint) const {
  throw ScenarioError(origin().file_name(), origin().line, origin().column, path_, message, hint);
}

void fail_at_key(const SourceNode::Entry& entry, const std::string& path, const std::string& message,
                 const std::string& hint) {
  const Origin& o = entry.key_origin;
  throw ScenarioError(o.file_name(), o.line, o.column, path, message, hint);
}

std::string At::child_path(std::string_view key) const { return join_path(path_, key); }

void At::expect_map(std::string_view what) const {
  if (node_->kind != SourceNode::Kind::Map)
    fail(fmt::format("expected a map of {}, got {}", what, describe(*node_)), "write `key: value` lines indented under this key");
}

void At::check_keys(std::initializer_list<std::string_view> allowed,
                    std::initializer_list<std::pair<std::string_view, std::string_view>> special) const {
  std::vector<std::string> allowed_keys(allowed.begin(), allowed.end());
  AllowedKeysRecorder::record(path_, allowed_keys);
  for (const auto& entry : node_->entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    const std::string path = child_path(entry.key);
    // yaml-cpp reads a YAML merge key (`<<: *defaults`) as a plain key named "<<".
    if (entry.key == "<<")
      fail_at_key(entry, path, "YAML merge keys (<<) are not supported",
                  "write the keys out, or put shared settings in a base file and use `extends:`");
    for (const auto& [key, hint] : special)
      if (key == entry.key) fail_at_key(entry, path, fmt::format("unknown key \"{}\"", shorten(entry.key)), std::string(hint));
    fail_at_key(entry, path, fmt::format("unknown key \"{}\"", shorten(entry.key)), suggestion_hint(entry.key, allowed_keys));
  }
}

std::optional<At> At::get(std::string_view key) const {
  const SourceNode* value = node_->find(key);
  if (!value) return std::nullopt;
  return At(*value, child_path(key), std::string(key));
}

At At::require(std::string_view key, const std::string& hint) const {
  if (auto value = get(key)) return *value;
  throw ScenarioError(origin().file_name(), origin().line, origin().column, child_path(key),
                      fmt::format("missing required key \"{}\"", key),
                      hint.empty() ? fmt::format("add `{}:` under `{}`", key, path_.empty() ? "the top level" : path_) : hint);
}

std::vector<std::pair<const SourceNode::Entry*, At>> At::entries() const {
  std::vector<std::pair<const SourceNode::Entry*, At>> out;
  for (const auto& entry : node_->entries) out.emplace_back(&entry, At(entry.value, child_path(entry.key), entry.key));
  return out;
}

std::vector<At> At::items() const {
  if (node_->kind != SourceNode::Kind::List)
    fail(fmt::format("expected a list, got {}", describe(*node_)), "write a list as [a, b, c] or as `- item` lines");
  std::vector<At> out;
  out.reserve(node_->items.size());
  for (std::size_t i = 0; i < node_->items.size(); ++i) {
    const SourceNode& item = node_->items[i];
    // Named items (sites, localities) are addressed by name, as `--set sites.Southend.beds.general=600` does.
    const std::string* name = item.name();
    const std::string segment = name && !name->empty() ? *name : fmt::format("[{}]", i);
    std::string path = name && !name->empty() ? join_path(path_, *name) : path_ + segment;
    out.emplace_back(item, std::move(path), segment);
  }
  return out;
}

std::vector<At> At::items(std::size_t count, std::string_view one, std::string_view many) const {
  auto out = items();
  if (out.size() != count)
    fail(fmt::format("{} has {} value{} but there {} {} {}", key_, out.size(), out.size() == 1 ? "" : "s",
                     count == 1 ? "is" : "are", count, count == 1 ? one : many),
         fmt::format("give exactly {} value{}", count, count == 1 ? "" : "s"));
  return out;
}

double read_number(const At& at) {
  const SourceNode& node = at.node();
  std::optional<double> value;
  if (node.kind == SourceNode::Kind::Scalar) value = parse_double(node.text);
  if (!value) at.fail(fmt::format("expected a number, got {}", describe(node)), std::string(kNumberHint));
  if (!std::isfinite(*value)) at.fail(fmt::format("expected a finite number, got {}", describe(node)), std::string(kNumberHint));
  return *value;
}

double read_number_in(const At& at, double min, double max, std::string_view limit_hint) {
  const double value = read_number(at);
  // A bounded range is stated in the hint, so "must be at least 1" also says how far a value may go.
  const std::string range_hint =
      max < std::numeric_limits<double>::max() ? fmt::format("give a value from {} to {}", show(min), show(max)) : std::string();
  if (value < min) {
    if (min == 0) at.fail(fmt::format("must not be negative, got {}", show(value)));
    at.fail(fmt::format("must be at least {}, got {}", show(min), show(value)), range_hint);
  }
  if (value > max) {
    if (!limit_hint.empty()) at.fail(fmt::format("{} exceeds the limit of {}", show(value), show(max)), std::string(limit_hint));
    at.fail(fmt::format("must be at most {}, got {}", show(max), show(value)), range_hint);
  }
  return value;
}

double read_nonnegative(const At& at, double max, std::string_view limit_hint) {
  return read_number_in(at, 0.0, max, limit_hint);
}

double read_probability(const At& at) {
  const double value = read_number(at);
  if (value < 0 || value > 1)
    at.fail(fmt::format("a probability must be between 0 and 1, got {}", show(value)),
            "write a share as a fraction, e.g. 0.25 for 25 %");
  return value;
}

std::int64_t read_integer(const At& at, std::int64_t min, std::int64_t max, std::string_view limit_hint) {
  const double value = read_number_in(at, static_cast<double>(min), static_cast<double>(max), limit_hint);
  if (std::floor(value) != value) at.fail(fmt::format("must be a whole number, got {}", show(value)), "drop the fraction");
  return static_cast<std::int64_t>(value);
}

int read_capacity(const At& at) {
  return static_cast<int>(read_integer(at, 0, kMaxCapacity, "capacities above 10 million are not supported"));
}

std::uint64_t read_uint64(const At& at) {
  const SourceNode& node = at.node();
  std::uint64_t value = 0;
  if (node.kind == SourceNode::Kind::Scalar) {
    const char* begin = node.text.data();
    const char* end = begin + node.text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc() && ptr == end && !node.text.empty()) return value;
    if (ec == std::errc::result_out_of_range)
      at.fail(fmt::format("{} does not fit in 64 bits", describe(node)), "use a whole number below 18446744073709551616");
  }
  at.fail(fmt::format("expected a whole number from 0 to 18446744073709551615, got {}", describe(node)),
          "write a plain number such as 20190401");
}

std::chrono::year_month_day read_date(const At& at, const std::string& hint) {
  std::chrono::year_month_day date{};
  if (at.node().kind != SourceNode::Kind::Scalar || !engine::parse_iso_date(at.node().text, date))
    at.fail(fmt::format("bad date {}", describe(at.node())), hint);
  return date;
}

bool read_bool(const At& at) {
  const SourceNode& node = at.node();
  if (node.kind == SourceNode::Kind::Scalar && !node.quoted) {
    if (node.text == "true") return true;
    if (node.text == "false") return false;
  }
  at.fail(fmt::format("expected true or false, got {}", describe(node)), fmt::format("write `{}: true` or `{}: false`", at.key(), at.key()));
}

std::string read_string(const At& at) {
  const SourceNode& node = at.node();
  if (node.kind != SourceNode::Kind::Scalar) at.fail(fmt::format("expected text, got {}", describe(node)), "write a single word or a quoted phrase");
  if (node.text.empty()) at.fail("must not be empty");
  return node.text;
}

namespace {
// Distribution text, with time units or plain numbers; `example` and `hint` are for a value that is not text.
engine::Distribution read_distribution_text(const At& at, bool with_units, std::string_view example, std::string_view hint) {
  const SourceNode& node = at.node();
  if (node.kind != SourceNode::Kind::Scalar)
    at.fail(fmt::format("expected a distribution such as \"{}\", got {}", example, describe(node)), std::string(hint));
  try {
    return engine::parse_distribution(node.text, with_units);
  } catch (const engine::DistributionError& e) {
    // The engine's general examples carry time units, which a count distribution (beds) must not have.
    if (!with_units && e.hint().starts_with("write e.g."))
      at.fail(e.what(), R"~(write e.g. "fixed(4)", "triangular(min=4, mode=10, max=24)" or "uniform(min=2, max=8)": plain numbers of beds, no units)~");
    at.fail(e.what(), e.hint());
  } catch (const std::exception& e) {  // e.g. a factory rejecting sd ≤ 0
    at.fail(fmt::format("{} in \"{}\"", e.what(), node.text));
  }
}
}  // namespace

engine::Distribution read_distribution(const At& at) {
  return read_distribution_text(at, true, "lognormal(mean=6d, sd=9d)", "write the distribution as one quoted string");
}

engine::Distribution read_count_distribution(const At& at) {
  return read_distribution_text(at, false, "triangular(min=4, mode=10, max=24)",
                                "write the distribution as one quoted string of plain numbers (beds, no units)");
}

void check_sums_to_one(const At& at, double sum, std::string_view what) {
  if (std::abs(sum - 1.0) > 1e-6)
    at.fail(fmt::format("{} sum to {}, not 1", what, show(sum)), "adjust the shares so they add up to exactly 1");
}

}  // namespace pfsim::loader::detail
