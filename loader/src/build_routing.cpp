// routing: road minutes from each locality to each site, and patient streams (services such as stroke, majors,
// emergency surgery) with the sites that provide them (README "Reconfiguration options"). Off when absent.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr double kMaxTravelMinutes = 24 * 60;  // a day's journey is not a road trip to a hospital: a unit mix-up

std::vector<std::string> site_names(const std::vector<scenario::Site>& sites) {
  std::vector<std::string> names;
  for (const auto& site : sites) names.push_back(site.name);
  return names;
}

std::vector<std::vector<double>> read_travel_minutes(const At& at, const scenario::Population& population,
                                                     const std::vector<scenario::Site>& sites) {
  const std::vector<std::string> names = site_names(sites);
  std::vector<std::vector<double>> minutes(population.localities.size(), std::vector<double>(sites.size(), 0.0));
  read_by_locality(at, population, [&](std::size_t locality, const At& row) {
    row.expect_map("road minutes to each site (site name: minutes)");
    std::vector<bool> present(sites.size(), false);
    for (const auto& [entry, value] : row.entries()) {
      const auto it = std::find(names.begin(), names.end(), entry->key);
      if (it == names.end())
        fail_at_key(*entry, value.path(), fmt::format("unknown site \"{}\"", shorten(entry->key)), suggestion_hint(entry->key, names, "sites"));
      const auto site = static_cast<std::size_t>(it - names.begin());
      present[site] = true;
      minutes[locality][site] = read_number(value);
      if (minutes[locality][site] < 0)
        value.fail(fmt::format("travel time must be 0 or more minutes, got {}", show(minutes[locality][site])),
                   "give the road travel time from the locality to the site in minutes, e.g. 25");
      if (minutes[locality][site] > kMaxTravelMinutes)
        value.fail(fmt::format("travel time of {} minutes is more than a day", show(minutes[locality][site])),
                   "give minutes, not seconds (e.g. 25 for 25 minutes)");
    }
    for (std::size_t s = 0; s < sites.size(); ++s)
      if (!present[s])
        row.fail(fmt::format("missing site \"{}\"", names[s]),
                 fmt::format("every site needs a travel time from every locality, e.g. `{}: 30`", names[s]));
  }, "{" + (sites.empty() ? std::string("Site") : sites.front().name) + ": 15}");
  return minutes;
}

scenario::StreamProvider read_provider(const At& at, const std::vector<scenario::Site>& sites) {
  const std::vector<std::string> names = site_names(sites);
  scenario::StreamProvider provider;
  const At* site_at = &at;
  std::optional<At> site_key;
  if (at.node().kind == SourceNode::Kind::Map) {
    at.check_keys({"site", "hours"});
    site_key = at.require("site", "write `{site: Basildon, hours: [8, 20]}`");
    site_at = &*site_key;
    if (auto hours = at.get("hours")) {
      const auto items = hours->items(2, "hour", "hours (from, to)");
      provider.from_hour = static_cast<int>(read_integer(items[0], 0, 23));
      provider.to_hour = static_cast<int>(read_integer(items[1], 1, 24));
      if (provider.from_hour >= provider.to_hour)
        hours->fail(fmt::format("hours [{}, {}] are empty", provider.from_hour, provider.to_hour),
                    "give [from, to) with from < to in whole hours of the day, e.g. [8, 20] for 08:00-20:00");
    }
  }
  const std::string name = read_string(*site_at);
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) site_at->fail(fmt::format("unknown site \"{}\"", shorten(name)), suggestion_hint(name, names, "sites"));
  provider.site = static_cast<std::size_t>(it - names.begin());
  // A&E attenders are routed to the providing site's emergency department, so it must have one.
  if (!sites[provider.site].ae)
    site_at->fail(fmt::format("site \"{}\" has no A&E (no `ae:` block)", name), "a stream can only be provided by a site with an A&E");
  return provider;
}

std::string hour_text(int hour) { return fmt::format("{:02}:00", hour); }

scenario::PatientStream read_stream(const At& at, const std::string& name, const std::vector<std::string>& all_names,
                                  const scenario::Population& population, const std::vector<scenario::Site>& sites) {
  at.expect_map("stream settings (share_of_admitted, share_of_not_admitted, sites, direct_share, transfer)");
  at.check_keys({"share_of_admitted", "share_of_not_admitted", "sites", "direct_share", "transfer"});
  scenario::PatientStream stream;
  stream.name = name;
  // An option changes a stream of its base by name; a misspelt name would start a new, incomplete stream.
  std::vector<std::string> others;
  for (const auto& other : all_names)
    if (other != name) others.push_back(other);
  const auto near = closest_match(name, others);
  const std::string typo_hint = near ? fmt::format(" (or did you mean stream \"{}\"?)", *near) : std::string();
  stream.share_of_admitted = read_per_band(
      at.require("share_of_admitted", "add `share_of_admitted: [one share per age band]`" + typo_hint), population, read_probability);
  if (auto shares = at.get("share_of_not_admitted")) stream.share_of_not_admitted = read_per_band(*shares, population, read_probability);
  else stream.share_of_not_admitted.assign(population.age_bands.size(), 0.0);
  const At providers = at.require("sites", "add `sites: [Site, ...]`: the sites that provide the stream" + typo_hint);
  const auto items = providers.items();
  if (items.empty())
    providers.fail(fmt::format("stream \"{}\" has no providing site", shorten(name)), "list at least one site, e.g. `sites: [Basildon]`");
  for (const At& item : items) {
    scenario::StreamProvider provider = read_provider(item, sites);
    for (const auto& seen : stream.providers)
      if (seen.site == provider.site)
        item.fail(fmt::format("site \"{}\" is listed twice", sites[provider.site].name), "list each providing site once");
    stream.providers.push_back(provider);
  }
  // Every hour of the day needs a provider, or a patient arriving then would have nowhere to go.
  for (int h = 0; h < 24; ++h) {
    const bool open = std::any_of(stream.providers.begin(), stream.providers.end(), [h](const auto& p) { return p.open_at(h); });
    if (open) continue;
    int until = h;
    while (until < 24 && std::none_of(stream.providers.begin(), stream.providers.end(), [until](const auto& p) { return p.open_at(until); }))
      ++until;
    providers.fail(fmt::format("stream \"{}\" has no providing site from {} to {}", shorten(name), hour_text(h), hour_text(until)),
                   "give one providing site without `hours`, or hours that together cover the whole day");
  }
  if (auto direct = at.get("direct_share")) stream.direct_share = read_probability(*direct);
  stream.transfer = read_distribution(
      at.require("transfer", R"~(add e.g. `transfer: "gamma(mean=2h, sd=1h)"` (assessment at the first site plus the journey))~"));
  return stream;
}

// Each person belongs to at most one stream, so the shares of all streams in one age band may not exceed 1.
void check_share_sums(const At& streams, const std::vector<scenario::PatientStream>& all, const scenario::Population& population) {
  for (std::size_t b = 0; b < population.age_bands.size(); ++b) {
    double admitted = 0, not_admitted = 0;
    for (const auto& s : all) {
      admitted += s.share_of_admitted[b];
      not_admitted += s.share_of_not_admitted[b];
    }
    for (const auto& [sum, what] : std::array<std::pair<double, std::string_view>, 2>{{{admitted, "share_of_admitted"}, {not_admitted, "share_of_not_admitted"}}})
      if (sum > 1.0 + 1e-9)
        streams.fail(fmt::format("{} of all streams add up to {} for age band \"{}\"", what, show(sum), population.age_bands[b]),
                     "a person belongs to at most one stream: make the shares in each age band sum to 1 or less");
  }
}

}  // namespace

scenario::RoutingSettings build_routing(const At& at, const scenario::Population& population, const std::vector<scenario::Site>& sites) {
  at.expect_map("routing settings (travel_minutes, streams)");
  at.check_keys({"travel_minutes", "streams"});
  scenario::RoutingSettings routing;
  routing.travel_minutes = read_travel_minutes(
      at.require("travel_minutes", "add `travel_minutes:` with a row `Locality: {Site: minutes, ...}` per locality"), population, sites);
  const At streams = at.require("streams", "add `streams:` with at least one stream, e.g. `stroke: {share_of_admitted: [...], sites: [...], transfer: ...}`");
  streams.expect_map("streams (stream name: settings)");
  const auto entries = streams.entries();
  if (entries.empty()) streams.fail("no streams", "add at least one stream, or remove the `routing:` section");
  std::vector<std::string> names;
  for (const auto& [entry, value] : entries) names.push_back(entry->key);
  for (const auto& [entry, value] : entries) routing.streams.push_back(read_stream(value, entry->key, names, population, sites));
  check_share_sums(streams, routing.streams, population);
  return routing;
}

}  // namespace pfsim::loader::detail
