#pragma once
// One site's emergency department: triage, then (majors) a cubicle when the site limits them, then a clinician
// (hour-of-week rota; minors have their own when the site has a minors stream), then an outcome. An admitted patient
// keeps the cubicle until AcuteBeds finds a bed. With ae.clinician_queue: acuity, patients who will be admitted are
// seen (and given a cubicle) first; with ae.patience, a patient who will not be admitted and is still waiting for a
// cubicle or a clinician when their patience runs out leaves without being seen.
#include <cstdint>
#include <optional>

#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteBeds;

/// True when the attendance counts as a type 1 (major emergency department) attendance: everyone but the patients of
/// a minors stream that is a type 3 urgent treatment centre.
inline bool type1_attendance(const Patient& p, const SiteAe& ae) { return !(p.minors && ae.minors && ae.minors->department_type == 3); }

class EmergencyDepartment {
 public:
  /// Admitted patients (not same-day emergency care) ask `beds` of this site for a bed; with a cubicle limit, `beds`
  /// frees their cubicle when they leave A&E.
  EmergencyDepartment(Context& ctx, std::size_t site, const SiteAe& settings, AcuteBeds& beds);
  EmergencyDepartment(const EmergencyDepartment&) = delete;
  EmergencyDepartment& operator=(const EmergencyDepartment&) = delete;
  void arrive(std::uint32_t id);
  /// Patients waiting for a (majors) clinician now (after triage).
  [[nodiscard]] std::size_t waiting() const { return clinicians_.queue_length(); }
  /// The minors stream's clinicians, or null when the site has no minors stream.
  [[nodiscard]] const engine::Resource* minors_clinicians() const { return minors_clinicians_ ? &*minors_clinicians_ : nullptr; }
  /// The cubicles, or null when the site does not limit them.
  [[nodiscard]] const engine::Resource* cubicles() const { return cubicles_ ? &*cubicles_ : nullptr; }

 private:
  void join_queue(std::uint32_t id);
  void take_cubicle(std::uint32_t id);
  void ask_clinician(std::uint32_t id);
  [[nodiscard]] engine::Resource& clinicians_for(const Patient& p);
  void start_treatment(std::uint32_t id);
  void finish_treatment(std::uint32_t id);
  void may_give_up(Patient& p, std::uint32_t id);
  void give_up(std::uint32_t id);
  void leave(std::uint32_t id, bool without_being_seen);
  [[nodiscard]] std::int32_t queue_priority(const Patient& p) const { return acuity_priority_ && !p.admit ? 1 : 0; }

  Context& ctx_;
  std::size_t site_;
  AcuteBeds& beds_;
  bool acuity_priority_;
  engine::QueueDiscipline discipline_;  // of the cubicle and majors clinician queues (minors are never admitted)
  engine::HandlerId triaged_, granted_, treated_, cubicle_granted_, gave_up_;
  engine::Resource clinicians_;
  std::optional<engine::Resource> minors_clinicians_;  // only with a minors stream (SiteAe::minors)
  std::optional<engine::Resource> cubicles_;
};

}  // namespace pfsim::models
