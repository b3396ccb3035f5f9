#pragma once
// Offered load and utilisation of every capacity of a scenario, computed from its rates and mean durations before
// anything runs (DESIGN §3 "Stability checks"). Pure arithmetic on the Scenario: no simulation, no random numbers.
//
// For each capacity, a = λ × E[time a patient holds one unit] (Little's law for the units in use if nobody waited)
// and ρ = a / c. ρ ≥ 1 means the queue for that capacity grows without bound in the long run, whatever the run
// length; ρ just below 1 means long queues and a result that swings with small changes of demand.
//
// Approximations (the figures are a check on the inputs, not a prediction of the run):
// - Demand is the mean over the measured window: people at the window's midpoint (growth applied), the hour × weekday
//   profile for A&E, and the month profile × winter arrival multiplier averaged over the measured days. Routing sends
//   each stream's share, hour by hour (weighted by the hour profile), to the nearest providing site as the router
//   does; the hourly shape of A&E arrivals at each site is then taken as unchanged. Schemes, outbreaks and escalation
//   beds are left out (capacity = general beds).
// - GP-displaced attendances use the expected daily demand (daily_cv ignored) and the locality's admit mix.
// - Readmissions inflate each band's admissions geometrically: admissions = new / (1 − r), r = P(a stay leads to a
//   30-day readmission or a 91-day readmission outcome), from the pathway shares.
// - Acute bed time per admission = E[LOS] × the mean winter LOS multiplier + Σ pathway share × E[assessment delay].
//   The wait for a downstream place is a queueing outcome and is not included (so a's of beds is a lower bound when
//   downstream services are short), nor are weekend / bank-holiday discharge-dip holds.
// - Reablement and intermediate care: a place is held for min(duration, time of the 91-day event), the event
//   uniform over 91 days with probability readmit + care_home + death: E = (1 − H) E[D] + H ∫₀^91d S_D(t)(1 − t/91d) dt.
// - Care homes: P3 discharges + 91-day care-home outcomes of P1 / P2 + community admissions, × E[stay].
// - A&E clinicians: a(h) = λ(h) × E[treatment] for each of the 168 hours of the week against the rota c(h); `rho`
//   is the weekly mean Σa / Σc (the stability condition for a periodic queue), `peak_rho` the largest hourly a / c.
// - A&E minors clinicians (a minors stream): a(h) of the minors (ae.minors_share of those not admitted) × their mean
//   treatment against the minors rota; the clinicians' a(h) then leaves the minors out.
// - A&E cubicles (where limited): the same a(h) for majors (everyone but ae.minors_share of those not admitted) against
//   the constant number of cubicles; the cubicle is also held while waiting for a clinician and, for admissions, for a
//   bed, so this is a lower bound.
#include <string>
#include <vector>

#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// ρ at or above this: `pfsim run` prints the offered-load table.
inline constexpr double kNearUnstableRho = 0.95;
/// ρ at or above this: demand exceeds capacity; `pfsim validate` and `pfsim run` warn.
inline constexpr double kUnstableRho = 1.0;

/// Theatres: the session minutes of a site with planned care (its queue is the site's admitted waiting list).
/// Ambulances: the fleet, against calls a vehicle attends, each holding it for the queue-free job cycle.
enum class Capacity { AeClinicians, AeMinorsClinicians, AeCubicles, AcuteBeds, Reablement, IntermediateCare, CareHomes, Theatres, Ambulances };

struct OfferedLoad {
  std::string resource;           // e.g. "A&E clinicians: Southend", "acute beds: Southend", "reablement (P1)"
  Capacity kind = Capacity::AcuteBeds;
  double arrivals_per_day = 0;    // λ
  double mean_service_days = 0;   // E[time one unit is held per arrival], days
  double offered = 0;             // a = λ × E[service] (A&E: weekly mean)
  double capacity = 0;            // c (A&E: mean clinicians on duty over the week)
  double rho = 0;                 // a / c (+inf when c = 0 and a > 0)
  double peak_rho = 0;            // A&E: largest hourly a(h) / c(h); otherwise equal to rho
};

/// Every capacity-limited resource of the scenario, in a fixed order: A&E clinicians of each site with an A&E, minors
/// clinicians of each site with a minors stream, A&E cubicles of each site that limits them, acute beds of each site, then reablement, intermediate care and care homes
/// when modelled, then the theatres of each site with theatre sessions (planned care), then the ambulance fleet. The run's queue counts (ReplicationResult::queues) follow the same order.
std::vector<std::string> capacity_names(const Scenario& s);

/// The offered load of every resource of capacity_names(), in that order.
std::vector<OfferedLoad> offered_load(const Scenario& s);

/// A short table: resource, arrivals/day, mean service, offered load, capacity, ρ (and peak ρ for A&E).
std::string format_offered_load(const std::vector<OfferedLoad>& loads);

/// The resources with ρ ≥ kUnstableRho, as "reablement (P1) rho=1.30; ..."; empty when there are none.
std::string offered_load_warning(const std::vector<OfferedLoad>& loads);

/// The largest ρ (0 when there are no resources).
double max_rho(const std::vector<OfferedLoad>& loads);

}  // namespace pfsim::models
