#pragma once
// Routable patient streams (services such as stroke, majors, emergency surgery) and the travel times that decide
// where a patient of a stream is treated when their usual site does not provide it (README "Reconfiguration
// options"). Plain data: the scenario loader fills RoutingSettings; a replication returns a TravelOutcome.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/engine/distribution.hpp"

namespace pfsim::scenario {

struct KpiInfo;

/// A site that provides a stream, during hours [from_hour, to_hour) of every day (0–24; default all day).
struct StreamProvider {
  std::size_t site = 0;
  int from_hour = 0, to_hour = 24;
  [[nodiscard]] bool open_at(int hour) const { return hour >= from_hour && hour < to_hour; }
};

/// A patient stream: who belongs to it (shares by age band, given whether the A&E outcome is admission) and which
/// sites treat it. A patient whose usual site does not provide the stream at that hour goes to the providing site
/// nearest to their locality: conveyed there directly with probability `direct_share`, otherwise after `transfer`
/// (assessment at the first site plus the journey), which counts in their A&E time.
struct PatientStream {
  std::string name;
  std::vector<double> share_of_admitted;      // by age band: P(stream | admitted, or a direct admission)
  std::vector<double> share_of_not_admitted;  // by age band: P(stream | A&E attendance not admitted)
  std::vector<StreamProvider> providers;
  double direct_share = 0.0;
  engine::Distribution transfer;              // minutes
};

struct RoutingSettings {
  std::vector<std::vector<double>> travel_minutes;  // [locality][site], road minutes
  std::vector<PatientStream> streams;               // draw order: a person's uniform picks the first stream whose
                                                    // cumulative share exceeds it
};

/// Travel burden of one replication, per locality plus a last column for all localities together. Only patients
/// whose treating site differs from their first choice (the A&E site_choice draw, or the locality's main site for
/// direct admissions) count; with common random numbers this equals the change against a baseline where every
/// site provides every stream (DESIGN §6).
struct TravelOutcome {
  enum Table : std::size_t { Routed, Transferred, ExtraMinutesMean, ExtraMinutesP95, Count };
  std::array<std::vector<double>, Count> tables;  // [locality..., all]; empty without routing
  [[nodiscard]] bool empty() const { return tables[Routed].empty(); }
};
inline constexpr std::size_t kTravelTableCount = TravelOutcome::Count;
/// Names, units and descriptions of the TravelOutcome tables (HDF5 /travel/<name>).
const std::array<KpiInfo, kTravelTableCount>& travel_catalogue();

}  // namespace pfsim::scenario
