// Values by calendar month ("Dec: 1.1") and outbreak settings by site, shared by `winter:` and `seasons:`.
#include <algorithm>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"

namespace pfsim::loader::detail {
namespace {

const std::vector<std::string>& month_names() {
  static const std::vector<std::string> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names;
}

constexpr double kMaxMultiplier = 10.0;
constexpr double kMaxOutbreaksPerMonth = 31.0;  // about one a day: beyond that an outbreak is not an event

scenario::WinterOutbreaks read_outbreaks(const At& at, std::size_t site, const scenario::Site& where) {
  at.expect_map("outbreak settings (per_month, duration, beds_closed)");
  at.check_keys({"per_month", "duration", "beds_closed"});
  scenario::WinterOutbreaks o;
  o.site = site;
  read_by_month(at.require("per_month", "add e.g. `per_month: {Dec: 0.8, Jan: 1.0}` (expected outbreaks a month)"),
                [&](std::size_t month, const At& value) {
                  o.per_month[month] = read_number_in(value, 0.0, kMaxOutbreaksPerMonth, "more than 31 outbreaks a month is not plausible");
                },
                "Dec: 0.8, Jan: 1.0");
  o.duration = read_distribution(at.require("duration", R"~(add e.g. `duration: "gamma(mean=7d, sd=3d)"`)~"));
  o.beds_closed = read_count_distribution(at.require("beds_closed", R"~(add e.g. `beds_closed: "triangular(min=4, mode=10, max=24)"`)~"));
  if (o.beds_closed.mean() < 0)
    at.require("beds_closed").fail("beds_closed has a negative mean", "give a distribution of bed counts (0 or more)");
  // Closing more beds on average than the site has is a typo or the wrong site, not an outbreak. A site with no
  // general beds (a bed sweep's last step, `--set sites.X.beds.general=0`) has nothing to close.
  if (where.general_beds > 0 && o.beds_closed.mean() > where.general_beds)
    at.require("beds_closed").fail(fmt::format("beds_closed has mean {}, more than the {} general beds at {}", show(o.beds_closed.mean()),
                                               where.general_beds, where.name),
                                   "give the beds one outbreak closes at this site (a few bays, not the hospital)");
  return o;
}

}  // namespace

void read_by_month(const At& at, const std::function<void(std::size_t, const At&)>& read_value, std::string_view example) {
  at.expect_map(fmt::format("month → value, e.g. {{{}}}", example));
  const auto& names = month_names();
  for (const auto& [entry, value] : at.entries()) {
    const auto it = std::find(names.begin(), names.end(), entry->key);
    if (it == names.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown month \"{}\"", shorten(entry->key)),
                  suggestion_hint(entry->key, names, "months (Jan, Feb, ..., Dec)"));
    read_value(static_cast<std::size_t>(it - names.begin()), value);
  }
}

double read_multiplier(const At& at) {
  const double value = read_number_in(at, 0.0, kMaxMultiplier, "a multiplier above 10 is not plausible for a month");
  if (value <= 0) at.fail("must be greater than 0, got 0", "a multiplier of 1 leaves the month unchanged");
  return value;
}

std::vector<double> read_band_multipliers(const At& at, const scenario::Population& population) {
  if (at.node().kind == SourceNode::Kind::List) return read_per_band(at, population, read_multiplier);
  return std::vector<double>(population.age_bands.size(), read_multiplier(at));
}

std::array<std::vector<double>, scenario::kMonths> read_band_multipliers_by_month(const At& at, const scenario::Population& population) {
  std::array<std::vector<double>, scenario::kMonths> m;
  for (auto& month : m) month.assign(population.age_bands.size(), 1.0);
  read_by_month(at, [&](std::size_t month, const At& value) { m[month] = read_band_multipliers(value, population); },
                "Dec: 1.05, Jan: [1.0, 1.02, 1.05, 1.08, 1.1]");
  return m;
}

std::array<double, scenario::kMonths> read_multipliers_by_month(const At& at) {
  std::array<double, scenario::kMonths> m{};
  m.fill(1.0);
  read_by_month(at, [&](std::size_t month, const At& value) { m[month] = read_multiplier(value); }, "Dec: 1.05, Jan: 1.1");
  return m;
}

std::vector<scenario::WinterOutbreaks> read_outbreaks_by_site(const At& at, const std::vector<scenario::Site>& sites) {
  at.expect_map("site name → outbreak settings");
  std::vector<std::string> names;
  for (const auto& site : sites) names.push_back(site.name);
  std::vector<scenario::WinterOutbreaks> outbreaks;
  for (const auto& [entry, value] : at.entries()) {
    const auto it = std::find(names.begin(), names.end(), entry->key);
    if (it == names.end())
      fail_at_key(*entry, value.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, names, "sites"));
    const auto site = static_cast<std::size_t>(it - names.begin());
    outbreaks.push_back(read_outbreaks(value, site, sites[site]));
  }
  return outbreaks;
}

}  // namespace pfsim::loader::detail
