#pragma once
// One site's acute beds: admission (with a trolley wait when full), the stay until medically fit, and leaving the bed.
#include <cstdint>
#include <optional>

#include "bed_capacity.hpp"
#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class CarePathway;
class Discharge;

class AcuteBeds {
 public:
  /// `pathway` draws each admission's episode; the patient goes to `discharge` when medically fit.
  AcuteBeds(Context& ctx, std::size_t site, int general_beds, const CarePathway& pathway, Discharge& discharge);
  AcuteBeds(const AcuteBeds&) = delete;
  AcuteBeds& operator=(const AcuteBeds&) = delete;

  /// Asks for a bed now (decision to admit, direct admission or readmission). With virtual wards, an A&E patient
  /// may go onto the site's virtual ward instead (step-up).
  void request(std::uint32_t id);
  /// Virtual-ward step-down found no free slot: the stay runs on to medically fit at admission + LOS, as before.
  void continue_stay(std::uint32_t id);
  /// The patient leaves the bed now: delayed days (if any), the bed stay and the discharge are recorded.
  void leave(std::uint32_t id);
  /// The patient dies in the bed now (the stay ends in death, not a discharge): the bed stay and the death are
  /// recorded and the person leaves the simulation. A death is not a discharge, so it has no readmission.
  void die(std::uint32_t id);
  /// Planned care: an elective inpatient takes a general bed now if one is free (emergency patients waiting for a
  /// bed have any that is free first, so there is none while they wait); false when none is.
  bool take_elective_bed() { return beds_.try_acquire(); }
  /// The elective inpatient leaves; the bed goes to the next emergency patient waiting, if any.
  void release_elective_bed() { beds_.release(); }
  /// Census warm start: the patient has held a bed here since `admitted_at` (< 0: before the run). Draws the
  /// episode as an admission would (with `pathway` fixed when given); the stay until medically fit is the time
  /// already spent plus the residual of the LOS distribution. With `fit_at` the patient is medically fit since then
  /// (a delayed transfer of care) and the caller continues the discharge.
  void resume_stay(std::uint32_t id, double admitted_at, std::optional<Pathway> pathway, std::optional<double> fit_at);
  /// The site's A&E limits its cubicles: an A&E patient keeps one until admitted here (or stepped up to a virtual
  /// ward), so boarders take space from everyone still to be seen.
  void hold_cubicles_until_admitted(engine::Resource& cubicles) { cubicles_ = &cubicles; }
  /// Starts the occupancy statistics afresh (end of warm-up).
  void begin_measuring() { beds_.reset_statistics(); }

  [[nodiscard]] const engine::Resource& beds() const { return beds_; }
  /// The only way to change how many beds are open.
  [[nodiscard]] BedCapacity& capacity() { return capacity_; }
  [[nodiscard]] const BedCapacity& capacity() const { return capacity_; }

 private:
  void admit(std::uint32_t id);
  void free_cubicle(Patient& p);
  /// The discharge measures of `p` leaving alive at `now` (DESIGN §5.2).
  [[nodiscard]] Recorder::DischargeFacts discharge_facts(const Patient& p, double now) const;

  Context& ctx_;
  std::size_t site_;
  const CarePathway& pathway_;
  Discharge& discharge_;
  engine::HandlerId granted_, medically_fit_;
  engine::Resource beds_;
  BedCapacity capacity_;
  engine::Resource* cubicles_ = nullptr;  // the A&E's, owned by EmergencyDepartment; null: no cubicle limit
};

}  // namespace pfsim::models
