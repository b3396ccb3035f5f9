#pragma once
// Planned (elective) care (DESIGN §3 Planned care). Referrals from each locality and specialty start an RTT clock;
// most stop it without an admission (non-admitted pathways, not capacity-limited); the rest join their site's
// admitted waiting list after outpatients and diagnostics. Each morning the site's theatre sessions are filled from
// the list: rebookings whose new date has come first, then priority P1..P4, each in order of clock start. A day case
// is treated and goes home; an inpatient needs a bed (the site's elective ward if it has one, else or also a free
// general bed, which emergency patients waiting get first) and is cancelled on the day when there is none, to be
// rebooked. Built only when the scenario has `planned_care`; every draw comes from the referral's own stream, so no
// other draw moves.
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "context.hpp"
#include "locality_demand.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteSites;
class SchemeEffects;

class PlannedCare {
 public:
  /// `schemes` may be null (no schemes): referral management thins referrals, evidence-based interventions cut the
  /// share admitted (SchemeTarget::ElectiveReferrals, ElectiveAdmittedShare).
  PlannedCare(Context& ctx, const PlannedCareSettings& settings, AcuteSites& sites, const SchemeEffects* schemes);
  PlannedCare(const PlannedCare&) = delete;
  PlannedCare& operator=(const PlannedCare&) = delete;

  /// Schedules the first referrals, the daily operating lists and the month-end RTT snapshots.
  void start();
  /// Starts the elective-ward statistics afresh (end of warm-up).
  void begin_measuring();
  /// Midnight census of a measured day: electives in a bed count in the G&A occupancy (KH03).
  void midnight_census(double now, Recorder::Census& c);
  /// Bed-time of stays still open at `end` (clipped to the window by the recorder).
  void finish(double end);

  /// Elective inpatients in the site's general beds now (flow checks).
  [[nodiscard]] std::int64_t in_general_beds(std::size_t site) const { return in_general_beds_[site]; }
  /// The site's elective ward, or null when its inpatients use general beds.
  [[nodiscard]] const engine::Resource* ward(std::size_t site) const { return wards_[site].get(); }
  /// Patients on the site's admitted waiting list (listed, or cancelled and waiting to be rebooked).
  [[nodiscard]] std::size_t waiting(std::size_t site) const;

 private:
  enum class State : std::uint8_t { Free, Referred, Listed, Rebooking, InBed };
  struct Case {
    double clock_start = 0, listed_at = 0, cancelled_at = 0, admitted_at = 0, rebook_from = 0;
    float minutes = 0, los = 0;
    std::uint32_t generation = 0;
    std::uint16_t specialty = 0, site = 0, locality = 0;  // as wide as the loader's limits (kMaxSites, kMaxLocalities)
    std::uint8_t band = 0, priority = 0;
    bool day_case = false, in_ward = false;
    State state = State::Free;
  };
  /// A waiting-list entry: earlier clock starts first, then lower case ids (ties are deterministic).
  struct Waiting {
    double clock_start;
    std::uint32_t id;
    bool operator>(const Waiting& o) const { return clock_start != o.clock_start ? clock_start > o.clock_start : id > o.id; }
  };
  using List = std::priority_queue<Waiting, std::vector<Waiting>, std::greater<>>;
  struct SiteLists {
    std::deque<std::uint32_t> rebooking;                          // in order of cancellation (so of new date)
    std::array<List, kElectivePriorities> day_case, inpatient;    // by priority
  };
  struct RebookCheck {
    std::uint32_t id, generation;
    double cancelled_at;
  };

  void referral(std::uint32_t stream);
  void listed(std::uint32_t id);
  void operating_day(std::size_t site, double now);
  /// Books `id` into the first session with room; false when none has.
  bool book(std::uint32_t id, std::vector<double>& room);
  void treat(std::uint32_t id, double now);
  void discharge(std::uint32_t id);
  void rebook_deadline(std::uint32_t check);
  void month_end(std::uint32_t month);
  [[nodiscard]] bool deferred(std::size_t priority, double now) const;
  [[nodiscard]] std::size_t choose_site(std::size_t locality, double u) const;
  std::uint32_t new_case();
  void free_case(std::uint32_t id);
  void non_admitted_pathway(double start, double stop, std::size_t site, std::size_t locality);

  Context& ctx_;
  const PlannedCareSettings& settings_;
  AcuteSites& sites_;
  const SchemeEffects* schemes_;
  engine::HandlerId referral_, listed_, operating_, discharged_, rebook_deadline_, month_end_, ward_granted_;
  std::vector<LocalityDemand> demand_;              // [locality × specialty]
  std::vector<engine::StreamFamily> families_;      // [locality × specialty]: one stream per referral
  std::vector<std::string> origins_;                // [locality × specialty]: their name (scheme avoidance streams)
  std::vector<std::uint64_t> referrals_;            // [locality × specialty]: referrals so far
  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_;
  std::vector<SiteLists> lists_;                    // by site
  std::vector<std::unique_ptr<engine::Resource>> wards_;  // by site; null: general beds
  std::vector<std::int64_t> in_general_beds_;       // by site
  std::vector<RebookCheck> rebook_checks_;
  std::vector<double> month_ends_;                  // time of each measured month's end
  std::vector<std::pair<double, double>> deferred_; // [from, to) in minutes
};

}  // namespace pfsim::models
