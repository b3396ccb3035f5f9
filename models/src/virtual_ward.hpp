#pragma once
// Virtual wards (hospital at home, DESIGN §3 and §12): one loss system of slots per site. Step-down takes an
// eligible patient out of their acute bed early and onto the ward for the time the stay was shortened by; step-up
// treats a would-be A&E admission on the ward instead of a bed. Nobody queues: with no free slot the patient carries
// on exactly as without virtual wards. Built only when the scenario has `virtual_wards`; every draw comes from the
// person's virtual-ward stream (Patient::vw_rng), so no other draw of anybody moves.
#include <cstdint>
#include <memory>
#include <vector>

#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteSites;
class AfterDischarge;

class VirtualWards {
 public:
  /// `sites` and `after_discharge` are only stored, so they may be constructed after this.
  VirtualWards(Context& ctx, const VirtualWardSettings& settings, AcuteSites& sites, AfterDischarge& after_discharge);
  VirtualWards(const VirtualWards&) = delete;
  VirtualWards& operator=(const VirtualWards&) = delete;

  /// An A&E patient (stage InAe) is about to ask for a bed at `site`: true when they go onto the site's virtual ward
  /// instead (step-up: drawn eligible and a slot is free). Draws the step-up uniform, and the stay when eligible.
  bool step_up(std::uint32_t id, std::size_t site);
  /// Just admitted to a bed (episode drawn): true when a step-down is planned (its event is scheduled and the stay
  /// continues through AcuteBeds::continue_stay if no slot is free then); false when the stay runs as without wards.
  bool plan_step_down(std::uint32_t id);
  /// Starts the occupancy statistics afresh (end of warm-up).
  void begin_measuring();

  [[nodiscard]] std::size_t size() const { return wards_.size(); }
  [[nodiscard]] const engine::Resource& ward(std::size_t site) const { return *wards_[site]; }
  /// Slots available at `site` from now on (schemes); a cut never ends a stay.
  void set_capacity(std::size_t site, int slots) { wards_[site]->set_capacity(slots); }

 private:
  void step_down(std::uint32_t id);
  void finish(std::uint32_t id);

  Context& ctx_;
  const VirtualWardSettings& settings_;
  AcuteSites& sites_;
  AfterDischarge& after_discharge_;
  engine::HandlerId granted_, step_down_, finished_;
  std::vector<std::unique_ptr<engine::Resource>> wards_;  // by site
};

}  // namespace pfsim::models
