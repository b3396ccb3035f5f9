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

scenario::WinterDischarge read_discharge(const At& at) {
  at.expect_map("discharge dip settings (weekend_factor, bank_holidays, bank_holiday_factor)");
  at.check_keys({"weekend_factor", "bank_holidays", "bank_holiday_factor"});
  scenario::WinterDischarge d;
  if (auto v = at.get("weekend_factor")) d.weekend_factor = read_probability(*v);
  if (auto v = at.get("bank_holiday_factor")) d.bank_holiday_factor = read_probability(*v);
  if (auto holidays = at.get("bank_holidays")) {
    for (const At& item : holidays->items()) {
      const auto date = read_date(item, "write each bank holiday as YYYY-MM-DD, e.g. 2019-12-25");
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
    winter.arrival_multiplier = read_band_multipliers_by_month(*arrivals, population);
  }
  if (auto los = at.get("los_multiplier")) {
    winter.los_multiplier = read_multipliers_by_month(*los);
  }
  if (auto discharge = at.get("discharge")) winter.discharge = read_discharge(*discharge);
  if (auto outbreaks = at.get("outbreaks")) winter.outbreaks = read_outbreaks_by_site(*outbreaks, sites);
  if (auto escalation = at.get("escalation")) winter.escalation = read_escalation(*escalation);
  if (auto opel = at.get("opel")) winter.opel = read_opel(*opel);
  return winter;
}

}  // namespace pfsim::loader::detail
