// sites: hospitals with an optional A&E (clinician rota, treatment and triage times, cubicles) and acute beds.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "build.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {
namespace {

std::array<int, 24> read_hours(const At& at) {
  std::array<int, 24> hours{};
  const auto items = at.items(24, "hour in a day", "hours in a day");
  for (std::size_t h = 0; h < 24; ++h) hours[h] = read_capacity(items[h]);
  return hours;
}

}  // namespace

// A constant ("clinicians: 16") or an hourly rota for weekdays and weekends.
scenario::ClinicianRota read_rota(const At& at, std::string_view staff) {
  scenario::ClinicianRota rota;
  if (at.node().kind == SourceNode::Kind::Map) {
    at.check_keys({"weekday", "weekend"});
    rota.weekday = read_hours(at.require("weekday", "add `weekday: [24 numbers, one per hour from midnight]`"));
    rota.weekend = read_hours(at.require("weekend", "add `weekend: [24 numbers, one per hour from midnight]`"));
  } else if (at.node().kind == SourceNode::Kind::Scalar) {
    const int constant = read_capacity(at);
    rota.weekday.fill(constant);
    rota.weekend.fill(constant);
  } else {
    at.fail(fmt::format("expected a number of {} or {{weekday: [...], weekend: [...]}}, got {}", staff, describe(at.node())),
            fmt::format("write `{}: 16` or an hourly rota with 24 numbers each for weekday and weekend", at.key()));
  }
  // With nobody ever on duty the A&E queue only grows: almost certainly a typo, and it would exhaust memory.
  const auto total = std::accumulate(rota.weekday.begin(), rota.weekday.end(), 0L) +
                     std::accumulate(rota.weekend.begin(), rota.weekend.end(), 0L);
  if (total == 0)
    at.fail(fmt::format("no {} on duty at any hour", staff),
            staff == "clinicians" ? "give at least one clinician, or remove the site's `ae:` block" : "give at least one");
  return rota;
}

namespace {

scenario::SiteAe read_site_ae(const At& at) {
  at.expect_map("A&E settings (clinicians, treatment, triage, cubicles, minors)");
  at.check_keys({"clinicians", "treatment", "triage", "cubicles", "minors"});
  scenario::SiteAe ae;
  ae.clinicians = read_rota(at.require("clinicians", "add `clinicians: 16` or an hourly rota"), "clinicians");
  ae.treatment = read_distribution(at.require("treatment", R"~(add e.g. `treatment: "lognormal(mean=40min, sd=35min)"`)~"));
  if (auto triage = at.get("triage")) ae.triage = read_distribution(*triage);
  if (auto cubicles = at.get("cubicles")) {
    ae.cubicles = read_capacity(*cubicles);
    // No space means nobody is ever treated: the queue only grows (and would exhaust memory).
    if (*ae.cubicles == 0) cubicles->fail("0 cubicles: nobody could ever be treated", "give at least 1, or remove `cubicles:` for no limit");
  }
  if (auto minors = at.get("minors")) {
    minors->expect_map("minors stream settings (clinicians, treatment, type)");
    minors->check_keys({"clinicians", "treatment", "type"});
    scenario::MinorsStream stream;
    stream.clinicians = read_rota(minors->require("clinicians", "add `clinicians: 4` or an hourly rota for the minors stream"), "clinicians");
    stream.treatment = read_distribution(minors->require("treatment", R"~(add e.g. `treatment: "lognormal(mean=25min, sd=20min)"`)~"));
    if (auto type = minors->get("type")) {
      stream.department_type = static_cast<int>(read_integer(*type, 1, 3));
      if (stream.department_type == 2)
        type->fail("type 2 is a single-specialty department (eye, dental), not a minors stream",
                   "write `type: 1` (minors inside the emergency department) or `type: 3` (an urgent treatment centre)");
    }
    ae.minors = std::move(stream);
  }
  return ae;
}

}  // namespace

std::vector<scenario::Site> build_sites(const At& at) {
  const auto items = at.items();
  if (items.empty()) at.fail("no sites", "add at least one `- name: ...` with `beds:`");
  if (items.size() > kMaxSites) at.fail(fmt::format("{} sites exceed the limit of {}", items.size(), kMaxSites));
  std::vector<scenario::Site> sites;
  std::vector<std::pair<std::string, int>> seen;
  for (const At& item : items) {
    item.expect_map("site settings (name, ae, beds)");
    item.check_keys({"name", "ae", "beds"});
    const At name = item.require("name");
    check_unique_name(name, seen, "site");
    scenario::Site site;
    site.name = read_string(name);
    if (auto ae = item.get("ae")) site.ae = read_site_ae(*ae);
    const At beds = item.require("beds", "add `beds: {general: 500}`");
    beds.expect_map("bed counts (general, escalation)");
    beds.check_keys({"general", "escalation"});
    site.general_beds = read_capacity(beds.require("general", "add `general: N` (acute beds for emergency flow)"));
    if (auto escalation = beds.get("escalation")) site.escalation_beds = read_capacity(*escalation);
    sites.push_back(std::move(site));
  }
  return sites;
}

}  // namespace pfsim::loader::detail
