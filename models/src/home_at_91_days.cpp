#include "home_at_91_days.hpp"

#include <cmath>

#include "care_pathway.hpp"

namespace pfsim::models {

namespace {
// Own home or extra-care housing counts; so does reablement or a virtual ward (both at home) and waiting at home for
// a care-home place. A hospital bed, an intermediate-care bed or a care home does not.
bool at_home(Stage stage) {
  switch (stage) {
    case Stage::AtHome:
    case Stage::InReablement:
    case Stage::InVirtualWard:
    case Stage::AwaitingCareHome: return true;
    default: return false;
  }
}
}  // namespace

HomeAt91Days::HomeAt91Days(Context& ctx) : ctx_(ctx), due_(ctx.sim.add_handler([this](std::uint32_t id) { day_91(id); })) {}

void HomeAt91Days::discharged(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  const double now = ctx_.sim.now();
  if (!std::isnan(p.ascof_day91) || !ctx_.scenario.population.band_is_65plus[p.band] || !ctx_.recorder.in_home_at_91d_cohort(now)) return;
  p.ascof_day91 = now + k91Days;
  ctx_.recorder.home_at_91d_pending();
  ctx_.sim.schedule_at(p.ascof_day91, due_, id);
}

void HomeAt91Days::day_91(std::uint32_t id) {
  Patient& p = ctx_.patients[id];
  // The record may have been freed (the person left before day 91 and was counted then) and reused since.
  if (p.stage() == Stage::Free || p.ascof_day91 != ctx_.sim.now()) return;
  settle(p, at_home(p.stage()));
}

void HomeAt91Days::left(std::uint32_t id, Leaving how) { settle(ctx_.patients[id], how == Leaving::Home); }

void HomeAt91Days::settle(Patient& p, bool home) {
  p.ascof_day91 = kNever;
  ctx_.recorder.home_at_91d(home, p.site, p.locality);
}

void HomeAt91Days::settle_pending() {
  for (std::uint32_t id = 0; id < ctx_.patients.stages().size(); ++id) {
    Patient& p = ctx_.patients[id];
    if (p.stage() != Stage::Free && !std::isnan(p.ascof_day91)) settle(p, at_home(p.stage()));
  }
}

}  // namespace pfsim::models
