#pragma once
// One site's emergency department: triage, then (majors) a cubicle when the site limits them, then a clinician
// (hour-of-week rota; minors have their own when the site has a minors stream), then an outcome. An admitted patient
// keeps the cubicle until AcuteBeds finds a bed.
#include <cstdint>
#include <optional>

#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteBeds;

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

  Context& ctx_;
  std::size_t site_;
  AcuteBeds& beds_;
  engine::HandlerId triaged_, granted_, treated_, cubicle_granted_;
  engine::Resource clinicians_;
  std::optional<engine::Resource> minors_clinicians_;  // only with a minors stream (SiteAe::minors)
  std::optional<engine::Resource> cubicles_;
};

}  // namespace pfsim::models
