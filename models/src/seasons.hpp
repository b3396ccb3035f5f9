#pragma once
// The ordinary year's monthly multipliers (scenario `seasons:`, DESIGN §3), with a bad winter's (`winter:`) on top
// where both change the same thing. Pure lookups by simulated time: nothing here draws a random number, so a season
// changes what happens to a person, never which draws they get (common random numbers hold across seasons).
#include <array>
#include <optional>
#include <vector>

#include "pfsim/engine/resource.hpp"
#include "pfsim/engine/time.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

class Seasons {
 public:
  using ByMonthAndBand = std::array<std::vector<double>, kMonths>;

  Seasons(const Scenario& scenario, const engine::Calendar& calendar);

  /// × ae.outcomes.admit for an attendance at `t`.
  [[nodiscard]] double admit(double t, std::size_t band) const { return by_band(admit_, t, band); }
  /// × the acute length of stay of an admission at `t` (seasons.los × winter.los_multiplier).
  [[nodiscard]] double los(double t, std::size_t band) const;
  /// × a P1–P3 assessment delay that starts (the patient is medically fit) at `t`.
  [[nodiscard]] double assessment_delay(double t) const;
  /// Monthly multipliers on A&E arrivals ([month][band]), or null for none.
  [[nodiscard]] const ByMonthAndBand* ae_arrivals() const { return ae_arrivals_ ? &*ae_arrivals_ : nullptr; }
  /// Monthly multipliers on direct admissions, or null for none; when seasons.direct_admissions is given they
  /// replace ae.arrival_profile.month for direct admissions (direct_replaces_month()).
  [[nodiscard]] const ByMonthAndBand* direct_arrivals() const { return direct_arrivals_ ? &*direct_arrivals_ : nullptr; }
  [[nodiscard]] bool direct_replaces_month() const { return season_ && season_->direct_admissions; }
  /// Scales for an A&E rota from seasons.ae_clinicians: one per month boundary from time 0 to `until`, or none.
  [[nodiscard]] std::vector<engine::CapacitySchedule::Scale> ae_clinician_scales(double until) const;

 private:
  [[nodiscard]] std::size_t month(double t) const { return static_cast<std::size_t>(calendar_.month(t)); }
  [[nodiscard]] double by_band(const ByMonthAndBand* m, double t, std::size_t band) const { return m ? (*m)[month(t)][band] : 1.0; }

  const engine::Calendar& calendar_;
  const SeasonSettings* season_;
  const WinterSettings* winter_;
  const ByMonthAndBand* admit_ = nullptr;  // the season's, or null: looked up per attendance and per stay
  const ByMonthAndBand* los_ = nullptr;
  std::optional<ByMonthAndBand> ae_arrivals_, direct_arrivals_;
};

}  // namespace pfsim::models
