#pragma once
// Winter's pressure on the acute beds (DESIGN §3): outbreaks that close beds, escalation beds and OPEL levels.
// Built only when the scenario has a `winter` section or ordinary-year outbreaks (`seasons.outbreaks`); outbreaks
// draw only from their own streams ("seasons/outbreaks/<site>", "winter/outbreaks/<site>"). Capacity changes go
// through each site's BedCapacity.
#include <cstdint>
#include <vector>

#include "context.hpp"

namespace pfsim::models {

class AcuteSites;

class WinterBeds {
 public:
  /// `winter` may be null (only the ordinary year's outbreaks, no escalation or OPEL).
  WinterBeds(Context& ctx, const WinterSettings* winter, AcuteSites& sites);
  /// True when the scenario has anything for this to do.
  [[nodiscard]] static bool needed(const Scenario& s) { return s.winter || (s.seasons && !s.seasons->outbreaks.empty()); }
  /// Schedules the hourly escalation checks.
  void start();
  /// Called at each midnight for the day that starts: draws the day's outbreak starts.
  void new_day(double midnight);
  /// Ends the escalation bed-day integral at `end`.
  void finish(double end);

  [[nodiscard]] int beds_closed(std::size_t site) const;
  [[nodiscard]] int escalation_open(std::size_t site) const;
  /// OPEL level 1–4 of `site` now, or 0 when winter.opel is off.
  [[nodiscard]] int opel_level(std::size_t site) const;

 private:
  struct Outbreak {
    std::size_t site;
    int beds;
    double duration;
  };
  [[nodiscard]] double core_occupancy_pct(std::size_t site) const;
  void outbreak_start(std::uint32_t index);
  void outbreak_end(std::uint32_t index);
  void check_escalation(std::size_t site);
  void set_escalation(std::size_t site, int beds);

  Context& ctx_;
  const WinterSettings* winter_;
  std::vector<const WinterOutbreaks*> outbreak_settings_;  // the ordinary year's, then winter's
  AcuteSites& sites_;
  std::vector<int> hours_above_;
  std::vector<double> escalation_since_;
  std::vector<engine::Stream> outbreak_streams_;  // one per outbreak_settings_ entry
  std::vector<Outbreak> outbreaks_;
  engine::HandlerId outbreak_start_, outbreak_end_, escalation_check_;
};

}  // namespace pfsim::models
