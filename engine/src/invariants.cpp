#include "pfsim/engine/invariants.hpp"

#include <cmath>

#include <fmt/format.h>

namespace pfsim::engine {

void check_clock_advance(double now, double next_event_time) {
  if (!(next_event_time >= now) || std::isnan(next_event_time))
    throw InvariantError(fmt::format("invariant broken: the clock would run backwards from {} to {} minutes", now, next_event_time));
}

void check_resource_counts(const std::string& resource, std::int64_t in_use, std::int64_t capacity, std::size_t queued) {
  if (in_use < 0) throw InvariantError(fmt::format("invariant broken: resource {} has {} units in use", resource, in_use));
  if (capacity < 0) throw InvariantError(fmt::format("invariant broken: resource {} has capacity {}", resource, capacity));
  if (queued > 0 && in_use < capacity)
    throw InvariantError(fmt::format("invariant broken: resource {} has {} of {} units free while {} wait", resource,
                                     capacity - in_use, capacity, queued));
}

}  // namespace pfsim::engine
