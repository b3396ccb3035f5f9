// census: who is in beds and on caseloads when the run starts (README "Starting from today"). Three forms, one
// reader: `census: file.csv` (relative to the file that names it), `census: {csv: "..."}` (the same text inline;
// resolved scenarios embed it this way), or per-service lists of people (`acute`, `reablement`,
// `intermediate_care`, `care_homes`) plus a `care_home_residents` count. CSV rows become maps with the origin of
// every field, so both forms share the checks and every error names file:line:column.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "limits.hpp"
#include "parse_yaml.hpp"
#include "pfsim/loader/census_csv.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

using scenario::CensusKind;
using scenario::CensusPerson;
using scenario::CensusStatus;

constexpr double kMinutesPerDay = 1440.0;
const std::vector<std::string> kColumns = {"kind", "site", "locality", "age_band", "days_elapsed", "days_delayed", "status", "pathway"};
constexpr const char* kKindsHint = "kind is acute, reablement, intermediate_care, care_home or at_home";

// Splits one CSV line; fields may be "quoted" with "" for a quote. Returns each field with its 1-based column.
std::vector<std::pair<std::string, int>> split_csv(const std::string& line, const Origin& at) {
  std::vector<std::pair<std::string, int>> fields;
  std::string field;
  int start = 1;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const char c = i < line.size() ? line[i] : ',';
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (i == line.size()) {
        throw ScenarioError(at.file_name(), at.line, start, "census", "unterminated quoted field", "close the quote with \"");
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      // Trim spaces around unquoted fields so "acute, Southend" reads as expected.
      const auto first = field.find_first_not_of(" \t\r"), last = field.find_last_not_of(" \t\r");
      fields.emplace_back(first == std::string::npos ? "" : field.substr(first, last - first + 1), start);
      field.clear();
      start = static_cast<int>(i) + 2;
    } else {
      field += c;
    }
  }
  return fields;
}

// CSV text → list of row maps (empty fields left out), each value carrying its file:line:column.
// `columns` false: the text sits indented inside a YAML block, so its columns are not the file's (left out of messages).
SourceNode csv_rows(const std::string& text, const std::string& file, int first_line, bool columns = true) {
  auto name = std::make_shared<const std::string>(file);
  SourceNode rows;
  rows.kind = SourceNode::Kind::List;
  rows.origin = Origin{name, first_line, 1};
  std::vector<std::string> header;
  std::size_t pos = 0;
  for (int line_no = first_line; pos <= text.size(); ++line_no) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const Origin at{name, line_no, 1};
    if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto fields = split_csv(line, at);
    if (!columns)
      for (auto& field : fields) field.second = 0;
    if (header.empty()) {
      for (const auto& [column, col] : fields) {
        if (std::find(kColumns.begin(), kColumns.end(), column) == kColumns.end())
          throw ScenarioError(file, line_no, col, "census", fmt::format("unknown column \"{}\"", shorten(column)),
                              suggestion_hint(column, kColumns, "columns"));
        if (std::find(header.begin(), header.end(), column) != header.end())
          throw ScenarioError(file, line_no, col, "census", fmt::format("column \"{}\" appears twice", column), "keep one");
        header.push_back(column);
      }
      for (const char* required : {"kind", "locality", "age_band"})
        if (std::find(header.begin(), header.end(), required) == header.end())
          throw ScenarioError(file, line_no, 1, "census", fmt::format("the header has no \"{}\" column", required),
                              "the first line names the columns: kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway");
    } else {
      if (fields.size() != header.size())
        throw ScenarioError(file, line_no, 1, "census", fmt::format("row has {} fields but the header has {}", fields.size(), header.size()),
                            "give one value (possibly empty) per column");
      SourceNode row;
      row.kind = SourceNode::Kind::Map;
      row.origin = at;
      for (std::size_t k = 0; k < fields.size(); ++k) {
        if (fields[k].first.empty()) continue;
        SourceNode value;
        value.kind = SourceNode::Kind::Scalar;
        value.text = fields[k].first;
        value.origin = Origin{name, line_no, fields[k].second};
        row.entries.push_back({header[k], value.origin, std::move(value)});
      }
      rows.items.push_back(std::move(row));
    }
    if (end == text.size()) break;
  }
  if (header.empty()) throw ScenarioError(file, first_line, 1, "census", "the census has no header line", "start with kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway");
  return rows;
}

std::size_t read_name(const At& at, const std::vector<std::string>& names, std::string_view what) {
  const std::string text = read_string(at);
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) at.fail(fmt::format("unknown {} \"{}\"", what, shorten(text)), suggestion_hint(text, names, std::string(what) + "s"));
  return static_cast<std::size_t>(it - names.begin());
}

double read_days(const At& at) { return read_nonnegative(at, static_cast<double>(kMaxDays), "stays longer than 100 years are not plausible") * kMinutesPerDay; }

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
      row.fail("missing required key \"status\"", fmt::format("a {} row needs a status", scenario::census_kind_name(kind)));
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
          delayed.fail(fmt::format("days_delayed {} is more than days_elapsed {}", show(person.delayed / kMinutesPerDay), show(person.elapsed / kMinutesPerDay)),
                       "a patient becomes medically fit after admission");
      }
      break;
    }
    case CensusKind::Reablement:
    case CensusKind::IntermediateCare:
      person.status = read_status({CensusStatus::InService}, CensusStatus::InService);
      person.elapsed = read_days(row.require("days_elapsed", "give the days since the package or stay began"));
      forbid("days_delayed", "reablement or intermediate care");
      forbid("pathway", "reablement or intermediate care");
      break;
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
      if (!present)
        row.fail(fmt::format("census lists someone in {} but the scenario has no `{}:` section", scenario::census_kind_name(p.kind), section),
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
    const std::string& from = at.origin().file_name();
    const std::filesystem::path base = from == "--set" ? std::filesystem::path{} : std::filesystem::path(from).parent_path();
    const std::filesystem::path path = (base / relative).lexically_normal();
    std::string text;
    if (auto problem = read_text_file(path, text))
      at.fail(fmt::format("cannot read census file \"{}\" ({}): {}", relative, path.string(), *problem),
              "the path is relative to the directory of the scenario file that names it");
    return read_csv_rows(csv_rows(text, path.string(), 1), s, path.string());
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
std::string days(double minutes) { return fmt::format("{:.4f}", minutes / 1440.0); }
}  // namespace

std::string census_csv(const scenario::Census& census, const scenario::Scenario& s) {
  std::string out = "kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway\n";
  for (const scenario::CensusPerson& p : census.people) {
    const bool acute = p.kind == scenario::CensusKind::Acute;
    const bool delayed = acute && p.status != scenario::CensusStatus::InBed;
    const bool has_elapsed = !std::isnan(p.elapsed) && p.status != scenario::CensusStatus::Waiting;
    out += fmt::format("{},{},{},{},{},{},{},{}\n", scenario::census_kind_name(p.kind), csv_field(s.sites[p.site].name),
                       csv_field(s.population.localities[p.locality].name), csv_field(s.population.age_bands[p.band]),
                       has_elapsed ? days(p.elapsed) : "", delayed ? days(p.delayed) : "", scenario::census_status_name(p.status),
                       acute && p.pathway ? fmt::format("P{}", static_cast<int>(*p.pathway)) : "");
  }
  return out;
}

}  // namespace pfsim::loader
