// seasons: the ordinary English year (DESIGN §3) — monthly multipliers on conversion to admission, direct
// admissions, length of stay, A&E staffing and discharge assessment, and an ordinary winter's outbreaks.
#include "build.hpp"

namespace pfsim::loader::detail {

scenario::SeasonSettings build_seasons(const At& at, const scenario::Population& population, const std::vector<scenario::Site>& sites) {
  at.expect_map("season settings (admit, direct_admissions, los, ae_clinicians, assessment_delay, outbreaks)");
  at.check_keys({"admit", "direct_admissions", "los", "ae_clinicians", "assessment_delay", "outbreaks"});
  scenario::SeasonSettings seasons;
  if (auto v = at.get("admit")) seasons.admit = read_band_multipliers_by_month(*v, population);
  if (auto v = at.get("direct_admissions")) seasons.direct_admissions = read_band_multipliers_by_month(*v, population);
  if (auto v = at.get("los")) seasons.los = read_band_multipliers_by_month(*v, population);
  if (auto v = at.get("ae_clinicians")) seasons.ae_clinicians = read_multipliers_by_month(*v);
  if (auto v = at.get("assessment_delay")) seasons.assessment_delay = read_multipliers_by_month(*v);
  if (auto v = at.get("outbreaks")) seasons.outbreaks = read_outbreaks_by_site(*v, sites);
  return seasons;
}

}  // namespace pfsim::loader::detail
