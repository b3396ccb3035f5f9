#pragma once
// Typed, checked reads from a SourceNode. Every read knows its key path, so every failure can say
// "FILE:LINE:COL: key.path: what is wrong (hint: how to fix it)".
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pfsim/engine/distribution.hpp"
#include "source_node.hpp"

namespace pfsim::loader::detail {

/// A node and the key path that reached it ("sites.Southend.beds.general"; list items by name or [index]).
class At {
 public:
  At(const SourceNode& node, std::string path, std::string key);
  [[nodiscard]] const SourceNode& node() const { return *node_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  /// The last key of the path ("people"), for messages such as "people has 4 values".
  [[nodiscard]] const std::string& key() const { return key_; }
  [[nodiscard]] const Origin& origin() const { return node_->origin; }

  /// Throws ScenarioError at this node.
  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;

  // Maps -------------------------------------------------------------------------------------------
  /// Fails unless this is a map ("expected a map of <what>").
  void expect_map(std::string_view what) const;
  /// Fails at the first key not in `allowed`, with "did you mean". `special` gives a fixed hint for a
  /// known key that does not belong here (e.g. `P0` under discharge.assessment_delay).
  void check_keys(std::initializer_list<std::string_view> allowed,
                  std::initializer_list<std::pair<std::string_view, std::string_view>> special = {}) const;
  [[nodiscard]] std::optional<At> get(std::string_view key) const;
  /// The value under `key`, or fails with `missing required key "key"` at this map.
  [[nodiscard]] At require(std::string_view key, const std::string& hint = {}) const;
  /// Every entry of a map, as (key, value) with the key's own origin for errors about the key.
  [[nodiscard]] std::vector<std::pair<const SourceNode::Entry*, At>> entries() const;

  // Lists ------------------------------------------------------------------------------------------
  /// The items of a list (fails unless a list), each with its path.
  [[nodiscard]] std::vector<At> items() const;
  /// Like items(), but fails unless there are exactly `count` ("people has 4 values but there are 5 age bands");
  /// `one` and `many` name what is counted ("age band", "age bands").
  [[nodiscard]] std::vector<At> items(std::size_t count, std::string_view one, std::string_view many) const;

  [[nodiscard]] std::string child_path(std::string_view key) const;

 private:
  const SourceNode* node_;
  std::string path_;
  std::string key_;
};

/// Fails at a key itself (not its value): unknown keys, unknown names used as keys.
[[noreturn]] void fail_at_key(const SourceNode::Entry& entry, const std::string& path, const std::string& message,
                              const std::string& hint = {});

// Scalars ------------------------------------------------------------------------------------------
/// A finite number.
double read_number(const At& at);
/// A finite number in [min, max]; `limit_hint` explains a max that is a resource limit.
double read_number_in(const At& at, double min, double max, std::string_view limit_hint = {});
double read_nonnegative(const At& at, double max = std::numeric_limits<double>::max(), std::string_view limit_hint = {});
/// A probability or share in [0, 1].
double read_probability(const At& at);
/// A whole number in [min, max].
std::int64_t read_integer(const At& at, std::int64_t min, std::int64_t max, std::string_view limit_hint = {});
/// A count of beds, clinicians or packages: whole, ≥ 0, ≤ kMaxCapacity.
int read_capacity(const At& at);
std::uint64_t read_uint64(const At& at);
/// Non-empty text.
std::string read_string(const At& at);
/// `true` or `false`, unquoted.
bool read_bool(const At& at);
/// A calendar date written YYYY-MM-DD; `hint` says how to write this one ("bad date ..." otherwise).
std::chrono::year_month_day read_date(const At& at, const std::string& hint);
/// Distribution text with time units ("lognormal(mean=6d, sd=9d)"), in minutes.
engine::Distribution read_distribution(const At& at);
/// Distribution text of plain numbers, without units ("triangular(min=4, mode=10, max=24)"): counts such as beds.
engine::Distribution read_count_distribution(const At& at);

/// Reads a list of exactly `count` numbers with `read_one` (e.g. read_probability).
template <class ReadOne>
std::vector<double> read_numbers(const At& at, std::size_t count, std::string_view one, std::string_view many,
                                 ReadOne read_one) {
  std::vector<double> values;
  for (const At& item : at.items(count, one, many)) values.push_back(read_one(item));
  return values;
}

/// Sum check for shares, tolerance 1e-6; `what` names the shares in the message.
void check_sums_to_one(const At& at, double sum, std::string_view what);

/// Formats a number for messages without trailing noise (0.9, 1e+07, 570.5).
std::string show(double value);

}  // namespace pfsim::loader::detail
