// planned_care: RTT referrals by specialty, theatre sessions and elective beds by site, where each locality is
// treated, priority targets, the 28-day rebooking standard and winter deferral of routine work (DESIGN §3 Planned care).
#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr std::array<std::string_view, scenario::kElectivePriorities> kPriorityNames{"P1", "P2", "P3", "P4"};
constexpr double kMaxReferralsPer1000 = 10000.0;

double read_referral_rate(const At& at) {
  return read_nonnegative(at, kMaxReferralsPer1000, "more than 10 referrals per person per year is not plausible");
}

std::size_t priority_index(const SourceNode::Entry& entry, const std::string& path) {
  const auto it = std::find(kPriorityNames.begin(), kPriorityNames.end(), entry.key);
  if (it == kPriorityNames.end())
    fail_at_key(entry, path, fmt::format("unknown priority \"{}\"", shorten(entry.key)),
                suggestion_hint(entry.key, {kPriorityNames.begin(), kPriorityNames.end()}, "priorities") +
                    " (P1 most urgent .. P4 routine)");
  return static_cast<std::size_t>(it - kPriorityNames.begin());
}

std::array<double, scenario::kElectivePriorities> read_priority_shares(const At& at) {
  at.expect_map("priority shares (P1, P2, P3, P4)");
  std::array<double, scenario::kElectivePriorities> shares{};
  double sum = 0;
  for (const auto& [entry, value] : at.entries()) {
    const double share = read_probability(value);
    shares[priority_index(*entry, value.path())] = share;
    sum += share;
  }
  check_sums_to_one(at, sum, "priority shares");
  return shares;
}

scenario::ElectiveSpecialty read_specialty(const At& at, const scenario::Population& population) {
  at.expect_map("specialty settings (name, referrals_per_1000_per_year, admitted_share, ...)");
  at.check_keys({"name", "referrals_per_1000_per_year", "admitted_share", "non_admitted_wait", "decision_to_list", "priority",
                 "day_case_share", "case_minutes", "los"});
  scenario::ElectiveSpecialty s;
  s.name = read_string(at.require("name", "add `name: trauma_orthopaedics` (or another specialty group)"));
  s.referrals_per_1000_per_year = read_per_band(
      at.require("referrals_per_1000_per_year", "add the RTT clock starts per 1,000 people a year, one per age band"), population,
      read_referral_rate);
  s.admitted_share = read_probability(at.require("admitted_share", "add e.g. `admitted_share: 0.2` (clock starts that end in an admission)"));
  s.non_admitted_wait = read_distribution(
      at.require("non_admitted_wait", R"~(add e.g. `non_admitted_wait: "lognormal(mean=56d, sd=40d)"` (to a non-admitted clock stop))~"));
  s.decision_to_list = read_distribution(
      at.require("decision_to_list", R"~(add e.g. `decision_to_list: "lognormal(mean=42d, sd=30d)"` (referral to joining the waiting list))~"));
  if (auto priority = at.get("priority")) s.priority_share = read_priority_shares(*priority);
  if (auto day_case = at.get("day_case_share")) s.day_case_share = read_probability(*day_case);
  s.case_minutes = read_distribution(at.require("case_minutes", R"~(add e.g. `case_minutes: "lognormal(mean=100min, sd=40min)"`)~"));
  // A day-case-only specialty needs no stay; any other needs one.
  if (auto los = at.get("los")) s.los = read_distribution(*los);
  else if (s.day_case_share < 1.0)
    (void)at.require("los", R"~(add e.g. `los: "lognormal(mean=3d, sd=2.5d)"` (the stay of inpatients who are not day cases))~");
  return s;
}

scenario::ElectiveSite read_site(const At& at) {
  at.expect_map("elective site settings (sessions, session_minutes, inpatients_per_day, ring_fenced_beds, overflow_to_general_beds, "
                "escalation_beds_from_ward)");
  at.check_keys({"sessions", "session_minutes", "inpatients_per_day", "ring_fenced_beds", "overflow_to_general_beds",
                 "escalation_beds_from_ward"});
  scenario::ElectiveSite site;
  const At sessions = at.require("sessions", "add `sessions: [10, 10, 10, 10, 10, 0, 0]` (theatre sessions, Monday first)");
  const auto counts = read_numbers(sessions, 7, "days in a week, Monday first", "days in a week, Monday first", [](const At& day) {
    return static_cast<double>(read_integer(day, 0, 1000, "more than 1,000 theatre sessions a day at one site is not plausible"));
  });
  for (std::size_t d = 0; d < 7; ++d) site.sessions[d] = static_cast<int>(counts[d]);
  if (auto minutes = at.get("session_minutes"))
    site.session_minutes = read_number_in(*minutes, 1.0, 24.0 * 60.0, "a session is at most a day (1440 minutes)");
  if (auto plan = at.get("inpatients_per_day"))
    for (double n : read_numbers(*plan, 7, "days in a week, Monday first", "days in a week, Monday first", [](const At& day) {
           return static_cast<double>(read_integer(day, 0, 100000, "more than 100,000 inpatients a day at one site is not plausible"));
         }))
      site.inpatients_per_day.push_back(static_cast<int>(n));
  if (auto beds = at.get("ring_fenced_beds")) site.ring_fenced_beds = read_capacity(*beds);
  if (auto overflow = at.get("overflow_to_general_beds")) {
    site.overflow_to_general_beds = read_bool(*overflow);
    if (site.overflow_to_general_beds && site.ring_fenced_beds == 0)
      overflow->fail("overflow_to_general_beds without ring_fenced_beds",
                     "without an elective ward inpatients already use the general beds: remove this key or add `ring_fenced_beds: N`");
  }
  if (auto escalation = at.get("escalation_beds_from_ward")) {
    site.escalation_beds_from_ward = read_bool(*escalation);
    if (site.escalation_beds_from_ward && site.ring_fenced_beds == 0)
      escalation->fail("escalation_beds_from_ward without ring_fenced_beds",
                       "escalation beds can only come out of an elective ward: add `ring_fenced_beds: N` or remove this key");
  }
  return site;
}

std::vector<std::string> names_of(const std::vector<scenario::Site>& sites) {
  std::vector<std::string> names;
  for (const auto& site : sites) names.push_back(site.name);
  return names;
}

std::size_t site_index(const SourceNode::Entry& entry, const std::string& path, const std::vector<std::string>& names) {
  const auto it = std::find(names.begin(), names.end(), entry.key);
  if (it == names.end()) fail_at_key(entry, path, fmt::format("unknown site \"{}\"", shorten(entry.key)), suggestion_hint(entry.key, names, "sites"));
  return static_cast<std::size_t>(it - names.begin());
}

bool has_theatres(const std::optional<scenario::ElectiveSite>& site) { return site && site->has_sessions(); }

std::vector<std::vector<double>> read_site_choice(const At& at, const scenario::Population& population,
                                                  const std::vector<scenario::Site>& sites,
                                                  const std::vector<std::optional<scenario::ElectiveSite>>& elective) {
  const std::vector<std::string> names = names_of(sites);
  std::vector<std::vector<double>> choice(population.localities.size(), std::vector<double>(sites.size(), 0.0));
  read_by_locality(at, population, [&](std::size_t locality, const At& row) {
    row.expect_map("site shares (site name: share)");
    double sum = 0;
    for (const auto& [entry, share] : row.entries()) {
      const std::size_t site = site_index(*entry, share.path(), names);
      choice[locality][site] = read_probability(share);
      if (choice[locality][site] > 0 && !has_theatres(elective[site]))
        fail_at_key(*entry, share.path(), fmt::format("site \"{}\" has no theatre sessions", entry->key),
                    fmt::format("add `planned_care.sites.{}.sessions` or send this locality's electives elsewhere", entry->key));
      sum += choice[locality][site];
    }
    check_sums_to_one(row, sum, "site shares");
  }, "{Southend: 1.0}");
  return choice;
}

/// Without `site_choice`: each locality's A&E shares over the sites with theatres, scaled to sum to 1.
std::vector<std::vector<double>> default_site_choice(const At& at, const scenario::Scenario& s,
                                                     const std::vector<std::optional<scenario::ElectiveSite>>& elective) {
  std::vector<std::vector<double>> choice = s.ae.site_choice;
  for (std::size_t l = 0; l < choice.size(); ++l) {
    double sum = 0;
    for (std::size_t site = 0; site < choice[l].size(); ++site) {
      if (!has_theatres(elective[site])) choice[l][site] = 0;
      sum += choice[l][site];
    }
    if (sum <= 0)
      at.fail(fmt::format("locality \"{}\" uses no site with theatre sessions for A&E, so where its electives go is unknown",
                          s.population.localities[l].name),
              "add `site_choice:` with a row `Locality: {Site: 1.0}` per locality, naming sites with theatres");
    for (double& share : choice[l]) share /= sum;
  }
  return choice;
}

const std::string kDateHint = "write the date as YYYY-MM-DD, e.g. 2020-01-06";

scenario::ElectiveDeferral read_deferral(const At& at) {
  at.expect_map("deferral settings (periods, priorities)");
  at.check_keys({"periods", "priorities"});
  scenario::ElectiveDeferral defer;
  const At periods = at.require("periods", "add `periods: [{from: 2020-01-01, to: 2020-01-31}]` (dates routine inpatients are not booked)");
  for (const At& period : periods.items()) {
    period.expect_map("a period (from, to)");
    period.check_keys({"from", "to"});
    const auto from = read_date(period.require("from", "add `from: YYYY-MM-DD` (first day deferred)"), kDateHint);
    const At to_at = period.require("to", "add `to: YYYY-MM-DD` (last day deferred)");
    const auto to = read_date(to_at, kDateHint);
    if (std::chrono::sys_days{to} < std::chrono::sys_days{from})
      to_at.fail(fmt::format("the period ends ({}) before it begins", to_at.node().text), "give `to` on or after `from`");
    defer.periods.emplace_back(from, to);
  }
  if (defer.periods.empty()) periods.fail("no period given", "add at least one `{from: YYYY-MM-DD, to: YYYY-MM-DD}`, or remove defer_routine");
  if (auto priorities = at.get("priorities")) {
    defer.priorities.fill(false);
    for (const At& item : priorities->items()) {
      const std::string name = read_string(item);
      const auto it = std::find(kPriorityNames.begin(), kPriorityNames.end(), name);
      if (it == kPriorityNames.end())
        item.fail(fmt::format("unknown priority \"{}\"", shorten(name)), "use P1, P2, P3 or P4 (routine work is P3 and P4)");
      defer.priorities[static_cast<std::size_t>(it - kPriorityNames.begin())] = true;
    }
  }
  return defer;
}

}  // namespace

scenario::PlannedCareSettings build_planned_care(const At& at, const scenario::Scenario& s) {
  at.expect_map("planned care settings (specialties, sites, site_choice, target_days, admit_hour, rebook_within_days, "
                "rebook_after_days, defer_routine)");
  at.check_keys({"specialties", "sites", "site_choice", "target_days", "admit_hour", "rebook_within_days", "rebook_after_days",
                 "defer_routine"});
  scenario::PlannedCareSettings pc;
  const At specialties = at.require("specialties", "add `specialties:` with at least one specialty group (name, referral rates, ...)");
  std::vector<std::pair<std::string, int>> seen;
  for (const At& item : specialties.items()) {
    pc.specialties.push_back(read_specialty(item, s.population));
    check_unique_name(item.require("name"), seen, "specialty");
  }
  if (pc.specialties.empty()) specialties.fail("no specialty given", "add at least one specialty group");

  pc.sites.resize(s.sites.size());
  const At sites = at.require("sites", "add `sites:` with `Site: {sessions: [...]}` for each site with theatres");
  sites.expect_map("site name → elective settings (sessions, session_minutes, ring_fenced_beds)");
  const std::vector<std::string> names = names_of(s.sites);
  for (const auto& [entry, value] : sites.entries()) pc.sites[site_index(*entry, value.path(), names)] = read_site(value);
  if (std::none_of(pc.sites.begin(), pc.sites.end(), has_theatres))
    sites.fail("no site has theatre sessions", "give `sessions: [Mon, Tue, Wed, Thu, Fri, Sat, Sun]` with at least one session at one site");

  pc.site_choice = at.get("site_choice") ? read_site_choice(*at.get("site_choice"), s.population, s.sites, pc.sites)
                                         : default_site_choice(sites, s, pc.sites);
  if (auto targets = at.get("target_days")) {
    targets->expect_map("days from listing to treatment by priority (P1, P2, P3, P4)");
    for (const auto& [entry, value] : targets->entries())
      pc.target_days[priority_index(*entry, value.path())] = read_number_in(value, 0.0, 3650.0, "a target beyond ten years is not plausible");
  }
  if (auto hour = at.get("admit_hour")) pc.admit_hour = read_number_in(*hour, 0.0, 23.99, "the hour of the day, 0 to 23.99");
  if (auto rebook = at.get("rebook_within_days")) pc.rebook_within_days = read_number_in(*rebook, 1.0, 365.0);
  if (auto after = at.get("rebook_after_days"))
    pc.rebook_after_days = static_cast<double>(read_integer(*after, 1, 365, "a new date within a year of the cancellation"));
  if (auto defer = at.get("defer_routine")) pc.defer = read_deferral(*defer);
  return pc;
}

}  // namespace pfsim::loader::detail
