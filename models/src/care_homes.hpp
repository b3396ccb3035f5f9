#pragma once
// Permanent care homes: admissions from hospital (P3), after reablement and from the community; stays end by death.
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"
#include "locality_demand.hpp"
#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class AcuteSites;
class SchemeEffects;

class CareHomes {
 public:
  /// A bed granted to someone delayed in hospital (P3) takes them out of their bed in `sites`. `schemes` (may be
  /// null) can avoid community referrals.
  CareHomes(Context& ctx, const CareHomeSettings& settings, AcuteSites& sites, const SchemeEffects* schemes);
  void start();
  void request(std::uint32_t id);
  /// Census warm start: a resident since `admitted_at` (NaN: not known). The remaining stay is the residual of the
  /// stay distribution, or its forward-recurrence time when the admission date is not known.
  void resume(std::uint32_t id, double admitted_at);

  [[nodiscard]] const engine::Resource& beds() const { return beds_; }
  /// Beds available from now on (schemes).
  void set_capacity(int beds) { beds_.set_capacity(beds); }

 private:
  void admit(std::uint32_t id);
  void community_arrival(std::size_t locality);
  [[nodiscard]] double forward_recurrence(engine::Stream& rng) const;

  Context& ctx_;
  const CareHomeSettings& settings_;
  AcuteSites& sites_;
  const SchemeEffects* schemes_;
  engine::HandlerId granted_, died_, community_;
  engine::Resource beds_;
  std::vector<LocalityDemand> community_demand_;
  std::vector<std::string> community_origin_;
  std::vector<engine::StreamFamily> community_family_;  // [locality], of community_origin_
  std::vector<std::uint64_t> community_count_;
};

}  // namespace pfsim::models
