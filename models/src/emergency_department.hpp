#pragma once
// One site's emergency department: triage, then a clinician (hour-of-week rota), then an outcome.
#include <cstdint>

#include "context.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteBeds;

class EmergencyDepartment {
 public:
  /// Admitted patients (not same-day emergency care) ask `beds` of this site for a bed.
  EmergencyDepartment(Context& ctx, std::size_t site, const SiteAe& settings, AcuteBeds& beds);
  void arrive(std::uint32_t id);
  /// Patients waiting for a clinician now (after triage).
  [[nodiscard]] std::size_t waiting() const { return clinicians_.queue_length(); }

 private:
  void join_queue(std::uint32_t id);
  void start_treatment(std::uint32_t id);
  void finish_treatment(std::uint32_t id);

  Context& ctx_;
  std::size_t site_;
  AcuteBeds& beds_;
  engine::HandlerId triaged_, granted_, treated_;
  engine::Resource clinicians_;
};

}  // namespace pfsim::models
