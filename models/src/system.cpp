#include "pfsim/models/system.hpp"

#include <functional>
#include <optional>

#include <fmt/format.h>

#include "pfsim/models/invariants.hpp"
#include "census_state.hpp"
#include "router.hpp"
#include "scheme_effects.hpp"
#include "services.hpp"

namespace pfsim::models {

namespace {
constexpr double k21Days = 21.0 * engine::kMinutesPerDay;

engine::Calendar calendar_for(const RunSettings& run) {
  // Simulated time 0 is the first warm-up day, so the calendar starts warmup_days before start_date.
  return engine::Calendar(std::chrono::year_month_day{std::chrono::sys_days{run.start_date} - std::chrono::days{run.warmup_days}});
}
}  // namespace

Context::Context(const Scenario& s, std::uint64_t rep)
    : scenario(s), replication(rep), calendar(calendar_for(s.run)), population(s.population),
      recorder(s.run.warmup_days * engine::kMinutesPerDay, s.run.days, s.sites.size(), s.ae.site_choice,
               measured_months(s.run.start_date, s.run.days)),
      measure_from(s.run.warmup_days * engine::kMinutesPerDay),
      measure_to((s.run.warmup_days + s.run.days) * engine::kMinutesPerDay) {
  sim.set_invariant_checks(s.run.check_invariants);
}

std::uint32_t Context::new_patient(const std::string& origin, std::uint64_t index, std::size_t locality, std::size_t band) {
  return new_patient(family(origin), index, locality, band);
}

std::uint32_t Context::new_patient(const engine::StreamFamily& origin, std::uint64_t index, std::size_t locality, std::size_t band) {
  const std::uint32_t id = patients.acquire();
  Patient& p = patients[id];
  p = Patient(origin.entity(index));
  p.locality = static_cast<std::uint16_t>(locality);
  p.band = static_cast<std::uint8_t>(band);
  return id;
}

/// All services of one replication, wired together, plus the midnight routine.
class Wiring {
 public:
  explicit Wiring(Context& ctx) : ctx_(ctx), demand_(ctx), discharge_(ctx), after_discharge_(ctx) {
    const Scenario& s = ctx.scenario;
    Services& services = ctx.services;
    services.demand = &demand_;
    services.discharge = &discharge_;
    services.after_discharge = &after_discharge_;
    for (std::size_t site = 0; site < s.sites.size(); ++site) {
      beds_.push_back(std::make_unique<AcuteBeds>(ctx, site, s.sites[site].general_beds));
      services.beds_by_site.push_back(beds_.back().get());
      if (s.sites[site].ae) eds_.push_back(std::make_unique<EmergencyDepartment>(ctx, site, *s.sites[site].ae));
      services.ed_by_site.push_back(s.sites[site].ae ? eds_.back().get() : nullptr);
    }
    if (s.reablement) services.reablement = &reablement_.emplace(ctx, *s.reablement, Stage::InReablement, "reablement");
    if (s.intermediate_care)
      services.intermediate_care = &intermediate_care_.emplace(ctx, *s.intermediate_care, Stage::InIntermediateCare, "intermediate_care");
    if (s.care_homes) services.care_homes = &care_homes_.emplace(ctx, *s.care_homes);
    if (s.primary_care) services.primary_care = &primary_care_.emplace(ctx, *s.primary_care);
    if (s.winter) services.winter = &winter_.emplace(ctx, *s.winter);
    if (s.schemes) services.schemes = &schemes_.emplace(ctx, sample_delivery(*s.schemes, s.run.seed, ctx.replication));
    if (s.routing) services.router = &router_.emplace(ctx, *s.routing);
  }

  void start() {
    demand_.start();
    if (care_homes_) care_homes_->start();
    if (winter_) winter_->start();
    if (schemes_) schemes_->start();
    ctx_.sim.every_day([this](std::int64_t day) { midnight(day); }, 0);
    const engine::HandlerId begin_measuring = ctx_.sim.add_handler([this](std::uint32_t) {
      for (auto& b : beds_) b->beds().reset_statistics();
    });
    ctx_.sim.schedule_at(ctx_.measure_from, begin_measuring);
    // Last, so the first midnight (day 0) sees the census in place and a run without one schedules nothing new.
    if (ctx_.scenario.census) place_census(ctx_);
  }

  /// Called at every midnight after the day's checks, before the day's events (census snapshots, pilot runs).
  void on_midnight(std::function<void(std::int64_t day)> hook) { on_midnight_ = std::move(hook); }

  ReplicationResult finish() {
    const double end = ctx_.measure_to;
    if (winter_) winter_->finish(end);
    // Patients still in a bed when the run ends contribute their bed-time and delayed days so far.
    for (const Patient& p : ctx_.patients.all()) {
      if (p.stage() != Stage::InBed && p.stage() != Stage::Delayed) continue;
      ctx_.recorder.bed_stay(p.admitted_at, end, p.locality);
      if (p.stage() == Stage::Delayed && ctx_.scenario.discharge)
        ctx_.recorder.delayed_period(p.medically_fit_at, end, ctx_.scenario.discharge->attribution[static_cast<std::size_t>(p.episode.pathway)],
                                     p.site, p.locality);
    }
    const Scenario& s = ctx_.scenario;
    const double from_years = Context::years(ctx_.measure_from), to_years = Context::years(end);
    Recorder::Denominators den;
    const std::vector<bool> all(s.bands(), true);
    const Eigen::ArrayXd people = ctx_.population.mean_over(from_years, to_years, all);
    const Eigen::ArrayXd people_65 = ctx_.population.mean_over(from_years, to_years, s.population.band_is_65plus);
    const Eigen::ArrayXd adults = ctx_.population.mean_over(from_years, to_years, s.population.band_is_adult);
    den.population = people.sum();
    den.adults = adults.sum();
    den.aged_65plus = people_65.sum();
    den.locality_population.assign(people.begin(), people.end());
    den.locality_adults.assign(adults.begin(), adults.end());
    den.locality_65plus.assign(people_65.begin(), people_65.end());
    double occupied = 0;
    for (auto& b : beds_) {
      den.site_occupied_area.push_back(b->beds().in_use_stats().area(end));
      den.site_available_area.push_back(b->beds().capacity_stats().area(end));
      occupied += den.site_occupied_area.back();
    }
    ReplicationResult r = ctx_.recorder.finish(den);
    r.bed_days = occupied / engine::kMinutesPerDay;
    if (schemes_) {
      r.schemes.delivered = schemes_->delivered();
      const auto& schemes = s.schemes->schemes;
      for (std::size_t i = 0; i < schemes.size(); ++i) r.schemes.money_gbp.push_back(r.schemes.delivered[i] * schemes[i].value_gbp);
      for (double m : r.schemes.money_gbp) r.schemes.total_gbp += m;
    }
    if (router_) r.travel = router_->finish();
    r.events = ctx_.sim.events_executed();
    r.patients_created = ctx_.patients.created();
    return r;
  }

 private:
  void midnight(std::int64_t day) {
    const double now = ctx_.sim.now();
    // One walk over the patients serves both the conservation check and the census (it dominates midnight's cost).
    const bool measured = ctx_.recorder.measured(now - engine::kMinutesPerDay);
    Recorder::Census c;
    const std::uint64_t in_system = walk_patients(measured, c);
    check_conservation(day, in_system);
    if (ctx_.sim.invariant_checks()) check_flow(flow_snapshot(day));
    if (measured) census(ctx_.recorder.day(now - engine::kMinutesPerDay), c);
    if (primary_care_) primary_care_->new_day(now);
    if (winter_) winter_->new_day(now);
    if (on_midnight_) on_midnight_(day);
  }

  // Every person created is either still somewhere in the system or has left it: nobody is lost or duplicated.
  // Counts the people in the system; when `measured`, also adds the midnight bed census of each to the recorder and c.
  std::uint64_t walk_patients(bool measured, Recorder::Census& c) {
    const Scenario& s = ctx_.scenario;
    const double now = ctx_.sim.now();
    std::uint64_t in_system = 0;
    // The stage array is a byte per patient; only people in a bed have their record read.
    const std::vector<Stage>& stages = ctx_.patients.stages();
    for (std::uint32_t id = 0; id < stages.size(); ++id) {
      const Stage stage = stages[id];
      in_system += stage != Stage::Free;
      if (!measured || (stage != Stage::InBed && stage != Stage::Delayed)) continue;
      const Patient& p = ctx_.patients[id];
      const bool delayed_adult = stage == Stage::Delayed && s.population.band_is_adult[p.band];
      c.delayed += delayed_adult;
      ctx_.recorder.in_bed_at_midnight(p.site, p.locality, delayed_adult, now - p.admitted_at >= k21Days);
    }
    return in_system;
  }

  void check_conservation(std::int64_t day, std::uint64_t in_system) {
    const std::uint64_t created = ctx_.patients.created(), left = ctx_.patients.released();
    if (created != left + in_system)
      throw ModelError(fmt::format("patient conservation broken on day {} of replication {}: {} arrived, {} left, {} in system",
                                   day, ctx_.replication, created, left, in_system));
  }

  // Where the patients are, counted by walking them and from the services' resources (for check_flow).
  FlowSnapshot flow_snapshot(std::int64_t day) const {
    const Scenario& s = ctx_.scenario;
    FlowSnapshot snap;
    snap.day = day;
    snap.replication = ctx_.replication;
    snap.now = ctx_.sim.now();
    snap.created = ctx_.patients.created();
    snap.left = ctx_.patients.released();
    for (std::size_t site = 0; site < beds_.size(); ++site) {
      const engine::Resource& b = beds_[site]->beds();
      snap.sites.push_back({s.sites[site].name, {b.in_use(), b.capacity(), b.queue_length()}, 0, 0});
    }
    std::int64_t reabling = 0, in_ic = 0, in_care_home = 0, awaiting_care_home = 0;
    std::array<std::int64_t, kPathways> delayed_by_pathway{};
    for (std::uint32_t id = 0; id < ctx_.patients.all().size(); ++id) {
      const Patient& p = ctx_.patients[id];
      std::string wrong;
      if (ctx_.patients.stages()[id] != p.stage())
        wrong = fmt::format("stage array says {} for patient {} at stage {}", static_cast<int>(ctx_.patients.stages()[id]), id,
                            static_cast<int>(p.stage()));
      if (!wrong.empty() && snap.inconsistent_patients++ == 0) snap.first_inconsistency = wrong;
      if (p.stage() == Stage::Free) continue;
      ++snap.in_system;
      wrong.clear();
      if (p.locality >= s.localities()) wrong = fmt::format("locality {} of {}", p.locality, s.localities());
      switch (p.stage()) {
        case Stage::AwaitingBed: ++snap.sites.at(p.site).awaiting; break;
        case Stage::InBed:
        case Stage::Delayed:
          ++snap.sites.at(p.site).occupants;
          if (!(p.admitted_at <= snap.now)) wrong = fmt::format("in a bed, admitted at {} after now {}", p.admitted_at, snap.now);
          if (p.stage() == Stage::Delayed) {
            ++delayed_by_pathway[static_cast<std::size_t>(p.episode.pathway)];
            if (!(p.medically_fit_at >= p.admitted_at && p.medically_fit_at <= snap.now))
              wrong = fmt::format("delayed, medically fit at {} outside admission {} .. now {}", p.medically_fit_at, p.admitted_at, snap.now);
          }
          break;
        case Stage::InReablement: ++reabling; break;
        case Stage::InIntermediateCare: ++in_ic; break;
        case Stage::InCareHome: ++in_care_home; break;
        case Stage::AwaitingCareHome: ++awaiting_care_home; break;
        default: break;
      }
      if (!wrong.empty() && snap.inconsistent_patients++ == 0) snap.first_inconsistency = wrong;
    }
    const auto held = [](const engine::Resource& r) { return HeldUnits{r.in_use(), r.capacity(), r.queue_length()}; };
    const auto delayed = [&](Pathway k) { return delayed_by_pathway[static_cast<std::size_t>(k)]; };
    if (reablement_) snap.services.push_back({"reablement", held(reablement_->capacity()), reabling, delayed(Pathway::P1)});
    if (intermediate_care_) snap.services.push_back({"intermediate care", held(intermediate_care_->capacity()), in_ic, delayed(Pathway::P2)});
    if (care_homes_)
      snap.services.push_back({"care homes", held(care_homes_->beds()), in_care_home, awaiting_care_home + delayed(Pathway::P3)});
    return snap;
  }

  // The rest of the census of `day`, after walk_patients() has counted the people in beds into c.
  void census(std::size_t day, Recorder::Census& c) {
    const Scenario& s = ctx_.scenario;
    const double now = ctx_.sim.now();
    for (std::size_t site = 0; site < beds_.size(); ++site) {
      const engine::Resource& b = beds_[site]->beds();
      c.beds_occupied += static_cast<double>(b.in_use());
      c.beds_available += static_cast<double>(b.capacity());
      c.occupied_area += b.in_use_stats().area(now);
      c.available_area += b.capacity_stats().area(now);
    }
    if (winter_) {
      c.opel_by_site.assign(s.sites.size(), 0);
      for (std::size_t site = 0; site < s.sites.size(); ++site) {
        c.beds_closed += winter_->beds_closed(site);
        c.escalation_open += winter_->escalation_open(site);
        c.opel_by_site[site] = winter_->opel_level(site);
        c.opel_level = std::max(c.opel_level, static_cast<double>(c.opel_by_site[site]));
      }
    }
    if (reablement_) c.reablement = static_cast<double>(reablement_->capacity().in_use());
    if (intermediate_care_) c.intermediate_care = static_cast<double>(intermediate_care_->capacity().in_use());
    if (care_homes_) c.care_home = static_cast<double>(care_homes_->beds().in_use());
    ctx_.recorder.census(day, c);
  }

  Context& ctx_;
  EmergencyDemand demand_;
  Discharge discharge_;
  AfterDischarge after_discharge_;
  std::vector<std::unique_ptr<AcuteBeds>> beds_;
  std::vector<std::unique_ptr<EmergencyDepartment>> eds_;
  std::optional<DownstreamCare> reablement_, intermediate_care_;
  std::optional<CareHomes> care_homes_;
  std::optional<PrimaryCare> primary_care_;
  std::optional<Winter> winter_;
  std::optional<SchemeEffects> schemes_;
  std::function<void(std::int64_t)> on_midnight_;
  std::optional<Router> router_;
};

System::System(const Scenario& scenario, std::uint64_t replication) : context_(std::make_unique<Context>(scenario, replication)) {}
System::~System() = default;

ReplicationResult System::run() {
  Context& ctx = *context_;
  Wiring wiring(ctx);
  wiring.start();
  ctx.sim.run_until(ctx.measure_to);
  return wiring.finish();
}

ReplicationResult System::run(const std::function<void(std::int64_t day)>& on_day) {
  Context& ctx = *context_;
  Wiring wiring(ctx);
  if (on_day) wiring.on_midnight(on_day);
  wiring.start();
  ctx.sim.run_until(ctx.measure_to);
  return wiring.finish();
}

Census System::census_at(std::int64_t day) {
  Context& ctx = *context_;
  Wiring wiring(ctx);
  std::optional<Census> census;
  wiring.on_midnight([&](std::int64_t d) {
    if (d != day) return;
    census = take_census(ctx);
    ctx.sim.stop();
  });
  wiring.start();
  ctx.sim.run_until(static_cast<double>(day + 1) * engine::kMinutesPerDay);
  if (!census) throw ModelError(fmt::format("census_at: day {} was never reached", day));
  return std::move(*census);
}

std::vector<std::vector<double>> System::midnight_bed_occupancy() {
  Context& ctx = *context_;
  Wiring wiring(ctx);
  std::vector<std::vector<double>> occupied(ctx.scenario.sites.size());
  wiring.on_midnight([&](std::int64_t day) {
    if (day == 0) return;
    for (std::size_t site = 0; site < occupied.size(); ++site)
      occupied[site].push_back(static_cast<double>(ctx.services.beds_by_site[site]->beds().in_use()));
  });
  wiring.start();
  ctx.sim.run_until(ctx.measure_to);
  return occupied;
}

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication) {
  if (scenario.schemes) return run_with_counterfactual(scenario, replication);
  return System(scenario, replication).run();
}

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication,
                                  const std::function<void(std::int64_t day)>& on_day) {
  if (scenario.schemes || !on_day) return run_replication(scenario, replication);
  return System(scenario, replication).run(on_day);
}

}  // namespace pfsim::models
