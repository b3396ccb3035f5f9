#pragma once
// Validated SourceNode → scenario::Scenario, one section per file (build_<section>.cpp). Each builder checks its
// keys first (so a typo gets "did you mean" before a "missing key"), then reads values in schema order.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/scenario/scenario.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/parameter_uncertainty.hpp"
#include "reader.hpp"

namespace pfsim::loader::detail {

/// `pfsim:` must be present and 1 (the only schema this loader reads).
void check_schema_version(const At& top);

scenario::Scenario build_scenario(const SourceNode& root);

scenario::RunSettings build_run(const At& run);
scenario::Population build_population(const At& population);
std::vector<scenario::Site> build_sites(const At& sites);
scenario::AeSettings build_ae(const At& ae, const scenario::Population& population, const std::vector<scenario::Site>& sites);
scenario::AdmissionSettings build_admission(const At& admission, const scenario::Population& population);
scenario::DischargeSettings build_discharge(const At& discharge, const scenario::Population& population);
scenario::DownstreamService build_downstream(const At& service, const scenario::Population& population);
scenario::CareHomeSettings build_care_homes(const At& care_homes);
scenario::ReadmissionSettings build_readmission(const At& readmission, const scenario::Population& population);
scenario::PrimaryCareSettings build_primary_care(const At& primary_care, const scenario::Population& population);
/// `virtual_wards:` slots by site name (sites left out have none), step-down and step-up (build_services.cpp).
scenario::VirtualWardSettings build_virtual_wards(const At& virtual_wards, const scenario::Population& population,
                                                 const std::vector<scenario::Site>& sites);
/// `planned_care:` RTT referrals, theatres and elective beds (build_planned_care.cpp); needs sites, population and
/// ae.site_choice built first.
scenario::AmbulanceSettings build_ambulance(const At& ambulance, const scenario::Scenario& scenario);
scenario::PlannedCareSettings build_planned_care(const At& planned_care, const scenario::Scenario& scenario);
/// `seasons:` the ordinary year's monthly multipliers and outbreaks (build_seasons.cpp).
scenario::SeasonSettings build_seasons(const At& seasons, const scenario::Population& population, const std::vector<scenario::Site>& sites);
scenario::WinterSettings build_winter(const At& winter, const scenario::Population& population, const std::vector<scenario::Site>& sites);
/// `schemes:` (scheme files), `qipp_target_gbp`, `scheme_tariff`, `kpi_targets` → scenario.schemes (build_schemes.cpp);
/// needs every other section built first (filters name localities, bands and sites; targets need their module).
void build_schemes(const At& top, scenario::Scenario& scenario);
/// `census:` (build_census.cpp): a CSV file, inline CSV or lists of people; needs every other section built first
/// (names, modules and capacities are checked against them).
scenario::Census build_census(const At& census, const scenario::Scenario& scenario);
/// `routing:` travel minutes and patient streams (build_routing.cpp).
scenario::RoutingSettings build_routing(const At& routing, const scenario::Population& population, const std::vector<scenario::Site>& sites);
/// The `calibration:` section (build_calibration.cpp); `root` is the whole document, for checking key paths.
loader::Calibration build_calibration(const At& calibration, const SourceNode& root);
/// The `parameter_uncertainty:` section (build_parameter_uncertainty.cpp); `root` as for build_calibration.
loader::ParameterUncertainty build_parameter_uncertainty(const At& section, const SourceNode& root);

// Shared by the section builders ------------------------------------------------------------------

/// A constant number of `staff` (clinicians, vehicles) or an hourly rota {weekday: [24], weekend: [24]}; never all zero.
scenario::ClinicianRota read_rota(const At& at, std::string_view staff);
/// A list with one number per age band, each read with `read_one`.
std::vector<double> read_per_band(const At& at, const scenario::Population& population,
                                  double (*read_one)(const At&));
/// A map keyed by locality name: every key must be a locality (did-you-mean otherwise) and every locality
/// must appear; `read_row(locality_index, value)` reads each value.
void read_by_locality(const At& at, const scenario::Population& population,
                      const std::function<void(std::size_t, const At&)>& read_row, std::string_view example_value);
/// A map keyed by age-band label, one row per adult band: every key must be a band (did-you-mean otherwise), an
/// under-18 band is refused (under-18s always go home, P0) and every adult band must appear; `read_row(band, value)`
/// reads each value.
void read_by_adult_band_label(const At& at, const scenario::Population& population,
                              const std::function<void(std::size_t, const At&)>& read_row, std::string_view example_value);
/// The same, returning one row per band (under-18 rows value-initialised).
template <typename Row>
std::vector<Row> read_by_adult_band(const At& at, const scenario::Population& population, Row (*read_row)(const At&),
                                    std::string_view example_value) {
  std::vector<Row> rows(population.age_bands.size());
  read_by_adult_band_label(at, population, [&](std::size_t band, const At& value) { rows[band] = read_row(value); }, example_value);
  return rows;
}
/// True when a map is keyed by age band rather than being one value for every band: it has none of the value's own
/// `value_keys` (so a mistyped band still gets an "unknown age band" message).
bool keyed_by_band(const At& at, std::initializer_list<std::string_view> value_keys);
/// A map keyed by month ("Dec: 1.1", months Jan–Dec); months left out keep their default (build_months.cpp).
void read_by_month(const At& at, const std::function<void(std::size_t, const At&)>& read_value, std::string_view example);
/// A multiplier in (0, 10].
double read_multiplier(const At& at);
/// One multiplier for every band, or a list with one per band.
std::vector<double> read_band_multipliers(const At& at, const scenario::Population& population);
/// Month → band multipliers; 1 for months left out.
std::array<std::vector<double>, scenario::kMonths> read_band_multipliers_by_month(const At& at, const scenario::Population& population);
/// Month → one multiplier; 1 for months left out.
std::array<double, scenario::kMonths> read_multipliers_by_month(const At& at);
/// `site name → {per_month, duration, beds_closed}` outbreak settings.
std::vector<scenario::WinterOutbreaks> read_outbreaks_by_site(const At& at, const std::vector<scenario::Site>& sites);
/// Fails at a duplicate name in a list of named items ("duplicate site name").
void check_unique_name(const At& name, std::vector<std::pair<std::string, int>>& seen, std::string_view what);

}  // namespace pfsim::loader::detail
