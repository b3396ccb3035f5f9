#pragma once
// Shared state of one replication: clock, calendar, population, patients, the measurement window, the recorder and
// the named streams. Services hold a reference to it; each is given the other services it calls in its constructor.
#include <cstdint>
#include <string>
#include <vector>

#include "pfsim/engine/simulator.hpp"
#include "pfsim/models/replication_result.hpp"
#include "pfsim/models/patient.hpp"
#include "pfsim/models/population.hpp"
#include "pfsim/models/scenario_types.hpp"
#include "recorder.hpp"
#include "seasons.hpp"

namespace pfsim::models {

class AmbulanceService;
class CareHomes;
class HomeAt91Days;
class VirtualWards;

class Context {
 public:
  Context(const Scenario& scenario, std::uint64_t replication);

  const Scenario& scenario;
  const std::uint64_t replication;
  engine::Simulator sim;
  engine::Calendar calendar;       // simulated time 0 = start_date − warm-up
  const Seasons seasons;           // the ordinary year's monthly multipliers, a bad winter's on top
  PopulationProjection population;
  PatientPool patients;
  Recorder recorder;
  const double measure_from;       // end of warm-up (minutes)
  const double measure_to;
  /// The virtual wards, or null when the scenario has none (set by LocalSystem; step-down and step-up hooks).
  VirtualWards* virtual_wards = nullptr;
  /// The care homes, or null without them (set by LocalSystem): where a resident goes back to after A&E or hospital.
  CareHomes* care_homes = nullptr;
  /// The ambulance service, or null without `ambulance:` (set by LocalSystem): A&E tells it of handovers.
  AmbulanceService* ambulance = nullptr;
  /// The ASCOF 2B day-91 follow-up (set by LocalSystem): told when a person it follows leaves the model.
  HomeAt91Days* home_at_91d = nullptr;
  /// Where the follow-up of the measured arrival cohorts stops at the latest (measure_to + kFollowUpDays); demand
  /// goes on until then so the last measured patients meet real conditions.
  const double follow_to;

  [[nodiscard]] bool measured(double t) const { return t >= measure_from && t < measure_to; }
  [[nodiscard]] static double years(double t) { return t / engine::kMinutesPerYear; }
  /// Named stream of this replication (DESIGN §6).
  [[nodiscard]] engine::Stream stream(const std::string& name) const {
    return engine::Stream(scenario.run.seed, replication, name);
  }
  /// Creates a person whose attributes come from their own stream, keyed by how they arrived.
  std::uint32_t new_patient(const std::string& origin, std::uint64_t index, std::size_t locality, std::size_t band);
  /// The same, with the origin's streams from family(origin): no per-person hashing of the origin name.
  /// `virtual_ward` = family(virtual_ward_origin(origin)) when the scenario has virtual wards (seeds Patient::vw_rng).
  std::uint32_t new_patient(const engine::StreamFamily& origin, std::uint64_t index, std::size_t locality, std::size_t band,
                            const engine::StreamFamily* virtual_ward = nullptr);
  /// Name of the per-person virtual-ward streams of an origin (DESIGN §6).
  [[nodiscard]] static std::string virtual_ward_origin(const std::string& origin) { return "virtual_ward/" + origin; }
  /// Per-person streams of an origin (new_patient's `origin`) in this replication.
  [[nodiscard]] engine::StreamFamily family(const std::string& origin) const {
    return engine::StreamFamily(scenario.run.seed, replication, origin);
  }
  /// Removes a person from the system (death, or leaving care with nothing pending); `how` settles a day-91
  /// follow-up still open.
  void remove_patient(std::uint32_t id, Leaving how);
};

}  // namespace pfsim::models
