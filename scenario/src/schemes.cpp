#include "pfsim/scenario/schemes.hpp"

#include <algorithm>

namespace pfsim::scenario {

namespace {
bool contains_or_empty(const std::vector<std::size_t>& list, std::size_t value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

bool SchemeFilter::matches(std::size_t locality, std::size_t band, std::size_t site, int pathway, Condition condition) const {
  if (!contains_or_empty(localities, locality) || !contains_or_empty(bands, band) || !contains_or_empty(sites, site)) return false;
  if (!conditions.empty() && std::find(conditions.begin(), conditions.end(), condition) == conditions.end()) return false;
  return pathways.empty() || pathway == 0 || std::find(pathways.begin(), pathways.end(), pathway) != pathways.end();
}

}  // namespace pfsim::scenario
