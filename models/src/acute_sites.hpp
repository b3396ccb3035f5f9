#pragma once
// The acute beds of every site, by site index; a patient's own site is p.site.
#include <cstdint>
#include <memory>
#include <vector>

#include "acute_beds.hpp"

namespace pfsim::models {

class AcuteSites {
 public:
  /// `discharge` is only stored, so it may be constructed after this (the two call each other).
  AcuteSites(Context& ctx, const CarePathway& pathway, Discharge& discharge) : ctx_(ctx) {
    for (std::size_t site = 0; site < ctx.scenario.sites.size(); ++site)
      sites_.push_back(std::make_unique<AcuteBeds>(ctx, site, ctx.scenario.sites[site].general_beds, pathway, discharge));
  }

  [[nodiscard]] std::size_t size() const { return sites_.size(); }
  AcuteBeds& operator[](std::size_t site) { return *sites_[site]; }
  const AcuteBeds& operator[](std::size_t site) const { return *sites_[site]; }
  /// The patient leaves their acute bed (at p.site) now.
  void leave(std::uint32_t id) { sites_[ctx_.patients[id].site]->leave(id); }
  /// The patient dies in their acute bed now.
  void die(std::uint32_t id) { sites_[ctx_.patients[id].site]->die(id); }

 private:
  Context& ctx_;
  std::vector<std::unique_ptr<AcuteBeds>> sites_;
};

}  // namespace pfsim::models
