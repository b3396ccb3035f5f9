// census: who is in beds and on caseloads when the run starts (README "Starting from today"). Three forms, one
// reader: `census: file.csv` (relative to the file that names it; read by the read step, includes.hpp), `census: {csv: "..."}` (the same text inline;
// resolved scenarios embed it this way), or per-service lists of people (`acute`, `reablement`,
// `intermediate_care`, `care_homes`) plus a `care_home_residents` count. CSV rows become maps with the origin of
// every field, so both forms share the checks and every error names file:line:column.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"
#include "includes.hpp"
#include "parse_csv.hpp"
#include "pfsim/engine/time.hpp"
#include "pfsim/loader/census_csv.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

using scenario::CensusKind;
using scenario::CensusPerson;
using scenario::CensusStatus;

constexpr const char* kKindsHint = "kind is acute, reablement, intermediate_care, care_home or at_home";

std::size_t read_name(const At& at, const std::vector<std::string>& names, std::string_view what) {
  const std::string text = read_string(at);
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) at.fail(fmt::format("unknown {} \"{}\"", what, shorten(text)), suggestion_hint(text, names, std::string(what) + "s"));
  return static_cast<std::size_t>(it - names.begin());
}

double read_days(const At& at) { return read_nonnegative(at, static_cast<double>(kMaxDays), "stays longer than 100 years are not plausible") * engine::kMinutesPerDay; }

struct Names {
  std::vector<std::string> sites, localities, bands;
};

// The site a locality mostly uses (as direct admissions do): where readmissions of people not in a bed go.
std::size_t main_site(const scenario::Scenario& s, std::size_t locality) {
  const auto& shares = s.ae.site_choice[locality];
  std::size_t site = 0;
  for (std::size_t k = 1; k < shares.size(); ++k)
    if (shares[k] > shares[site]) site = k;
  return site;
}

CensusPerson read_person(const At& row, CensusKind kind, const scenario::Scenario& s, const Names& names) {
  row.expect_map("a person (kind, site, locality, age_band, days_elapsed, ...)");
  CensusPerson person;
  person.kind = kind;
  const auto forbid = [&](std::string_view key, std::string_view why) {
    if (auto v = row.get(key)) v->fail(fmt::format("{} does not apply to {}", key, why), fmt::format("leave {} empty", key));
  };
  person.locality = read_name(row.require("locality", "give the person's locality (population.localities)"), names.localities, "locality");
  person.band = read_name(row.require("age_band", "give the person's age band (population.age_bands)"), names.bands, "age band");
  if (auto site = row.get("site")) person.site = read_name(*site, names.sites, "site");
  else if (kind == CensusKind::Acute) row.fail("missing required key \"site\"", "an acute patient needs the site of their bed");
  else person.site = main_site(s, person.locality);
  const auto status_text = row.get("status");
  const auto read_status = [&](std::initializer_list<CensusStatus> allowed, CensusStatus fallback) {
    if (!status_text) {
      if (kind == CensusKind::Reablement || kind == CensusKind::IntermediateCare) return fallback;
      const std::string_view name = scenario::census_kind_name(kind);  // "an acute row", "a care_home row"
      row.fail("missing required key \"status\"", fmt::format("{} {} row needs a status", name.front() == 'a' ? "an" : "a", name));
    }
    const std::string text = read_string(*status_text);
    std::vector<std::string> options;
    for (CensusStatus st : allowed) {
      if (text == scenario::census_status_name(st)) return st;
      options.emplace_back(scenario::census_status_name(st));
    }
    status_text->fail(fmt::format("unknown status \"{}\" for {}", shorten(text), scenario::census_kind_name(kind)),
                      suggestion_hint(text, options, "statuses"));
  };
  switch (kind) {
    case CensusKind::Acute: {
      person.status = read_status({CensusStatus::InBed, CensusStatus::DelayedAssessment, CensusStatus::DelayedPathway}, CensusStatus::InBed);
      person.elapsed = read_days(row.require("days_elapsed", "give the days since admission"));
      if (auto pathway = row.get("pathway")) {
        const std::vector<std::string> pathways = {"P0", "P1", "P2", "P3"};
        person.pathway = static_cast<scenario::Pathway>(read_name(*pathway, pathways, "pathway"));
      }
      if (person.status == CensusStatus::InBed) {
        forbid("days_delayed", "a patient who is not yet medically fit");
      } else {
        if (!person.pathway) row.fail("missing required key \"pathway\"", "a delayed patient waits for a pathway: P0, P1, P2 or P3");
        const At delayed = row.require("days_delayed", "give the days since the patient became medically fit");
        person.delayed = read_days(delayed);
        if (person.delayed > person.elapsed)
          delayed.fail(fmt::format("days_delayed {} is more than days_elapsed {}", show(person.delayed / engine::kMinutesPerDay), show(person.elapsed / engine::kMinutesPerDay)),
                       "a patient becomes medically fit after admission");
      }
      break;
    }
    case CensusKind::Reablement:
      person.status = read_status({CensusStatus::InService}, CensusStatus::InService);
      person.elapsed = read_days(row.require("days_elapsed", "give the days since the package began"));
      forbid("days_delayed", "reablement");
      forbid("pathway", "reablement");
      break;
    case CensusKind::IntermediateCare: {
      // `waiting`: the stay is over and the person waits in its bed for a care-home place (a non-acute delay).
      person.status = read_status({CensusStatus::InService, CensusStatus::Waiting}, CensusStatus::InService);
      person.elapsed = read_days(row.require("days_elapsed", "give the days since the stay began"));
      forbid("pathway", "intermediate care");
      if (person.status == CensusStatus::InService) {
        forbid("days_delayed", "someone in an intermediate-care stay (status in_service)");
        break;
      }
      const At delayed = row.require("days_delayed", "give the days since the person became ready to move to a care home");
      person.delayed = read_days(delayed);
      if (person.delayed > person.elapsed)
        delayed.fail(fmt::format("days_delayed {} is more than days_elapsed {}", show(person.delayed / engine::kMinutesPerDay),
                                 show(person.elapsed / engine::kMinutesPerDay)),
                     "the wait for a care home starts after the intermediate-care stay began");
      break;
    }
    case CensusKind::CareHome:
      person.status = read_status({CensusStatus::Resident, CensusStatus::Waiting}, CensusStatus::Resident);
      if (auto elapsed = row.get("days_elapsed")) {
        if (person.status == CensusStatus::Waiting) forbid("days_elapsed", "someone waiting for a care-home place");
        person.elapsed = read_days(*elapsed);
      }
      forbid("days_delayed", "care-home residents");
      forbid("pathway", "care-home residents");
      break;
    case CensusKind::AtHome:
      person.status = read_status({CensusStatus::Readmission30d, CensusStatus::Readmission91d, CensusStatus::CareHome91d},
                                  CensusStatus::Readmission30d);
      person.elapsed = read_days(row.require("days_elapsed", "give the days since the discharge from the acute bed"));
      forbid("days_delayed", "people at home");
      forbid("pathway", "people at home");
      break;
  }
  return person;
}

CensusKind read_kind(const At& row) {
  const At at = row.require("kind", kKindsHint);
  const std::string text = read_string(at);
  for (CensusKind k : {CensusKind::Acute, CensusKind::Reablement, CensusKind::IntermediateCare, CensusKind::CareHome, CensusKind::AtHome})
    if (text == scenario::census_kind_name(k)) return k;
  at.fail(fmt::format("unknown kind \"{}\"", shorten(text)),
          suggestion_hint(text, {"acute", "reablement", "intermediate_care", "care_home", "at_home"}, "kinds"));
}

// A census cannot hold more people than there are places: the error points at the first person too many.
class CapacityCheck {
 public:
  explicit CapacityCheck(const scenario::Scenario& s) : s_(s), acute_(s.sites.size(), 0) {}
  void add(const At& row, const CensusPerson& p) {
    const auto over = [&](int count, int capacity, const std::string& where, const std::string& fix) {
      if (count > capacity)
        row.fail(fmt::format("census has more than {} people in {} (capacity {})", capacity, where, capacity),
                 fmt::format("a census cannot hold more people than there are places; check the census or raise {}", fix));
    };
    const auto need = [&](bool present, const char* section) {
      // Someone at home is in the census for a care-home admission still to come (care_home_91d): say that.
      const std::string who = p.kind == CensusKind::AtHome ? "someone at home with status care_home_91d"
                                                           : fmt::format("someone in {}", scenario::census_kind_name(p.kind));
      if (!present)
        row.fail(fmt::format("census lists {} but the scenario has no `{}:` section", who, section),
                 fmt::format("add the `{}:` section or remove the row", section));
    };
    switch (p.kind) {
      case CensusKind::Acute:
        over(++acute_[p.site], s_.sites[p.site].general_beds, "acute beds at " + s_.sites[p.site].name,
             fmt::format("sites.{}.beds.general", s_.sites[p.site].name));
        break;
      case CensusKind::Reablement:
        need(s_.reablement.has_value(), "reablement");
        over(++reablement_, s_.reablement->capacity, "reablement", "reablement.capacity");
        break;
      case CensusKind::IntermediateCare:
        need(s_.intermediate_care.has_value(), "intermediate_care");
        if (p.status == CensusStatus::Waiting) need(s_.care_homes.has_value(), "care_homes");
        over(++intermediate_, s_.intermediate_care->capacity, "intermediate care", "intermediate_care.capacity");
        break;
      case CensusKind::CareHome:
        need(s_.care_homes.has_value(), "care_homes");
        if (p.status == CensusStatus::Resident) over(++care_home_, s_.care_homes->beds, "care homes", "care_homes.beds");
        break;
      case CensusKind::AtHome:
        if (p.status == CensusStatus::CareHome91d) need(s_.care_homes.has_value(), "care_homes");
        break;
    }
  }

 private:
  const scenario::Scenario& s_;
  std::vector<int> acute_;
  int reablement_ = 0, intermediate_ = 0, care_home_ = 0;
};

Names names_of(const scenario::Scenario& s) {
  Names n;
  for (const auto& site : s.sites) n.sites.push_back(site.name);
  for (const auto& locality : s.population.localities) n.localities.push_back(locality.name);
  n.bands = s.population.age_bands;
  return n;
}

// Holders keep their order; the waiting (queued in the order given) go after every holder.
void put_waiting_last(scenario::Census& census) {
  std::stable_partition(census.people.begin(), census.people.end(), [](const CensusPerson& p) {
    return p.status != CensusStatus::DelayedPathway && p.status != CensusStatus::Waiting;
  });
}

scenario::Census read_csv_rows(const SourceNode& rows, const scenario::Scenario& s, const std::string& source) {
  const Names names = names_of(s);
  CapacityCheck capacity(s);
  scenario::Census census;
  census.source = source;
  for (const SourceNode& row : rows.items) {
    const At at(row, "census", "census");
    at.check_keys({"kind", "site", "locality", "age_band", "days_elapsed", "days_delayed", "status", "pathway"});
    const CensusPerson person = read_person(at, read_kind(at), s, names);
    capacity.add(at, person);
    census.people.push_back(person);
  }
  put_waiting_last(census);
  return census;
}

}  // namespace

scenario::Census build_census(const At& at, const scenario::Scenario& s) {
  const SourceNode& node = at.node();
  if (node.kind == SourceNode::Kind::Scalar) {
    const std::string relative = read_string(at);
    const IncludedFile& included = included_file(at);
    const std::string path = included.path.string();
    if (included.problem)
      at.fail(fmt::format("cannot read census file \"{}\" ({}): {}", relative, path, *included.problem),
              "the path is relative to the directory of the scenario file that names it");
    return read_csv_rows(included.content, s, path);
  }
  at.expect_map("a census: a CSV file name, {csv: \"...\"}, or lists acute, reablement, intermediate_care, care_homes");
  at.check_keys({"csv", "acute", "reablement", "intermediate_care", "care_homes", "at_home", "care_home_residents"});
  if (auto csv = at.get("csv")) {
    if (node.entries.size() > 1) csv->fail("`csv:` cannot be combined with other census keys", "give the whole census as CSV, or as lists");
    const SourceNode& text = csv->node();
    if (text.kind != SourceNode::Kind::Scalar) csv->fail(fmt::format("expected CSV text, got {}", describe(text)), "write `csv: |` and the rows below it");
    // A literal block's text starts on the line after `csv: |`.
    return read_csv_rows(csv_rows(text.text, at.origin().file_name(), text.origin.line + (text.text.empty() ? 0 : 1), false), s, "census section");
  }
  const Names names = names_of(s);
  CapacityCheck capacity(s);
  scenario::Census census;
  census.source = "census section";
  const std::pair<const char*, CensusKind> sections[] = {
      {"acute", CensusKind::Acute}, {"reablement", CensusKind::Reablement},
      {"intermediate_care", CensusKind::IntermediateCare}, {"care_homes", CensusKind::CareHome}, {"at_home", CensusKind::AtHome}};
  for (const auto& [key, kind] : sections) {
    const auto list = at.get(key);
    if (!list) continue;
    for (const At& row : list->items()) {
      row.expect_map("a person ({locality, age_band, days_elapsed, ...})");
      if (kind == CensusKind::Acute) row.check_keys({"site", "locality", "age_band", "days_elapsed", "days_delayed", "status", "pathway"});
      else if (kind == CensusKind::IntermediateCare) row.check_keys({"site", "locality", "age_band", "days_elapsed", "days_delayed", "status"});
      else row.check_keys({"site", "locality", "age_band", "days_elapsed", "status"});
      const CensusPerson person = read_person(row, kind, s, names);
      capacity.add(row, person);
      census.people.push_back(person);
    }
  }
  if (auto count = at.get("care_home_residents")) {
    // Residents known only by number: the oldest band of the first locality, stays as forward-recurrence times.
    const int residents = read_capacity(*count);
    CensusPerson person;
    person.kind = CensusKind::CareHome;
    person.status = CensusStatus::Resident;
    person.band = s.bands() - 1;
    person.site = main_site(s, 0);
    for (int i = 0; i < residents; ++i) {
      capacity.add(*count, person);
      census.people.push_back(person);
    }
  }
  put_waiting_last(census);
  return census;
}

}  // namespace pfsim::loader::detail

namespace pfsim::loader {

namespace {
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string days(double minutes) { return fmt::format("{:.4f}", minutes / engine::kMinutesPerDay); }
}  // namespace

std::string census_csv(const scenario::Census& census, const scenario::Scenario& s) {
  std::string out = "kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway\n";
  for (const scenario::CensusPerson& p : census.people) {
    const bool acute = p.kind == scenario::CensusKind::Acute;
    const bool waiting_in_ic = p.kind == scenario::CensusKind::IntermediateCare && p.status == scenario::CensusStatus::Waiting;
    const bool delayed = (acute && p.status != scenario::CensusStatus::InBed) || waiting_in_ic;
    const bool has_elapsed = !std::isnan(p.elapsed) && (p.status != scenario::CensusStatus::Waiting || waiting_in_ic);
    out += fmt::format("{},{},{},{},{},{},{},{}\n", scenario::census_kind_name(p.kind), csv_field(s.sites[p.site].name),
                       csv_field(s.population.localities[p.locality].name), csv_field(s.population.age_bands[p.band]),
                       has_elapsed ? days(p.elapsed) : "", delayed ? days(p.delayed) : "", scenario::census_status_name(p.status),
                       acute && p.pathway ? fmt::format("P{}", static_cast<int>(*p.pathway)) : "");
  }
  return out;
}

}  // namespace pfsim::loader
