#include "pfsim/engine/resource.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace pfsim::engine {
namespace {
bool served_before(const auto& a, const auto& b) { return a.priority < b.priority || (a.priority == b.priority && a.seq < b.seq); }
}  // namespace

Resource::Resource(Simulator& sim, std::string name, std::int64_t capacity, HandlerId on_granted, QueueDiscipline discipline)
    : sim_(sim), name_(std::move(name)), capacity_(capacity), on_granted_(on_granted), discipline_(discipline),
      in_use_stats_(sim.now(), 0), capacity_stats_(sim.now(), static_cast<double>(capacity)), queue_stats_(sim.now(), 0) {
  if (capacity < 0) throw EngineError("resource " + name_ + ": negative capacity");
}

void Resource::record() {
  if (sim_.invariant_checks()) check_resource_counts(name_, in_use_, capacity_, queue_length());
  const double t = sim_.now();
  in_use_stats_.update(t, static_cast<double>(in_use_));
  queue_stats_.update(t, static_cast<double>(queue_length()));
}

bool Resource::request(std::uint32_t entity, std::int32_t priority) {
  if (in_use_ < capacity_ && queue_length() == 0) {
    ++in_use_;
    record();
    return true;
  }
  if (discipline_ == QueueDiscipline::Fifo) {
    fifo_.push_back(entity);
  } else {
    heap_.push_back(Waiting{priority, next_seq_++, entity});
    std::push_heap(heap_.begin(), heap_.end(), [](const Waiting& a, const Waiting& b) { return served_before(b, a); });
  }
  record();
  return false;
}

std::vector<std::uint32_t> Resource::waiting() const {
  std::vector<std::uint32_t> out = fifo_.to_vector();
  std::vector<Waiting> by_service = heap_;
  std::sort(by_service.begin(), by_service.end(), [](const Waiting& a, const Waiting& b) { return served_before(a, b); });
  for (const Waiting& w : by_service) out.push_back(w.entity);
  return out;
}

bool Resource::cancel(std::uint32_t entity) {
  bool found = fifo_.erase(entity);
  if (!found) {
    const auto it = std::find_if(heap_.begin(), heap_.end(), [entity](const Waiting& w) { return w.entity == entity; });
    if (it != heap_.end()) {
      heap_.erase(it);
      std::make_heap(heap_.begin(), heap_.end(), [](const Waiting& a, const Waiting& b) { return served_before(b, a); });
      found = true;
    }
  }
  if (found) record();
  return found;
}

bool Resource::try_acquire() {
  if (in_use_ >= capacity_) return false;
  ++in_use_;
  record();
  return true;
}

bool Resource::pop_next(std::uint32_t& entity) {
  if (!fifo_.empty()) {
    entity = fifo_.front();
    fifo_.pop_front();
    return true;
  }
  if (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), [](const Waiting& a, const Waiting& b) { return served_before(b, a); });
    entity = heap_.back().entity;
    heap_.pop_back();
    return true;
  }
  return false;
}

void Resource::grant_waiting() {
  std::uint32_t entity = 0;
  while (in_use_ < capacity_ && pop_next(entity)) {
    ++in_use_;
    sim_.schedule_in(0.0, on_granted_, entity);
  }
}

void Resource::release() {
  if (in_use_ <= 0) throw EngineError("resource " + name_ + ": release with nothing in use");
  --in_use_;
  grant_waiting();
  record();
}

void Resource::set_capacity(std::int64_t capacity) {
  if (capacity < 0) capacity = 0;
  capacity_ = capacity;
  capacity_stats_.update(sim_.now(), static_cast<double>(capacity_));
  grant_waiting();
  record();
}

void Resource::reset_statistics() {
  const double t = sim_.now();
  in_use_stats_.reset(t);
  capacity_stats_.reset(t);
  queue_stats_.reset(t);
}

std::int64_t CapacitySchedule::at(double t, int start_weekday) const {
  std::int64_t value = base;
  if (!hour_of_week.empty()) {
    const auto hours = static_cast<std::int64_t>(std::floor(t / kMinutesPerHour));
    const std::int64_t how = ((hours + static_cast<std::int64_t>(start_weekday) * 24) % 168 + 168) % 168;
    value = hour_of_week[static_cast<std::size_t>(how)];
  }
  // The last scale that has begun (scales are few: a dozen a year at most, so a scan is cheap next to the event).
  const Scale* scale = nullptr;
  for (const auto& sc : scales) {
    if (sc.from > t) break;
    scale = &sc;
  }
  if (scale) value = std::llround(static_cast<double>(value) * scale->factor);
  for (const auto& c : changes)
    if (c.at <= t) value += c.delta;
  return value < 0 ? 0 : value;
}

void attach_schedule(Simulator& sim, Resource& resource, CapacitySchedule schedule, int start_weekday) {
  auto shared = std::make_shared<CapacitySchedule>(std::move(schedule));
  resource.set_capacity(shared->at(sim.now(), start_weekday));
  const bool hourly = !shared->hour_of_week.empty();
  if (!hourly && shared->changes.empty() && shared->scales.empty()) return;
  // One event per hour boundary (hourly profile) or per dated change: both are cheap next to patient events.
  auto handler = std::make_shared<HandlerId>(0);
  *handler = sim.add_handler([&sim, &resource, shared, start_weekday, handler, hourly](std::uint32_t) {
    resource.set_capacity(shared->at(sim.now(), start_weekday));
    double next = std::numeric_limits<double>::infinity();
    if (hourly) next = (std::floor(sim.now() / kMinutesPerHour) + 1.0) * kMinutesPerHour;
    for (const auto& c : shared->changes)
      if (c.at > sim.now() && c.at < next) next = c.at;
    for (const auto& sc : shared->scales)
      if (sc.from > sim.now() && sc.from < next) next = sc.from;
    if (std::isfinite(next)) sim.schedule_at(next, *handler, 0);
  });
  double first = std::numeric_limits<double>::infinity();
  if (hourly) first = (std::floor(sim.now() / kMinutesPerHour) + 1.0) * kMinutesPerHour;
  for (const auto& c : shared->changes)
    if (c.at > sim.now() && c.at < first) first = c.at;
  for (const auto& sc : shared->scales)
    if (sc.from > sim.now() && sc.from < first) first = sc.from;
  if (std::isfinite(first)) sim.schedule_at(first, *handler, 0);
}

}  // namespace pfsim::engine
