// winter: monthly multipliers on emergency arrivals and LOS, the weekend/bank-holiday discharge dip, outbreaks that
// close beds, escalation beds and OPEL thresholds (DESIGN §3). Off when absent; each part off when left out.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "pfsim/engine/time.hpp"

namespace pfsim::loader::detail {
namespace {

const std::vector<std::string>& month_names() {
  static const std::vector<std::string> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names;
}

constexpr double kMaxMultiplier = 10.0;
constexpr double kMaxOutbreaksPerMonth = 31.0;  // about one a day: beyond that an outbreak is not an event

// A map keyed by month ("Dec: 1.1"); months left out keep their default. `read_value(month, value)` reads each.
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

// One number for every band, or one per band.
std::vector<double> read_band_multipliers(const At& at, const scenario::Population& population) {
  if (at.node().kind == SourceNode::Kind::List) return read_per_band(at, population, read_multiplier);
  return std::vector<double>(population.age_bands.size(), read_multiplier(at));
}

scenario::WinterDischarge read_discharge(const At& at) {
  at.expect_map("discharge dip settings (weekend_factor, bank_holidays, bank_holiday_factor)");
  at.check_keys({"weekend_factor", "bank_holidays", "bank_holiday_factor"});
  scenario::WinterDischarge d;
  if (auto v = at.get("weekend_factor")) d.weekend_factor = read_probability(*v);
  if (auto v = at.get("bank_holiday_factor")) d.bank_holiday_factor = read_probability(*v);
  if (auto holidays = at.get("bank_holidays")) {
    for (const At& item : holidays->items()) {
      std::chrono::year_month_day date{};
      if (item.node().kind != SourceNode::Kind::Scalar || !engine::parse_iso_date(item.node().text, date))
        item.fail(fmt::format("bad date {}", describe(item.node())), "write each bank holiday as YYYY-MM-DD, e.g. 2019-12-25");
      if (std::find(d.bank_holidays.begin(), d.bank_holidays.end(), date) != d.bank_holidays.end())
        item.fail(fmt::format("bank holiday {} is listed twice", item.node().text), "list each date once");
      d.bank_holidays.push_back(date);
    }
    if (!d.bank_holidays.empty() && !at.get("bank_holiday_factor"))
      holidays->fail("bank_holidays given without bank_holiday_factor",
                     "add `bank_holiday_factor: 0.3` (share of ready patients able to leave on a bank holiday)");
  }
  return d;
}

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
  // Closing more beds on average than the site has is a typo or the wrong site, not an outbreak.
  if (o.beds_closed.mean() > where.general_beds)
    at.require("beds_closed").fail(fmt::format("beds_closed has mean {}, more than the {} general beds at {}", show(o.beds_closed.mean()),
                                               where.general_beds, where.name),
                                   "give the beds one outbreak closes at this site (a few bays, not the hospital)");
  return o;
}

scenario::EscalationSettings read_escalation(const At& at) {
  at.expect_map("escalation settings (open_above_pct, for_hours, close_below_pct)");
  at.check_keys({"open_above_pct", "for_hours", "close_below_pct"});
  scenario::EscalationSettings e;
  e.open_above_pct = read_number_in(at.require("open_above_pct", "add e.g. `open_above_pct: 95`"), 0.0, 200.0);
  if (auto v = at.get("for_hours"))
    e.for_hours = static_cast<int>(read_integer(*v, 1, 24 * 7, "checks are hourly; more than a week above the threshold is not plausible"));
  const At close = at.require("close_below_pct", "add e.g. `close_below_pct: 90`");
  e.close_below_pct = read_number_in(close, 0.0, 200.0);
  // {open_above_pct: 0.95, close_below_pct: 0.9} reads as under 1 % occupancy: escalation beds would be open all year.
  if (e.open_above_pct <= 1.0 && e.close_below_pct <= 1.0)
    at.require("open_above_pct")
        .fail(fmt::format("open_above_pct {} and close_below_pct {} are at most 1: as percentages of beds occupied, escalation "
                          "beds would open at under 1 % occupancy",
                          show(e.open_above_pct), show(e.close_below_pct)),
              fmt::format("the thresholds are percentages: write open_above_pct: {} and close_below_pct: {}", show(e.open_above_pct * 100),
                          show(e.close_below_pct * 100)));
  if (e.close_below_pct > e.open_above_pct)
    close.fail(fmt::format("close_below_pct {} is above open_above_pct {}", show(e.close_below_pct), show(e.open_above_pct)),
               "escalation beds close when occupancy falls below a level at or under the opening level");
  return e;
}

std::array<double, 3> read_thresholds(const At& at, double max) {
  const auto items = at.items(3, "threshold", "thresholds (OPEL 2, 3 and 4)");
  std::array<double, 3> t{};
  for (std::size_t i = 0; i < 3; ++i) {
    t[i] = read_number_in(items[i], 0.0, max);
    if (i > 0 && t[i] < t[i - 1])
      items[i].fail(fmt::format("thresholds must not decrease: {} after {}", show(t[i]), show(t[i - 1])),
                    "list the OPEL 2, 3 and 4 thresholds in increasing order");
  }
  return t;
}

scenario::OpelSettings read_opel(const At& at) {
  at.expect_map("OPEL settings (thresholds_pct, trolley_waits)");
  at.check_keys({"thresholds_pct", "trolley_waits"});
  scenario::OpelSettings opel;
  const At thresholds = at.require("thresholds_pct", "add e.g. `thresholds_pct: [85, 92, 97]` (OPEL 2, 3, 4)");
  opel.occupancy_pct = read_thresholds(thresholds, 200.0);
  // [0.85, 0.92, 0.97] reads as under 1 % occupancy: every day would be OPEL 4.
  if (std::all_of(opel.occupancy_pct.begin(), opel.occupancy_pct.end(), [](double pct) { return pct <= 1.0; })) {
    const auto& t = opel.occupancy_pct;
    thresholds.fail(fmt::format("all three thresholds are at most 1 ({}, {}, {}): as percentages of beds occupied, every day would be OPEL 4", show(t[0]),
                                show(t[1]), show(t[2])),
                    fmt::format("thresholds_pct is a percentage: write [{}, {}, {}]", show(t[0] * 100), show(t[1] * 100),
                                show(t[2] * 100)));
  }
  if (auto v = at.get("trolley_waits")) opel.trolley_waits = read_thresholds(*v, 1e6);
  return opel;
}

}  // namespace

scenario::WinterSettings build_winter(const At& at, const scenario::Population& population, const std::vector<scenario::Site>& sites) {
  at.expect_map("winter settings (arrival_multiplier, los_multiplier, discharge, outbreaks, escalation, opel)");
  at.check_keys({"arrival_multiplier", "los_multiplier", "discharge", "outbreaks", "escalation", "opel"});
  scenario::WinterSettings winter;
  if (auto arrivals = at.get("arrival_multiplier")) {
    auto& m = winter.arrival_multiplier.emplace();
    for (auto& month : m) month.assign(population.age_bands.size(), 1.0);
    read_by_month(*arrivals, [&](std::size_t month, const At& value) { m[month] = read_band_multipliers(value, population); },
                  "Dec: 1.05, Jan: [1.0, 1.02, 1.05, 1.08, 1.1]");
  }
  if (auto los = at.get("los_multiplier")) {
    auto& m = winter.los_multiplier.emplace();
    m.fill(1.0);
    read_by_month(*los, [&](std::size_t month, const At& value) { m[month] = read_multiplier(value); }, "Dec: 1.05, Jan: 1.1");
  }
  if (auto discharge = at.get("discharge")) winter.discharge = read_discharge(*discharge);
  if (auto outbreaks = at.get("outbreaks")) {
    outbreaks->expect_map("site name → outbreak settings");
    std::vector<std::string> names;
    for (const auto& site : sites) names.push_back(site.name);
    for (const auto& [entry, value] : outbreaks->entries()) {
      const auto it = std::find(names.begin(), names.end(), entry->key);
      if (it == names.end())
        fail_at_key(*entry, value.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, names, "sites"));
      const auto site = static_cast<std::size_t>(it - names.begin());
      winter.outbreaks.push_back(read_outbreaks(value, site, sites[site]));
    }
  }
  if (auto escalation = at.get("escalation")) winter.escalation = read_escalation(*escalation);
  if (auto opel = at.get("opel")) winter.opel = read_opel(*opel);
  return winter;
}

}  // namespace pfsim::loader::detail
