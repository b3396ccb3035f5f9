// population: age bands and localities (DESIGN §3 "population"): the people × band matrix every rate multiplies.
#include <charconv>

#include <fmt/format.h>

#include "build.hpp"
#include "limits.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr std::string_view kBandHint = R"(write bands as "0-17", "18-64", "85+", or the single band "all")";

struct Band {
  int min_age = 0;
  int max_age = kMaxAge;  // inclusive; "85+" is open-ended
  bool open_ended = false;
};

std::optional<int> parse_age(std::string_view text) {
  int age = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), age);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty() || age < 0 || age > kMaxAge) return std::nullopt;
  return age;
}

Band parse_band(const At& at) {
  const std::string label = shorten(read_string(at));
  Band band;
  if (label.size() > 1 && label.back() == '+') {
    auto min = parse_age(std::string_view(label).substr(0, label.size() - 1));
    if (!min) at.fail(fmt::format("age band \"{}\" is not of the form \"85+\"", label), std::string(kBandHint));
    band.min_age = *min;
    band.open_ended = true;
    return band;
  }
  const auto dash = label.find('-');
  std::optional<int> min, max;
  if (dash != std::string::npos) {
    min = parse_age(std::string_view(label).substr(0, dash));
    max = parse_age(std::string_view(label).substr(dash + 1));
  }
  // "65-200": the form is right, the age is not; say so rather than "not of the form".
  if (dash != std::string::npos)
    for (const std::string_view part : {std::string_view(label).substr(0, dash), std::string_view(label).substr(dash + 1)}) {
      int age = 0;
      const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), age);
      if (ptr == part.data() + part.size() && !part.empty() && (ec == std::errc::result_out_of_range || age > kMaxAge))
        at.fail(fmt::format("age band \"{}\" goes beyond age {}", label, kMaxAge), fmt::format("end the last band open, e.g. \"{}+\"", label.substr(0, dash)));
    }
  if (!min || !max) at.fail(fmt::format("age band \"{}\" is not of the form \"0-17\", \"85+\" or \"all\"", label), std::string(kBandHint));
  if (*max < *min) at.fail(fmt::format("age band \"{}\" ends before it starts", label), "write the younger age first, e.g. \"18-64\"");
  band.min_age = *min;
  band.max_age = *max;
  return band;
}

void read_age_bands(const At& at, scenario::Population& population) {
  const auto items = at.items();
  if (items.empty()) at.fail("no age bands", std::string(kBandHint));
  if (items.size() > kMaxAgeBands) at.fail(fmt::format("{} age bands exceed the limit of {}", items.size(), kMaxAgeBands));
  // "all" = one band for everyone: it counts towards the 18+ and 65+ denominators alike.
  if (items.size() == 1 && items[0].node().kind == SourceNode::Kind::Scalar && items[0].node().text == "all") {
    population.age_bands = {"all"};
    population.band_min_age = {0};
    population.band_is_adult = {true};
    population.band_is_65plus = {true};
    return;
  }
  std::optional<Band> previous;
  for (const At& item : items) {
    if (item.node().kind == SourceNode::Kind::Scalar && item.node().text == "all")
      item.fail("\"all\" must be the only age band", "use either [\"all\"] or a list of contiguous bands");
    if (previous && previous->open_ended)
      item.fail(fmt::format("age band \"{}\" follows the open-ended band \"{}\"", shorten(item.node().text), population.age_bands.back()),
                "the \"85+\"-style band must be the last");
    const Band band = parse_band(item);
    // Bands must tile the ages with no gap or overlap, so each person falls in exactly one band.
    if (previous && band.min_age != previous->max_age + 1)
      item.fail(fmt::format("age band \"{}\" does not start where \"{}\" ends (expected it to start at {})",
                            shorten(item.node().text), population.age_bands.back(), previous->max_age + 1),
                "bands must be increasing and contiguous, e.g. [\"0-17\", \"18-64\", \"65+\"]");
    population.age_bands.push_back(item.node().text);
    population.band_min_age.push_back(band.min_age);
    population.band_is_adult.push_back(band.min_age >= 18);
    population.band_is_65plus.push_back(band.min_age >= 65);
    previous = band;
  }
}

double read_people(const At& at) { return read_nonnegative(at); }

// Growth is a fraction per year; "2" for 2 % is the usual slip, so values beyond ±50 %/yr are refused.
double read_growth(const At& at) {
  const double growth = read_number(at);
  if (growth < -0.5 || growth > 0.5)
    at.fail(fmt::format("annual growth {} is outside -0.5..0.5", show(growth)), "write growth as a fraction: 0.02 = +2 % a year");
  return growth;
}

}  // namespace

scenario::Population build_population(const At& at) {
  at.expect_map("population settings (age_bands, localities)");
  at.check_keys({"age_bands", "localities"});
  scenario::Population population;
  read_age_bands(at.require("age_bands", R"(add `age_bands: ["all"]` or a list such as ["0-17", "18-64", "65+"])"), population);

  const At list = at.require("localities", "add `localities:` with at least one `- {name: ..., people: [...]}`");
  const auto items = list.items();
  if (items.empty()) list.fail("no localities", "add at least one `- {name: ..., people: [...]}`");
  if (items.size() > kMaxLocalities) list.fail(fmt::format("{} localities exceed the limit of {}", items.size(), kMaxLocalities));
  std::vector<std::pair<std::string, int>> seen;
  double total_people = 0;
  for (const At& item : items) {
    item.expect_map("locality settings (name, area, people, growth)");
    item.check_keys({"name", "area", "people", "growth"});
    const At name = item.require("name");
    check_unique_name(name, seen, "locality");
    scenario::Locality locality;
    locality.name = read_string(name);
    if (auto area = item.get("area")) locality.area = read_string(*area);
    locality.people = read_per_band(item.require("people"), population, read_people);
    if (auto growth = item.get("growth")) locality.growth = read_per_band(*growth, population, read_growth);
    for (double people : locality.people) total_people += people;
    population.localities.push_back(std::move(locality));
  }
  // Nobody anywhere: no attendance or admission can happen, so every KPI would be empty (people left at 0 by mistake).
  if (total_people <= 0)
    list.fail("every locality has 0 people in every age band", "give each locality's head count per age band, e.g. people: [18000, 52000, 14000]");
  if (total_people > kMaxTotalPeople)
    list.fail(fmt::format("total population {:.0f} exceeds the limit of {:.0f}", total_people, kMaxTotalPeople),
              "model a sub-region, or scale people and capacities down together");
  return population;
}

}  // namespace pfsim::loader::detail
