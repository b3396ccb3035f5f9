#pragma once
// GP appointments: daily demand vs slots per locality; part of the unmet demand attends A&E that day.
#include <vector>

#include "context.hpp"

namespace pfsim::models {

class EmergencyDemand;

class PrimaryCare {
 public:
  /// Displaced attendances go to `demand`.
  PrimaryCare(Context& ctx, const PrimaryCareSettings& settings, EmergencyDemand& demand);
  /// Called at each midnight for the day that starts.
  void new_day(double midnight);

 private:
  Context& ctx_;
  const PrimaryCareSettings& settings_;
  EmergencyDemand& demand_;
  std::vector<engine::Stream> streams_;
  std::vector<double> hour_cumulative_;
  engine::HandlerId displaced_;
};

}  // namespace pfsim::models
