#pragma once
// Permanent care homes: admissions from hospital (P3), after reablement and from the community; stays end by death.
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"
#include "locality_demand.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteSites;
class DownstreamCare;
class EmergencyDemand;
class SchemeEffects;

class CareHomes {
 public:
  /// A bed granted to someone delayed in hospital (P3) takes them out of their bed in `sites`. `schemes` (may be
  /// null) can avoid community referrals.
  CareHomes(Context& ctx, const CareHomeSettings& settings, AcuteSites& sites, const SchemeEffects* schemes);
  void start();
  void request(std::uint32_t id);
  /// Census warm start: a resident since `admitted_at` (NaN: not known). The remaining stay is the residual of the
  /// stay distribution, or its forward-recurrence time when the admission date is not known.
  void resume(std::uint32_t id, double admitted_at);
  /// With `residents_ae`, residents attend A&E through `demand` (built after the care homes, so set once both exist).
  void send_residents_to(EmergencyDemand& demand) { demand_ = &demand; }
  /// People who wait in intermediate care for a place leave `intermediate_care` when they get it (built after the
  /// care homes, so set once both exist).
  void take_from(DownstreamCare& intermediate_care) { intermediate_care_ = &intermediate_care; }
  /// A resident back from A&E or a hospital stay: in their home again, the stay clock running on from where it
  /// stopped.
  void return_home(std::uint32_t id);
  /// A resident who died away in hospital: their place is free.
  void died_away(std::uint32_t id);

  [[nodiscard]] const engine::Resource& beds() const { return beds_; }
  /// Beds available from now on (schemes).
  void set_capacity(int beds) { beds_.set_capacity(beds); }

 private:
  void admit(std::uint32_t id);
  void community_arrival(std::size_t locality);
  /// In the home now until `leaves_at` (death): schedules the stay's end and the resident's next A&E attendance.
  void live_in_home(Patient& p, std::uint32_t id, double leaves_at);
  void stay_ends(std::uint32_t id);
  /// The next residents' attendance: a fixed Poisson stream, so acute capacity never changes how many there are.
  void schedule_resident_attendance(double after);
  void resident_attendance();
  void leave_home_list(std::uint32_t id);
  [[nodiscard]] double forward_recurrence(engine::Stream& rng) const;

  Context& ctx_;
  const CareHomeSettings& settings_;
  AcuteSites& sites_;
  const SchemeEffects* schemes_;
  EmergencyDemand* demand_ = nullptr;
  DownstreamCare* intermediate_care_ = nullptr;
  engine::HandlerId granted_, died_, community_, attend_ae_;
  engine::Resource beds_;
  std::vector<LocalityDemand> community_demand_;
  std::vector<std::string> community_origin_;
  std::vector<engine::StreamFamily> community_family_;  // [locality], of community_origin_
  std::vector<std::uint64_t> community_count_;
  // Residents' A&E (residents_ae): who is in a home now, by locality (any order); the localities' running shares of
  // people 65+; the stream of attendance times, and the per-attendance streams that pick the locality and resident
  // and then carry their episode's draws.
  std::vector<std::vector<std::uint32_t>> in_home_;
  std::vector<double> older_cumulative_;
  double resident_attendances_per_minute_ = 0;
  engine::Stream resident_ae_times_;
  engine::StreamFamily resident_ae_family_;
  std::uint64_t resident_ae_count_ = 0;
};

}  // namespace pfsim::models
