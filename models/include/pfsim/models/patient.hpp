#pragma once
// A synthetic patient and the pool that recycles their records (no allocation per patient once warm).
#include <cstdint>
#include <limits>
#include <vector>

#include "pfsim/engine/rng.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

/// Where a person is in the system; Free marks a recycled record.
enum class Stage : std::uint8_t {
  Free,
  InAe,               // triage, waiting for or with a clinician
  AwaitingBed,        // decision to admit made (or direct admission), no bed yet
  InBed,              // acute bed, not yet medically fit
  Delayed,            // medically fit, in an acute bed waiting for assessment or a pathway (DToC)
  InReablement,       // P1 package at home
  InIntermediateCare, // P2 bed
  AtHome,             // discharged; a readmission, care-home move or death may still be scheduled
  AwaitingCareHome,   // in the community waiting for a care-home bed
  InCareHome,
  InVirtualWard,      // holding a virtual-ward slot at p.site (step-down from a bed, or step-up from A&E)
  DelayedNonAcute,    // intermediate-care stay over, still in its bed waiting for a care-home place (a non-acute DToC)
};

inline constexpr double kNever = std::numeric_limits<double>::quiet_NaN();

/// What happens within 91 days of leaving hospital into reablement or intermediate care. NoEvent: none of the
/// three happens, the person is still at home at 91 days (ASCOF 2B's success) and leaves the model when the
/// service ends. Someone discharged straight home also carries NoEvent: what may follow them is the 30-day
/// readmission drawn from Episode::readmit_u, not a 91-day outcome.
enum class Outcome91d : std::uint8_t { NoEvent, Readmit, CareHome, Death };

/// Attributes drawn once per hospital episode, always in the same order, from the patient's own stream,
/// so the same person has the same stay and pathway in every option (common random numbers).
struct Episode {
  double los = 0;                 // bed stay until medically fit
  Pathway pathway = Pathway::P0;
  double assessment_delay = 0;    // medically fit → assessment complete
  double downstream_duration = 0; // reablement package or intermediate-care stay
  double outcome_u = 0;           // picks the 91-day outcome
  double outcome_time_u = 0;      // when, as a share of 91 days
  double readmit_u = 0;           // 30-day readmission after a home discharge
  double readmit_time_u = 0;      // when, as a share of 30 days
  bool dies_in_hospital = false;  // the stay ends in death at medically fit (drawn only with admission.died_in_hospital)
  double leave_hour_u = 0;        // discharge timing: the hour of day they leave, and whether a quieter day takes
  double leave_day_u = 0;         // them (both drawn only with discharge.timing)
  double discharge_u = 0;         // winter discharge dip: leaves on a reduced day when below its factor (drawn last, only with a dip)
  double virtual_ward_stay = 0;   // step-down: acute stay shortened by this, spent on the virtual ward (0 = none; drawn
                                  // from Patient::vw_rng by VirtualWards, never from rng)
};

struct Patient {
  Patient() = default;
  /// A fresh record with this stream (cheaper than `Patient{}` then assigning: no default stream is seeded).
  explicit Patient(const engine::Stream& stream) : rng(stream) {}

  /// Where the person is; set only through PatientPool::set_stage, which keeps the pool's stage array in step.
  [[nodiscard]] Stage stage() const noexcept { return stage_; }

  engine::Stream rng;             // per-patient stream: same person, same draws in every option
  /// The person's virtual-ward stream ("virtual_ward/<origin>", same entity index), seeded only when the scenario has
  /// virtual wards, so virtual-ward draws never move a draw of `rng` (DESIGN §6).
  engine::Stream vw_rng = engine::Stream::from_seed(0);
 private:
  friend class PatientPool;
  Stage stage_ = Stage::Free;

 public:
  std::uint16_t locality = 0;
  std::uint8_t band = 0;
  std::uint8_t site = 0;
  bool from_ae = false;
  bool minors = false;            // A&E minors / UTC stream: needs no cubicle (drawn only with ae.minors_share)
  bool in_cubicle = false;        // holds an A&E cubicle at p.site (only where the site's A&E has `cubicles`)
  bool by_ambulance = false;      // conveyed to A&E (ambulance:); stage InAe from the call, ae_arrival set at hospital
  bool awaiting_handover = false; // at hospital, still on the ambulance: its crew waits until a cubicle or cohort space
  bool in_cohort_space = false;   // handed over into a corridor / cohort space, still waiting for a cubicle
  std::uint32_t ambulance_job = 0;  // the job of the vehicle that brings them (AmbulanceService), until handover
  bool sdec = false;
  double ae_arrival = kNever;
  double treatment = 0;           // clinician time drawn at arrival
  bool admit = false;             // A&E outcome drawn at arrival
  bool give_up_scheduled = false; // a give-up event is pending and the patient has not yet been seen
  double gives_up_at = kNever;    // leaves without being seen if still waiting then (kNever: admitted, or no ae.patience)
  double bed_requested_at = kNever;
  double admitted_at = kNever;
  double medically_fit_at = kNever;
  /// The discharge-ready time: when the stay's clinical need ends (no criteria to reside). The drawn medically-fit
  /// moment, or the departure when that comes first; a P0 patient that discharge timing or a weekend keeps in bed past
  /// it is waiting from then on, as a pathway patient is from medically fit (DESIGN §5.2 "Discharge-ready date").
  double ready_at = kNever;
  double discharged_at = kNever;
  double care_home_since = kNever;  // permanent care-home admission (kNever: not known, e.g. an initial resident)
  double care_home_leaves_at = kNever;  // when the stay ends (death), while in the home; a stale end event is ignored
  double care_home_remaining = 0;   // what is left of the stay while away in hospital (the clock stops)
  std::uint32_t care_home_slot = 0; // position in CareHomes' list of residents in the home (residents_ae only)
  bool from_care_home = false;      // attends as a care-home resident (residents' admit rate, home on P0, no virtual ward)
  bool holds_care_home_place = false;  // ... and keeps their place while away: they go back to it
  bool assessed = false;            // medically fit and pathway assessment done (waiting for the pathway itself)
  double assessed_at = kNever;      // when the assessment was done: the delay's reason changes then (DESIGN §5.2 DToC)
  double ascof_day91 = kNever;      // in the ASCOF 2B cohort: the day-91 check is due then (kNever: not in it)
  bool stepped_up = false;          // on the virtual ward instead of an admission (step-up), not after a bed
  /// Why they are admitted, drawn at arrival from their own "condition/<origin>" stream (only with
  /// admission.conditions; Other otherwise), kept for their readmissions.
  scenario::Condition condition = scenario::Condition::Other;
  Episode episode;
  Outcome91d outcome = Outcome91d::NoEvent;
  double outcome_at = kNever;
};

/// Patients by index; freed records are reused LIFO so the working set stays small and cache-warm.
/// Beside the records it keeps every patient's stage in a byte array, so walks that mostly look at the stage (the
/// midnight count and census) read bytes instead of whole records.
class PatientPool {
 public:
  std::uint32_t acquire() {
    ++created_;
    if (!free_.empty()) {
      const std::uint32_t id = free_.back();
      free_.pop_back();
      return id;
    }
    records_.emplace_back();
    stages_.push_back(Stage::Free);
    return static_cast<std::uint32_t>(records_.size() - 1);
  }
  void release(std::uint32_t id) {
    set_stage(id, Stage::Free);
    free_.push_back(id);
    ++released_;
  }
  /// The only way to change a stage (`p` must be a record of this pool).
  void set_stage(Patient& p, Stage stage) { set_stage(static_cast<std::uint32_t>(&p - records_.data()), stage); }
  void set_stage(std::uint32_t id, Stage stage) {
    if (check_transition_) check_transition_(records_[id].stage_, stage, id);
    records_[id].stage_ = stage;
    stages_[id] = stage;
  }
  /// Called with (from, to, id) before every stage change, e.g. to check it against the pathway's transition
  /// table when invariant checks are on; nullptr (the default) checks nothing.
  using TransitionCheck = void (*)(Stage from, Stage to, std::uint32_t id);
  void check_transitions_with(TransitionCheck check) { check_transition_ = check; }
  Patient& operator[](std::uint32_t id) { return records_[id]; }
  const Patient& operator[](std::uint32_t id) const { return records_[id]; }
  [[nodiscard]] const std::vector<Patient>& all() const { return records_; }
  /// stages()[id] == (*this)[id].stage() for every record.
  [[nodiscard]] const std::vector<Stage>& stages() const { return stages_; }
  [[nodiscard]] std::uint64_t created() const { return created_; }
  [[nodiscard]] std::uint64_t released() const { return released_; }

 private:
  std::vector<Patient> records_;
  std::vector<Stage> stages_;
  std::vector<std::uint32_t> free_;
  std::uint64_t created_ = 0, released_ = 0;
  TransitionCheck check_transition_ = nullptr;
};

}  // namespace pfsim::models
