#pragma once
// Counted capacity (clinicians, beds, packages) with a FIFO or priority queue and a time-varying capacity.
#include <cstdint>
#include <string>
#include <vector>

#include "pfsim/engine/fifo.hpp"
#include "pfsim/engine/simulator.hpp"
#include "pfsim/engine/stats.hpp"

namespace pfsim::engine {

enum class QueueDiscipline { Fifo, Priority };

/// A pool of identical units. Entities ask for one unit; when none is free they wait in the queue and the
/// `on_granted` handler fires (as an event at the grant time) when a unit becomes theirs.
/// Cutting capacity below the number in use never pre-empts: it only stops new grants until use falls.
class Resource {
 public:
  Resource(Simulator& sim, std::string name, std::int64_t capacity, HandlerId on_granted,
           QueueDiscipline discipline = QueueDiscipline::Fifo);

  /// Asks for one unit for `entity`. Returns true when granted at once (no event fires); otherwise the
  /// entity waits and `on_granted(entity)` runs later. Lower `priority` is served first (Priority discipline).
  bool request(std::uint32_t entity, std::int32_t priority = 0);
  /// Takes `entity` out of the queue (it gives up waiting: leaves without being seen). False when it is not
  /// waiting, e.g. because a unit was granted to it and its `on_granted` event has not run yet.
  bool cancel(std::uint32_t entity);
  /// Takes a unit only if one is free now (loss systems, Erlang B); never queues.
  bool try_acquire();
  /// Gives back one unit and grants it to the next waiting entity, if capacity allows.
  void release();
  /// Sets the number of units available from now on; extra capacity is granted to waiting entities at once.
  void set_capacity(std::int64_t capacity);

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] std::int64_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] std::int64_t in_use() const noexcept { return in_use_; }
  [[nodiscard]] std::size_t queue_length() const noexcept { return fifo_.size() + heap_.size(); }
  [[nodiscard]] std::int64_t free_units() const noexcept { return capacity_ > in_use_ ? capacity_ - in_use_ : 0; }
  /// The waiting entities in the order they will be served (e.g. to write a census of a queue).
  [[nodiscard]] std::vector<std::uint32_t> waiting() const;
  /// Time-weighted statistics since the last reset_statistics().
  [[nodiscard]] const TimeWeighted& in_use_stats() const noexcept { return in_use_stats_; }
  [[nodiscard]] const TimeWeighted& capacity_stats() const noexcept { return capacity_stats_; }
  [[nodiscard]] const TimeWeighted& queue_stats() const noexcept { return queue_stats_; }
  void reset_statistics();

 private:
  struct Waiting {
    std::int32_t priority;
    std::uint64_t seq;
    std::uint32_t entity;
  };
  void grant_waiting();
  void record();
  bool pop_next(std::uint32_t& entity);

  Simulator& sim_;
  std::string name_;
  std::int64_t capacity_;
  std::int64_t in_use_ = 0;
  HandlerId on_granted_;
  QueueDiscipline discipline_;
  IdFifo fifo_;
  std::vector<Waiting> heap_;
  std::uint64_t next_seq_ = 0;
  TimeWeighted in_use_stats_, capacity_stats_, queue_stats_;
};

/// Capacity over time: an hour-of-week profile (168 values, Monday 00:00 first) or a constant, scaled by dated
/// factors (e.g. a rota staffed 5 % lighter in August), plus dated step changes that add to it from their time on
/// (e.g. a ward opening on 1 December).
struct CapacitySchedule {
  std::vector<std::int64_t> hour_of_week;  // empty → constant `base`
  std::int64_t base = 0;
  struct Change {
    double at;            // minutes since start
    std::int64_t delta;   // added from `at` on
  };
  std::vector<Change> changes;
  struct Scale {
    double from;          // minutes since start; each scale holds until the next one's `from`
    double factor;        // the profile (or base) × factor, rounded to the nearest whole unit
  };
  std::vector<Scale> scales;  // in increasing `from`; empty → factor 1 throughout

  /// Capacity at time `t` given the weekday (0 = Monday) of simulated time 0.
  [[nodiscard]] std::int64_t at(double t, int start_weekday) const;
};

/// Drives `resource` from `schedule`: sets it now, at every hour boundary (hourly profile) and at every dated
/// change or scale.
void attach_schedule(Simulator& sim, Resource& resource, CapacitySchedule schedule, int start_weekday);

}  // namespace pfsim::engine
