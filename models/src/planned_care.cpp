#include "planned_care.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "acute_sites.hpp"
#include "scheme_effects.hpp"

namespace pfsim::models {

namespace {
/// Month-end RTT snapshots are taken just before midnight, so the month's last day is in them and the next day's
/// events are not.
constexpr double kBeforeMidnight = 1e-3;
}  // namespace

PlannedCare::PlannedCare(Context& ctx, const PlannedCareSettings& settings, AcuteSites& sites, const SchemeEffects* schemes)
    : ctx_(ctx), settings_(settings), sites_(sites), schemes_(schemes),
      referral_(ctx.sim.add_handler([this](std::uint32_t stream) { referral(stream); })),
      listed_(ctx.sim.add_handler([this](std::uint32_t id) { listed(id); })),
      operating_(ctx.sim.add_handler([this](std::uint32_t) {
        const double now = ctx_.sim.now();
        for (std::size_t site = 0; site < settings_.sites.size(); ++site)
          if (settings_.sites[site]) operating_day(site, now);
        ctx_.sim.schedule_in(engine::kMinutesPerDay, operating_);
      })),
      discharged_(ctx.sim.add_handler([this](std::uint32_t id) { discharge(id); })),
      rebook_deadline_(ctx.sim.add_handler([this](std::uint32_t check) { rebook_deadline(check); })),
      month_end_(ctx.sim.add_handler([this](std::uint32_t month) { month_end(month); })),
      // Ward beds are taken with try_acquire and never queued for, so nothing is ever granted later.
      ward_granted_(ctx.sim.add_handler([](std::uint32_t) { throw std::logic_error("elective ward: a bed was granted from a queue"); })),
      lists_(ctx.scenario.sites.size()), in_general_beds_(ctx.scenario.sites.size(), 0) {
  const Scenario& s = ctx.scenario;
  for (std::size_t l = 0; l < s.localities(); ++l)
    for (const ElectiveSpecialty& spec : settings.specialties) {
      std::vector<double> per_person(spec.referrals_per_1000_per_year);
      for (double& r : per_person) r /= 1000.0;
      const std::string name = s.population.localities[l].name + "/" + spec.name;
      demand_.emplace_back(ctx, l, per_person, engine::RateProfile::flat(), "planned_care/referrals/" + name);
      origins_.push_back("planned_care/" + name);
      families_.push_back(ctx.family(origins_.back()));
      referrals_.push_back(0);
    }
  for (std::size_t site = 0; site < s.sites.size(); ++site) {
    const auto& es = settings.sites[site];
    wards_.push_back(es && es->ring_fenced_beds > 0 ? std::make_unique<engine::Resource>(ctx.sim, "elective_ward/" + s.sites[site].name,
                                                                                          es->ring_fenced_beds, ward_granted_)
                                                    : nullptr);
  }
  for (std::size_t site = 0; site < s.sites.size(); ++site)
    if (wards_[site] && settings.sites[site]->escalation_beds_from_ward)
      sites_[site].capacity().open_escalation_on(*wards_[site], settings.sites[site]->ring_fenced_beds);
  const MeasuredMonths& months = ctx.recorder.months();
  const std::size_t days = ctx.recorder.days();
  for (std::size_t d = 0; d < days && d < months.month_of_day.size(); ++d)
    if (d + 1 == days || months.month_of_day[d + 1] != months.month_of_day[d])
      month_ends_.push_back(ctx.measure_from + static_cast<double>(d + 1) * engine::kMinutesPerDay - kBeforeMidnight);
  if (settings.defer)
    for (const auto& [from, to] : settings.defer->periods)
      deferred_.emplace_back(ctx.calendar.time_of(from), ctx.calendar.time_of(to) + engine::kMinutesPerDay);
}

void PlannedCare::start() {
  for (std::size_t k = 0; k < demand_.size(); ++k) {
    const double first = demand_[k].next(ctx_.sim.now());
    if (std::isfinite(first)) ctx_.sim.schedule_at(first, referral_, static_cast<std::uint32_t>(k));
  }
  const double first_list = settings_.admit_hour * engine::kMinutesPerHour;
  ctx_.sim.schedule_at(ctx_.sim.now() + first_list, operating_);
  for (std::size_t m = 0; m < month_ends_.size(); ++m) ctx_.sim.schedule_at(month_ends_[m], month_end_, static_cast<std::uint32_t>(m));
}

void PlannedCare::begin_measuring() {
  for (auto& ward : wards_)
    if (ward) ward->reset_statistics();
}

std::uint32_t PlannedCare::new_case() {
  if (free_.empty()) {
    cases_.emplace_back();
    return static_cast<std::uint32_t>(cases_.size() - 1);
  }
  const std::uint32_t id = free_.back();
  free_.pop_back();
  return id;
}

void PlannedCare::free_case(std::uint32_t id) {
  Case& c = cases_[id];
  const std::uint32_t generation = c.generation + 1;
  c = Case{};
  c.generation = generation;
  free_.push_back(id);
}

std::size_t PlannedCare::choose_site(std::size_t locality, double u) const {
  const std::vector<double>& shares = settings_.site_choice[locality];
  std::size_t last = 0;
  for (std::size_t site = 0; site < shares.size(); ++site) {
    if (shares[site] <= 0) continue;
    last = site;
    u -= shares[site];
    if (u <= 0) return site;
  }
  return last;
}

void PlannedCare::referral(std::uint32_t stream) {
  const double now = ctx_.sim.now();
  const std::size_t specialties = settings_.specialties.size();
  const std::size_t locality = stream / specialties;
  const ElectiveSpecialty& spec = settings_.specialties[stream % specialties];
  LocalityDemand& demand = demand_[stream];
  const std::size_t band = demand.pick_band(now);
  const std::uint64_t index = referrals_[stream]++;
  const double next = demand.next(now);
  if (std::isfinite(next)) ctx_.sim.schedule_at(next, referral_, stream);
  // Referral management avoids this referral (its number is still used up, so nobody else's draws move).
  if (schemes_ && schemes_->has(SchemeTarget::ElectiveReferrals) &&
      schemes_->avoided(SchemeTarget::ElectiveReferrals, now, locality, band, origins_[stream], index))
    return;
  engine::Stream rng = families_[stream].entity(index);

  // Every referral makes the same draws in the same order whatever the capacity (common random numbers).
  const std::size_t site = choose_site(locality, rng.uniform());
  double admitted_share = spec.admitted_share;
  if (schemes_ && schemes_->has(SchemeTarget::ElectiveAdmittedShare))
    admitted_share = std::clamp(schemes_->change(SchemeTarget::ElectiveAdmittedShare, now, locality, band, site).apply(admitted_share), 0.0, 1.0);
  const bool admitted = rng.uniform() < admitted_share;
  ctx_.recorder.elective_referral(now, site, locality);
  if (!admitted) {
    non_admitted_pathway(now, now + std::max(0.0, spec.non_admitted_wait.sample(rng)), site, locality);
    return;
  }
  const std::uint32_t id = new_case();
  Case& c = cases_[id];
  c.clock_start = now;
  c.specialty = static_cast<std::uint16_t>(stream % specialties);
  c.site = static_cast<std::uint16_t>(site);
  c.locality = static_cast<std::uint16_t>(locality);
  c.band = static_cast<std::uint8_t>(band);
  const double to_list = std::max(0.0, spec.decision_to_list.sample(rng));
  double u = rng.uniform();
  c.priority = kElectivePriorities - 1;
  for (std::size_t p = 0; p < kElectivePriorities; ++p) {
    u -= spec.priority_share[p];
    if (u <= 0 && spec.priority_share[p] > 0) {
      c.priority = static_cast<std::uint8_t>(p);
      break;
    }
  }
  c.day_case = rng.uniform() < spec.day_case_share;
  // A case longer than a session takes a whole session (lists are planned in sessions).
  const double session = settings_.sites[site]->session_minutes;
  c.minutes = static_cast<float>(std::clamp(spec.case_minutes.sample(rng), 1.0, session));
  if (!c.day_case) c.los = static_cast<float>(std::max(0.0, spec.los.sample(rng)));
  c.state = State::Referred;
  ctx_.sim.schedule_in(to_list, listed_, id);
}

void PlannedCare::non_admitted_pathway(double start, double stop, std::size_t site, std::size_t locality) {
  // Not capacity-limited, so its month-end snapshots are known now: no event is needed.
  for (auto it = std::lower_bound(month_ends_.begin(), month_ends_.end(), start); it != month_ends_.end() && *it < stop; ++it)
    ctx_.recorder.rtt_open_at_month_end(static_cast<std::size_t>(it - month_ends_.begin()), *it - start, site, locality);
}

void PlannedCare::listed(std::uint32_t id) {
  Case& c = cases_[id];
  c.state = State::Listed;
  c.listed_at = ctx_.sim.now();
  SiteLists& lists = lists_[c.site];
  (c.day_case ? lists.day_case : lists.inpatient)[c.priority].push({c.clock_start, id});
}

bool PlannedCare::deferred(std::size_t priority, double now) const {
  if (!settings_.defer || !settings_.defer->priorities[priority]) return false;
  return std::any_of(deferred_.begin(), deferred_.end(), [now](const auto& period) { return now >= period.first && now < period.second; });
}

bool PlannedCare::book(std::uint32_t id, std::vector<double>& room) {
  const double minutes = cases_[id].minutes;
  for (double& left : room)
    if (left >= minutes) {
      left -= minutes;
      return true;
    }
  return false;
}

void PlannedCare::operating_day(std::size_t site, double now) {
  const ElectiveSite& es = *settings_.sites[site];
  const auto weekday = static_cast<std::size_t>(ctx_.calendar.weekday(now));
  const int sessions = es.sessions[weekday];
  if (sessions <= 0) return;
  ctx_.recorder.theatre_sessions(now, site, sessions * es.session_minutes);
  std::vector<double> room(static_cast<std::size_t>(sessions), es.session_minutes);
  SiteLists& lists = lists_[site];
  // The list is planned first (in order, stopping at the first case that fits no session), then treated.
  std::vector<std::uint32_t> booked;
  // The bed plan: inpatients booked today, rebookings included, up to the weekday's limit.
  int inpatient_places = es.inpatients_per_day.empty() ? std::numeric_limits<int>::max() : es.inpatients_per_day[weekday];
  bool full = false;
  while (!lists.rebooking.empty() && cases_[lists.rebooking.front()].rebook_from <= now && inpatient_places > 0) {
    if ((full = !book(lists.rebooking.front(), room))) break;
    booked.push_back(lists.rebooking.front());
    lists.rebooking.pop_front();
    --inpatient_places;
  }
  for (std::size_t p = 0; p < kElectivePriorities && !full; ++p) {
    List& day_cases = lists.day_case[p];
    List* inpatients = deferred(p, now) ? nullptr : &lists.inpatient[p];
    for (;;) {
      if (inpatient_places <= 0) inpatients = nullptr;
      const bool has_day = !day_cases.empty(), has_in = inpatients && !inpatients->empty();
      if (!has_day && !has_in) break;
      List& from = !has_in ? day_cases : !has_day ? *inpatients : (inpatients->top() > day_cases.top() ? day_cases : *inpatients);
      if ((full = !book(from.top().id, room))) break;
      booked.push_back(from.top().id);
      if (&from != &day_cases) --inpatient_places;
      from.pop();
    }
  }
  for (std::uint32_t id : booked) treat(id, now);
}

void PlannedCare::treat(std::uint32_t id, double now) {
  Case& c = cases_[id];
  const std::size_t site = c.site;
  if (!c.day_case) {
    engine::Resource* ward = wards_[site].get();
    const bool in_ward = ward && ward->try_acquire();
    const bool overflow = ward && settings_.sites[site]->overflow_to_general_beds;
    if (!in_ward && (ward && !overflow ? true : !sites_[site].take_elective_bed())) {
      // Cancelled on the day for want of a bed (a non-clinical reason): rebooked, and due within the standard.
      ctx_.recorder.elective_cancelled(now, site, c.locality);
      c.state = State::Rebooking;
      c.cancelled_at = now;
      // The new date is a morning list whole days later (a minute's slack so that list is in).
      c.rebook_from = now + settings_.rebook_after_days * engine::kMinutesPerDay - 1.0;
      lists_[site].rebooking.push_back(id);
      rebook_checks_.push_back({id, c.generation, now});
      if (ctx_.recorder.measured(now)) ctx_.recorder.follow_up_pending();
      ctx_.sim.schedule_in(settings_.rebook_within_days * engine::kMinutesPerDay, rebook_deadline_,
                           static_cast<std::uint32_t>(rebook_checks_.size() - 1));
      return;
    }
    c.in_ward = in_ward;
    if (!c.in_ward) ++in_general_beds_[site];
  }
  const bool within_target = now - c.listed_at <= settings_.target_days[c.priority] * engine::kMinutesPerDay;
  ctx_.recorder.elective_treated(now, c.clock_start, c.day_case, within_target, c.minutes, site, c.locality);
  if (c.day_case) return free_case(id);
  c.state = State::InBed;
  c.admitted_at = now;
  ctx_.sim.schedule_in(c.los, discharged_, id);
}

void PlannedCare::discharge(std::uint32_t id) {
  Case& c = cases_[id];
  if (c.in_ward) {
    wards_[c.site]->release();
  } else {
    --in_general_beds_[c.site];
    sites_[c.site].release_elective_bed();
  }
  ctx_.recorder.elective_stay(c.admitted_at, ctx_.sim.now(), c.site, c.locality);
  free_case(id);
}

void PlannedCare::rebook_deadline(std::uint32_t check) {
  const RebookCheck& chk = rebook_checks_[check];
  const Case& c = cases_[chk.id];
  // Still the same person (a case is freed only once treated) and still waiting for a new date: a breach.
  if (c.generation == chk.generation && c.state == State::Rebooking)
    ctx_.recorder.elective_not_rebooked(chk.cancelled_at, c.site, c.locality);
  if (ctx_.recorder.measured(chk.cancelled_at)) ctx_.recorder.follow_up_done();
}

void PlannedCare::month_end(std::uint32_t month) {
  const double now = ctx_.sim.now();
  for (const Case& c : cases_)
    if (c.state == State::Referred || c.state == State::Listed || c.state == State::Rebooking)
      ctx_.recorder.rtt_open_at_month_end(month, now - c.clock_start, c.site, c.locality);
  ctx_.recorder.rtt_snapshot_taken(month);
}

std::size_t PlannedCare::waiting(std::size_t site) const {
  const SiteLists& lists = lists_[site];
  std::size_t n = lists.rebooking.size();
  for (std::size_t p = 0; p < kElectivePriorities; ++p) n += lists.day_case[p].size() + lists.inpatient[p].size();
  return n;
}

void PlannedCare::midnight_census(double now, Recorder::Census& c) {
  constexpr double k21Days = 21.0 * engine::kMinutesPerDay;
  const auto& adult = ctx_.scenario.population.band_is_adult;
  for (const Case& e : cases_) {
    if (e.state != State::InBed) continue;
    c.elective_in_beds += 1;
    ctx_.recorder.in_bed_at_midnight(e.site, e.locality, nullptr, adult[e.band] && now - e.admitted_at >= k21Days);
  }
  for (std::size_t site = 0; site < wards_.size(); ++site) {
    c.elective_waiting += static_cast<double>(waiting(site));
    if (!wards_[site]) continue;
    // KH03 counts every G&A bed, elective wards included.
    const engine::Resource& w = *wards_[site];
    c.beds_occupied += static_cast<double>(w.in_use());
    c.beds_available += static_cast<double>(w.capacity());
    c.beds_available_by_site[site] += static_cast<double>(w.capacity());
    c.occupied_area += w.in_use_stats().area(now);
    c.available_area += w.capacity_stats().area(now);
  }
}

void PlannedCare::finish(double end) {
  for (const Case& c : cases_)
    if (c.state == State::InBed) ctx_.recorder.elective_stay(c.admitted_at, end, c.site, c.locality);
}

}  // namespace pfsim::models
