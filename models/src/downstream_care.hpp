#pragma once
// Reablement (P1, packages at home) or intermediate care (P2, beds): capacity, duration, 91-day outcomes.
#include <cstdint>

#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteSites;
class AfterDischarge;
class SchemeEffects;

class DownstreamCare {
 public:
  /// A place granted takes the person out of their bed in `sites`; a 91-day outcome goes on to `after_discharge`.
  /// `schemes` (may be null) can change the 91-day hazards.
  DownstreamCare(Context& ctx, const DownstreamService& settings, Stage stage, const char* name, AcuteSites& sites,
                 AfterDischarge& after_discharge, const SchemeEffects* schemes);
  void request(std::uint32_t id);
  /// Census warm start: the person has been in the service since `started_at` (< 0: before the run). The rest of the
  /// package is the residual of the duration distribution; the 91-day outcome is drawn given that nothing has
  /// ended it yet.
  void resume(std::uint32_t id, double started_at);
  /// Census warm start: the stay is over and the person has waited in its bed for a care-home place since
  /// `waiting_since` (the caller then asks the care homes for the place).
  void resume_waiting(std::uint32_t id, double waiting_since);
  /// The care home takes `id`, who waited in intermediate care for it (stage DelayedNonAcute): the delay ends and
  /// the place is free.
  void leave_for_care_home(std::uint32_t id);

  [[nodiscard]] const engine::Resource& capacity() const { return capacity_; }
  /// Places available from now on (schemes).
  void set_capacity(int places) { capacity_.set_capacity(places); }

 private:
  void start(std::uint32_t id);
  void finish(std::uint32_t id);

  Context& ctx_;
  const DownstreamService& settings_;
  Stage stage_;
  AcuteSites& sites_;
  AfterDischarge& after_discharge_;
  const SchemeEffects* schemes_;
  engine::HandlerId granted_, finished_;
  engine::Resource capacity_;
};

}  // namespace pfsim::models
