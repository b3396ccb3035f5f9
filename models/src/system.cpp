#include "pfsim/models/system.hpp"

#include <optional>

#include <fmt/format.h>

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
      recorder(s.run.warmup_days * engine::kMinutesPerDay, s.run.days, s.sites.size(), s.localities(),
               measured_months(s.run.start_date, s.run.days)),
      measure_from(s.run.warmup_days * engine::kMinutesPerDay),
      measure_to((s.run.warmup_days + s.run.days) * engine::kMinutesPerDay) {}

std::uint32_t Context::new_patient(const std::string& origin, std::uint64_t index, std::size_t locality, std::size_t band) {
  const std::uint32_t id = patients.acquire();
  Patient& p = patients[id];
  p = Patient{};
  p.rng = engine::Stream::for_entity(scenario.run.seed, replication, origin, index);
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
  }

  ReplicationResult finish() {
    const double end = ctx_.measure_to;
    if (winter_) winter_->finish(end);
    // Patients still delayed when the run ends contribute their delayed days so far.
    if (ctx_.scenario.discharge)
      for (const Patient& p : ctx_.patients.all())
        if (p.stage == Stage::Delayed)
          ctx_.recorder.delayed_period(p.medically_fit_at, end, ctx_.scenario.discharge->attribution[static_cast<std::size_t>(p.episode.pathway)]);
    const Scenario& s = ctx_.scenario;
    const double from_years = Context::years(ctx_.measure_from), to_years = Context::years(end);
    Recorder::Denominators den;
    const std::vector<bool> all(s.bands(), true);
    const Eigen::ArrayXd people = ctx_.population.mean_over(from_years, to_years, all);
    const Eigen::ArrayXd people_65 = ctx_.population.mean_over(from_years, to_years, s.population.band_is_65plus);
    den.population = people.sum();
    den.adults = ctx_.population.mean_over(from_years, to_years, s.population.band_is_adult).sum();
    den.aged_65plus = people_65.sum();
    den.locality_population.assign(people.begin(), people.end());
    den.locality_65plus.assign(people_65.begin(), people_65.end());
    double occupied = 0, available = 0;
    for (auto& b : beds_) {
      const double o = b->beds().in_use_stats().area(end), a = b->beds().capacity_stats().area(end);
      den.site_bed_occupancy_pct.push_back(a > 0 ? 100.0 * o / a : 0.0);
      occupied += o;
      available += a;
    }
    den.bed_occupancy_pct = available > 0 ? 100.0 * occupied / available : 0.0;
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
    check_conservation(day);
    if (ctx_.recorder.measured(now - engine::kMinutesPerDay)) census(ctx_.recorder.day(now - engine::kMinutesPerDay));
    if (primary_care_) primary_care_->new_day(now);
    if (winter_) winter_->new_day(now);
  }

  // Every person created is either still somewhere in the system or has left it: nobody is lost or duplicated.
  void check_conservation(std::int64_t day) {
    std::uint64_t in_system = 0;
    for (const Patient& p : ctx_.patients.all()) in_system += p.stage != Stage::Free;
    const std::uint64_t created = ctx_.patients.created(), left = ctx_.patients.released();
    if (created != left + in_system)
      throw ModelError(fmt::format("patient conservation broken on day {} of replication {}: {} arrived, {} left, {} in system",
                                   day, ctx_.replication, created, left, in_system));
  }

  void census(std::size_t day) {
    const Scenario& s = ctx_.scenario;
    const double now = ctx_.sim.now();
    Recorder::Census c;
    c.delayed_by_site.assign(s.sites.size(), 0.0);
    c.delayed_by_locality.assign(s.localities(), 0.0);
    for (const Patient& p : ctx_.patients.all()) {
      if (p.stage != Stage::InBed && p.stage != Stage::Delayed) continue;
      if (now - p.admitted_at >= k21Days) c.los_over_21d += 1;
      if (p.stage == Stage::Delayed && s.population.band_is_adult[p.band]) {
        c.delayed += 1;
        c.delayed_by_site[p.site] += 1;
        c.delayed_by_locality[p.locality] += 1;
      }
    }
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

ReplicationResult run_replication(const Scenario& scenario, std::uint64_t replication) {
  if (scenario.schemes) return run_with_counterfactual(scenario, replication);
  return System(scenario, replication).run();
}

}  // namespace pfsim::models
