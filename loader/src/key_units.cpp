#include "pfsim/loader/key_units.hpp"

#include <array>
#include <utility>
#include <vector>

namespace pfsim::loader {
namespace {

// Whole key names, then suffixes, checked in order: the first that matches gives the units.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kKeys = {{
    {"general", "beds"}, {"escalation", "beds"}, {"beds", "beds"}, {"ring_fenced_beds", "beds"},
    {"escalation_beds_from_ward", "beds"}, {"beds_closed", "beds"}, {"initial_residents", "residents"},
    {"capacity", "places"}, {"cubicles", "cubicles"}, {"clinicians", "clinicians"}, {"vehicles", "vehicles"},
    {"days", "days"}, {"warmup_days", "days (or auto)"}, {"replications", "replications"}, {"seed", "number"},
    {"start_date", "date YYYY-MM-DD"}, {"start", "date YYYY-MM-DD"}, {"for_hours", "hours"},
    {"people", "people"}, {"growth", "a year, 0.01 = 1 %"}, {"admit", "share 0–1"}, {"sdec", "share 0–1"},
    {"died_in_hospital", "share 0–1"}, {"within_30d", "share 0–1"}, {"share", "share 0–1"},
    {"unmet_to_ae", "share 0–1"}, {"daily_cv", "coefficient of variation"}, {"multiplier", "× (1 = unchanged)"},
    {"hour", "relative to the mean"}, {"weekday", "relative to the mean"}, {"month", "relative to the mean"},
    {"slots_per_week", "appointments a week"}, {"inpatients_per_day", "a day"}, {"ramp_up", "duration (with units)"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kSuffixes = {{
    {"_gbp", "£"}, {"_pct", "%"}, {"_per_1000_per_year", "per 1,000 people a year"},
    {"_per_1000_65plus", "per 1,000 people 65+ a year"}, {"_per_person_per_year", "per person a year"},
    {"_per_year", "a year"}, {"_minutes", "minutes"}, {"_days", "days"}, {"_share", "share 0–1"},
    {"_factor", "× (1 = unchanged)"}, {"_beds", "beds"}, {"_avoided", "£ each"},
}};

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

std::string_view units_of_step(std::string_view step) {
  for (const auto& [key, units] : kKeys)
    if (step == key) return units;
  for (const auto& [suffix, units] : kSuffixes)
    if (ends_with(step, suffix)) return units;
  return {};
}

// The key names of a path, last first, without list indices; a quoted step (["85+"]) is a name, not a key.
std::vector<std::string_view> steps_last_first(std::string_view path) {
  std::vector<std::string_view> steps;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '.') continue;
    std::string_view step = path.substr(begin, i - begin);
    if (const auto bracket = step.find('['); bracket != std::string_view::npos) step = step.substr(0, bracket);
    if (!step.empty()) steps.push_back(step);
    begin = i + 1;
  }
  return {steps.rbegin(), steps.rend()};
}

// name(key=value, ...): a distribution, whose durations carry their own units (DESIGN §4).
bool is_distribution(std::string_view value) {
  const auto open = value.find('(');
  return open != std::string_view::npos && open > 0 && value.back() == ')' && value.find('=') != std::string_view::npos;
}

// A value sits at most this many steps below the key that names its units: sites.X.beds.general, ae.outcomes.admit[2],
// discharge.pathway_share.P1, admission.los.85+ (a label such as an age band, site or pathway comes between).
constexpr std::size_t kStepsUp = 3;

}  // namespace

std::string units_of_key(std::string_view key_path, std::string_view value) {
  if (is_distribution(value)) return "distribution; durations in the text (min, h, d)";
  const std::vector<std::string_view> steps = steps_last_first(key_path);
  for (std::size_t i = 0; i < steps.size() && i < kStepsUp; ++i)
    if (const std::string_view units = units_of_step(steps[i]); !units.empty()) return std::string(units);
  return {};
}

}  // namespace pfsim::loader
