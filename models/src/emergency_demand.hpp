#pragma once
// Emergency demand: A&E attendances and direct (GP-referred) admissions from every locality.
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"
#include "locality_demand.hpp"

namespace pfsim::models {

class AcuteSites;
class EmergencyDepartment;
class Router;
class SchemeEffects;

class EmergencyDemand {
 public:
  /// Attenders go to `ed_by_site` (nullptr where a site has no A&E), direct admissions to `sites`. `router` (may be
  /// null) moves patients between sites; `schemes` (may be null) can avoid arrivals and change admit probability.
  EmergencyDemand(Context& ctx, AcuteSites& sites, std::vector<EmergencyDepartment*> ed_by_site, Router* router,
                  const SchemeEffects* schemes);
  void start();
  /// An A&E attendance now from `locality`, displaced from primary care.
  void displaced_attendance(std::size_t locality);
  /// A care-home resident (an existing person, p.from_care_home set) attends A&E now, admitted by the residents' own
  /// probability (care_homes.residents_ae.admit); `index` numbers the residents' attendances (routing stream).
  void resident_attends(std::uint32_t id, std::uint64_t index);

 private:
  enum class Origin : std::size_t { Ae, Direct, Displaced };
  /// An A&E attendance; `route_origin` and `index` key the person's routing stream (unused without routing).
  void attend(std::uint32_t id, const engine::StreamFamily* route_origin, std::uint64_t index,
              const engine::StreamFamily* condition_origin, const engine::StreamFamily* ambulance_origin);
  /// The condition of arrival `index` of an origin, from its own stream "condition/<origin>" (so no other draw moves);
  /// Other without admission.conditions.
  [[nodiscard]] Condition draw_condition(const engine::StreamFamily* condition_origin, std::uint64_t index, std::size_t band) const;
  /// The condition streams of an origin ("condition/<origin>"); nullptr without admission.conditions.
  [[nodiscard]] const engine::StreamFamily* condition_origin(std::size_t locality, Origin origin) const;
  /// The routing streams of an origin ("route/<origin>"); nullptr without routing.
  [[nodiscard]] const engine::StreamFamily* route_origin(std::size_t locality, Origin origin) const;
  /// The ambulance streams of an origin ("ambulance/<origin>"); nullptr without ambulance.
  [[nodiscard]] const engine::StreamFamily* ambulance_origin(std::size_t locality, Origin origin) const;
  /// The virtual-ward streams of an origin ("virtual_ward/<origin>"); nullptr without virtual wards.
  [[nodiscard]] const engine::StreamFamily* virtual_ward_origin(std::size_t locality, Origin origin) const;

  Context& ctx_;
  AcuteSites& sites_;
  std::vector<EmergencyDepartment*> ed_by_site_;
  Router* router_;
  const SchemeEffects* schemes_;
  std::vector<LocalityDemand> ae_, direct_;
  std::vector<std::string> ae_origin_, direct_origin_, displaced_origin_;
  std::vector<engine::StreamFamily> ae_family_, direct_family_, displaced_family_;  // [locality], of the origins above
  std::vector<engine::StreamFamily> route_family_;  // [locality][Origin] of "route/<origin>"; empty without routing
  std::vector<engine::StreamFamily> virtual_ward_family_;  // [locality][Origin] of "virtual_ward/<origin>"; empty without virtual wards
  std::vector<engine::StreamFamily> resident_route_family_;  // [locality] "route/patient/care_home_resident/<name>"; empty without routing
  std::vector<engine::StreamFamily> condition_family_;  // [locality][Origin] of "condition/<origin>"; empty without conditions
  std::vector<engine::StreamFamily> ambulance_family_;  // [locality][Origin] of "ambulance/<origin>"; empty without ambulance
  std::vector<engine::StreamFamily> resident_ambulance_family_;  // [locality] "ambulance/patient/care_home_resident/<name>"
  std::vector<engine::StreamFamily> resident_condition_family_;  // [locality] "condition/patient/care_home_resident/<name>"
  std::vector<std::uint64_t> ae_count_, direct_count_, displaced_count_;
  engine::HandlerId ae_handler_ = 0, direct_handler_ = 0, transferred_handler_ = 0;
};

}  // namespace pfsim::models
