#include "router.hpp"

#include <limits>

#include "pfsim/engine/stats.hpp"
#include "pfsim/models/replication_result.hpp"

namespace pfsim::models {

namespace {
constexpr int kHours = 24;
}

Router::Router(Context& ctx, const RoutingSettings& settings)
    : ctx_(ctx), settings_(settings), sites_(ctx.scenario.sites.size()), localities_(ctx.scenario.localities()),
      streams_(settings.streams.size()), routed_(localities_, 0.0), transferred_(localities_, 0.0), extra_sum_(localities_, 0.0),
      extra_minutes_(localities_) {
  const std::size_t bands = ctx.scenario.bands();
  cumulative_admitted_.assign(bands * streams_, 0.0);
  cumulative_not_admitted_.assign(bands * streams_, 0.0);
  for (std::size_t b = 0; b < bands; ++b) {
    double admitted = 0, not_admitted = 0;
    for (std::size_t k = 0; k < streams_; ++k) {
      admitted += settings.streams[k].share_of_admitted[b];
      not_admitted += settings.streams[k].share_of_not_admitted[b];
      cumulative_admitted_[b * streams_ + k] = admitted;
      cumulative_not_admitted_[b * streams_ + k] = not_admitted;
    }
  }
  // Precomputed so routing a patient is two table look-ups (O(1)), whatever the number of sites and localities.
  provides_.assign(static_cast<std::size_t>(kHours) * streams_ * sites_, 0);
  nearest_.assign(static_cast<std::size_t>(kHours) * localities_ * streams_, 0);
  for (int h = 0; h < kHours; ++h) {
    const auto hour = static_cast<std::size_t>(h);
    for (std::size_t k = 0; k < streams_; ++k)
      for (const StreamProvider& provider : settings.streams[k].providers)
        if (provider.open_at(h)) provides_[(hour * streams_ + k) * sites_ + provider.site] = 1;
    for (std::size_t l = 0; l < localities_; ++l)
      for (std::size_t k = 0; k < streams_; ++k) {
        // Nearest providing site by road minutes; ties go to the first site in `sites` (the loader guarantees one).
        std::size_t best = 0;
        double best_minutes = std::numeric_limits<double>::infinity();
        for (std::size_t s = 0; s < sites_; ++s)
          if (provides_[(hour * streams_ + k) * sites_ + s] && settings.travel_minutes[l][s] < best_minutes) {
            best = s;
            best_minutes = settings.travel_minutes[l][s];
          }
        nearest_[(hour * localities_ + l) * streams_ + k] = static_cast<std::uint16_t>(best);
      }
  }
}

std::size_t Router::stream_of(double u, std::size_t band, bool admitted) const {
  const double* cumulative = (admitted ? cumulative_admitted_.data() : cumulative_not_admitted_.data()) + band * streams_;
  for (std::size_t k = 0; k < streams_; ++k)
    if (u < cumulative[k]) return k;
  return streams_;
}

std::size_t Router::treating_site(std::size_t stream, std::size_t locality, std::size_t first, int hour) const {
  const auto h = static_cast<std::size_t>(hour);
  if (provides_[(h * streams_ + stream) * sites_ + first]) return first;
  return nearest_[(h * localities_ + locality) * streams_ + stream];
}

void Router::tally(std::size_t locality, std::size_t first, std::size_t treating, bool transferred) {
  if (!ctx_.measured(ctx_.sim.now())) return;
  const double extra = settings_.travel_minutes[locality][treating] - settings_.travel_minutes[locality][first];
  routed_[locality] += 1;
  transferred_[locality] += transferred;
  extra_sum_[locality] += extra;
  extra_minutes_[locality].push_back(extra);
}

Router::Route Router::attendance(const Patient& p, std::size_t first_choice, const engine::StreamFamily& route_origin, std::uint64_t index) {
  // The person's own routing stream, separate from their attribute stream, so the draws of every scenario without
  // routing (and every earlier attribute) are unchanged. Draw order is fixed: stream, conveyance, transfer time.
  engine::Stream rng = route_origin.entity(index);
  const double stream_u = rng.uniform(), direct_u = rng.uniform();
  const std::size_t stream = stream_of(stream_u, p.band, p.admit);
  if (stream == streams_) return {first_choice, 0.0};
  const std::size_t site = treating_site(stream, p.locality, first_choice, engine::Calendar::hour(ctx_.sim.now()));
  if (site == first_choice) return {first_choice, 0.0};
  const PatientStream& s = settings_.streams[stream];
  const bool transferred = direct_u >= s.direct_share;
  tally(p.locality, first_choice, site, transferred);
  return {site, transferred ? s.transfer.sample(rng) : 0.0};
}

std::size_t Router::direct_admission(const Patient& p, std::size_t main_site, const engine::StreamFamily& route_origin, std::uint64_t index) {
  engine::Stream rng = route_origin.entity(index);
  const std::size_t stream = stream_of(rng.uniform(), p.band, true);
  if (stream == streams_) return main_site;
  const std::size_t site = treating_site(stream, p.locality, main_site, engine::Calendar::hour(ctx_.sim.now()));
  if (site != main_site) tally(p.locality, main_site, site, false);
  return site;
}

TravelOutcome Router::finish() const {
  TravelOutcome out;
  for (auto& table : out.tables) table.assign(localities_ + 1, 0.0);
  const auto fill = [&out](std::size_t column, double routed, double transferred, double sum, const std::vector<double>& extra) {
    out.tables[TravelOutcome::Routed][column] = routed;
    out.tables[TravelOutcome::Transferred][column] = transferred;
    out.tables[TravelOutcome::ExtraMinutesMean][column] = routed > 0 ? sum / routed : 0.0;
    out.tables[TravelOutcome::ExtraMinutesP95][column] = extra.empty() ? 0.0 : engine::percentile(extra, 95);
  };
  double routed = 0, transferred = 0, sum = 0;
  std::vector<double> all;
  for (std::size_t l = 0; l < localities_; ++l) {
    fill(l, routed_[l], transferred_[l], extra_sum_[l], extra_minutes_[l]);
    routed += routed_[l];
    transferred += transferred_[l];
    sum += extra_sum_[l];
    all.insert(all.end(), extra_minutes_[l].begin(), extra_minutes_[l].end());
  }
  fill(localities_, routed, transferred, sum, all);  // the last column: all localities together
  return out;
}

}  // namespace pfsim::models
