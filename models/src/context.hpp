#pragma once
// Shared state of one replication: clock, calendar, population, patients, the measurement window and the
// recorder. Services hold a reference to it and to each other through `Services`.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pfsim/engine/simulator.hpp"
#include "pfsim/models/replication_result.hpp"
#include "pfsim/models/patient.hpp"
#include "pfsim/models/population.hpp"
#include "pfsim/models/scenario_types.hpp"
#include "recorder.hpp"

namespace pfsim::models {

class EmergencyDemand;
class EmergencyDepartment;
class AcuteBeds;
class Discharge;
class DownstreamCare;
class CareHomes;
class PrimaryCare;
class AfterDischarge;
class Winter;
class SchemeEffects;
class Router;

struct Services {
  EmergencyDemand* demand = nullptr;
  std::vector<EmergencyDepartment*> ed_by_site;  // nullptr where a site has no A&E
  std::vector<AcuteBeds*> beds_by_site;
  Discharge* discharge = nullptr;
  DownstreamCare* reablement = nullptr;          // nullptr when the module is off
  DownstreamCare* intermediate_care = nullptr;
  CareHomes* care_homes = nullptr;
  PrimaryCare* primary_care = nullptr;
  AfterDischarge* after_discharge = nullptr;
  Winter* winter = nullptr;                      // nullptr when the scenario has no `winter` section
  SchemeEffects* schemes = nullptr;              // nullptr when the scenario has no `schemes`
  Router* router = nullptr;                      // nullptr when the scenario has no `routing`
};

class Context {
 public:
  Context(const Scenario& scenario, std::uint64_t replication);

  const Scenario& scenario;
  const std::uint64_t replication;
  engine::Simulator sim;
  engine::Calendar calendar;       // simulated time 0 = start_date − warm-up
  PopulationProjection population;
  PatientPool patients;
  Recorder recorder;
  Services services;
  const double measure_from;       // end of warm-up (minutes)
  const double measure_to;

  [[nodiscard]] bool measured(double t) const { return t >= measure_from && t < measure_to; }
  [[nodiscard]] static double years(double t) { return t / engine::kMinutesPerYear; }
  /// Named stream of this replication (DESIGN §6).
  [[nodiscard]] engine::Stream stream(const std::string& name) const {
    return engine::Stream(scenario.run.seed, replication, name);
  }
  /// Creates a person whose attributes come from their own stream, keyed by how they arrived.
  std::uint32_t new_patient(const std::string& origin, std::uint64_t index, std::size_t locality, std::size_t band);
  /// The same, with the origin's streams from family(origin): no per-person hashing of the origin name.
  std::uint32_t new_patient(const engine::StreamFamily& origin, std::uint64_t index, std::size_t locality, std::size_t band);
  /// Per-person streams of an origin (new_patient's `origin`) in this replication.
  [[nodiscard]] engine::StreamFamily family(const std::string& origin) const {
    return engine::StreamFamily(scenario.run.seed, replication, origin);
  }
  /// Removes a person from the system (death, or leaving care with nothing pending).
  void remove_patient(std::uint32_t id) { patients.release(id); }
};

}  // namespace pfsim::models
