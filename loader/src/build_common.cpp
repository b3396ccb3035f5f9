#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {

std::vector<double> read_per_band(const At& at, const scenario::Population& population, double (*read_one)(const At&)) {
  return read_numbers(at, population.age_bands.size(), "age band", "age bands", read_one);
}

namespace {
// A map keyed by `names`: an unknown key fails with "did you mean"; `read_row(index, key, value)` reads each entry
// (and may refuse its key). Returns which names were present.
std::vector<bool> read_keyed_rows(const At& at, const std::vector<std::string>& names, std::string_view one, std::string_view many,
                                  const std::function<void(std::size_t, const SourceNode::Entry&, const At&)>& read_row) {
  std::vector<bool> present(names.size(), false);
  for (const auto& [entry, value] : at.entries()) {
    auto it = std::find(names.begin(), names.end(), entry->key);
    if (it == names.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown {} \"{}\"", one, shorten(entry->key)), suggestion_hint(entry->key, names, many));
    const auto index = static_cast<std::size_t>(it - names.begin());
    present[index] = true;
    read_row(index, *entry, value);
  }
  return present;
}
}  // namespace

void read_by_locality(const At& at, const scenario::Population& population,
                      const std::function<void(std::size_t, const At&)>& read_row, std::string_view example_value) {
  at.expect_map("locality names");
  std::vector<std::string> names;
  for (const auto& locality : population.localities) names.push_back(locality.name);
  const auto present = read_keyed_rows(at, names, "locality", "localities",
                                       [&](std::size_t index, const SourceNode::Entry&, const At& value) { read_row(index, value); });
  for (std::size_t i = 0; i < names.size(); ++i)
    if (!present[i])
      at.fail(fmt::format("missing locality \"{}\"", names[i]),
              fmt::format("every locality in population.localities needs a row, e.g. `{}: {}`", names[i], example_value));
}

void read_by_adult_band_label(const At& at, const scenario::Population& population,
                              const std::function<void(std::size_t, const At&)>& read_row, std::string_view example_value) {
  at.expect_map("rows by age band");
  const auto& bands = population.age_bands;
  const auto present = read_keyed_rows(at, bands, "age band", "age bands", [&](std::size_t band, const SourceNode::Entry& entry, const At& value) {
    if (!population.band_is_adult[band])
      fail_at_key(entry, value.path(), fmt::format("age band \"{}\" is under 18", shorten(entry.key)),
                  "under-18s always go home (P0) and have no downstream care: leave the band out");
    read_row(band, value);
  });
  for (std::size_t b = 0; b < bands.size(); ++b)
    if (population.band_is_adult[b] && !present[b])
      at.fail(fmt::format("missing age band \"{}\"", bands[b]),
              fmt::format("every adult age band needs a row, e.g. `\"{}\": {}`", bands[b], example_value));
}

bool keyed_by_band(const At& at, std::initializer_list<std::string_view> value_keys) {
  const SourceNode& node = at.node();
  if (node.kind != SourceNode::Kind::Map || node.entries.empty()) return false;
  return std::none_of(node.entries.begin(), node.entries.end(), [&](const SourceNode::Entry& e) {
    return std::find(value_keys.begin(), value_keys.end(), e.key) != value_keys.end();
  });
}

void check_unique_name(const At& name, std::vector<std::pair<std::string, int>>& seen, std::string_view what) {
  const std::string text = read_string(name);
  for (const auto& [other, line] : seen)
    if (other == text)
      name.fail(fmt::format("duplicate {} name \"{}\" (first at line {})", what, shorten(text), line),
                fmt::format("each {} needs its own name", what));
  seen.emplace_back(text, name.origin().line);
}

}  // namespace pfsim::loader::detail
