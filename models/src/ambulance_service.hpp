#pragma once
// The ambulance service (DESIGN §3 Ambulances): one fleet answers 999 calls by category (1 first), drives to the
// scene, treats there or conveys to A&E, waits there until its patient is handed over (a cubicle, or a cohort space
// in the corridor) and clears. Handover delays hold vehicles, so they lengthen the response to the next calls.
#include <cstdint>
#include <optional>
#include <vector>

#include "context.hpp"
#include "locality_demand.hpp"
#include "pfsim/engine/resource.hpp"
#include "pfsim/engine/rng.hpp"

namespace pfsim::models {

class EmergencyDepartment;

class AmbulanceService {
 public:
  /// Conveyed patients are handed to `ed_by_site` (nullptr where a site has no A&E).
  AmbulanceService(Context& ctx, std::vector<EmergencyDepartment*> ed_by_site);
  AmbulanceService(const AmbulanceService&) = delete;
  AmbulanceService& operator=(const AmbulanceService&) = delete;
  void start();
  /// The probability that this attender (outcome drawn) arrives by ambulance.
  [[nodiscard]] double conveyed_share(const Patient& p) const;
  /// A 999 call now for patient `id` (stage InAe, p.site the A&E they are taken to), answered by a vehicle that
  /// conveys them; `rng` is their own ambulance stream, drawn on after conveys().
  void call(std::uint32_t id, engine::Stream rng);
  /// A call now from `locality` that a conveyance scheme answers with treatment at the scene (no attendance).
  void treat_at_scene(std::size_t locality, engine::Stream rng);
  /// The patient brought by ambulance has finished triage: handed over now if a cubicle was free (`has_place`),
  /// otherwise as soon as a cohort space or a cubicle is.
  void ready_for_handover(std::uint32_t id, bool has_place);
  /// The patient brought by ambulance was given a cubicle.
  void cubicle_taken(std::uint32_t id);
  /// At the follow-up cap: measured calls still waiting for a vehicle and handovers not yet done count as they stand.
  void count_unfinished(double cap);
  /// Calls waiting for a vehicle now.
  [[nodiscard]] std::size_t calls_waiting() const { return fleet_.queue_length(); }

 private:
  static constexpr std::uint32_t kNoPatient = 0xffffffffu;
  struct Job {
    engine::Stream rng;
    double called_at = 0, dispatched_at = 0, arrived_at = 0;
    std::uint32_t patient = kNoPatient;  // kNoPatient: seen and treated at the scene
    std::uint16_t locality = 0;
    std::uint8_t category = 2;
    std::size_t site = Recorder::kNoSite;  // where a conveyed patient is taken (kNoSite: not conveyed)
    bool waiting_for_vehicle = false, awaiting_handover = false;
  };
  std::uint32_t new_job(engine::Stream rng, std::size_t locality, std::uint32_t patient);
  void not_conveyed_incident(std::size_t locality);
  void request_vehicle(std::uint32_t job);
  void dispatch(std::uint32_t job);
  void at_scene(std::uint32_t job);
  void at_hospital(std::uint32_t job);
  void cohort_granted(std::uint32_t id);
  void hand_over(std::uint32_t job);
  void cleared(std::uint32_t job);

  Context& ctx_;
  const scenario::AmbulanceSettings& settings_;
  std::vector<EmergencyDepartment*> ed_by_site_;
  std::vector<Job> jobs_;
  std::vector<std::uint32_t> free_jobs_;
  engine::HandlerId incident_, dispatched_, at_scene_, at_hospital_, cohort_granted_, cleared_;
  engine::Resource fleet_;
  std::vector<std::optional<engine::Resource>> cohort_;  // [site], held by patients: only where the site has cohort spaces
  std::vector<LocalityDemand> not_conveyed_;
  std::vector<engine::StreamFamily> not_conveyed_family_;  // [locality] "ambulance/not-conveyed/<name>"
  std::vector<std::uint64_t> not_conveyed_count_;
};

}  // namespace pfsim::models
