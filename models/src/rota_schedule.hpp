#pragma once
// An hourly rota (clinicians, ambulances) as the engine's capacity schedule: Monday to Friday the weekday hours,
// Saturday and Sunday the weekend ones.
#include "pfsim/engine/resource.hpp"
#include "pfsim/models/scenario_types.hpp"

namespace pfsim::models {

inline engine::CapacitySchedule rota_schedule(const ClinicianRota& rota) {
  engine::CapacitySchedule schedule;
  schedule.hour_of_week.resize(168);
  for (std::size_t day = 0; day < 7; ++day)
    for (std::size_t hour = 0; hour < 24; ++hour)
      schedule.hour_of_week[day * 24 + hour] = day < 5 ? rota.weekday[hour] : rota.weekend[hour];
  return schedule;
}

}  // namespace pfsim::models
