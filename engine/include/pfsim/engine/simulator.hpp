#pragma once
// The event loop: a clock, the pending-event set, and handlers addressed by small integer tags.
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "pfsim/engine/event_queue.hpp"
#include "pfsim/engine/invariants.hpp"
#include "pfsim/engine/time.hpp"

namespace pfsim::engine {

/// Identifies a registered handler; cheap to copy and store in an event.
using HandlerId = std::uint32_t;

/// Returned by schedule(); pass to cancel() to drop an event before it fires.
struct EventHandle {
  std::uint64_t seq = 0;
};

/// Thrown when the engine is used against its contract (e.g. scheduling into the past).
class EngineError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Discrete-event simulator. Handlers are registered once (an allocation at set-up time); each event
/// then carries only a handler tag and an entity id, so the hot path allocates nothing.
class Simulator {
 public:

  /// Current simulated time in minutes since the start of the run.
  [[nodiscard]] double now() const noexcept { return now_; }
  /// Number of events executed so far (for throughput figures).
  [[nodiscard]] std::uint64_t events_executed() const noexcept { return executed_; }
  [[nodiscard]] std::size_t pending() const noexcept { return queue_.size(); }

  /// Turns run-time invariant checks on or off (default: on in debug builds, off in release).
  void set_invariant_checks(bool on) noexcept { checks_ = on; }
  [[nodiscard]] bool invariant_checks() const noexcept { return checks_; }

  /// Registers a handler (any callable taking the entity id) and returns its tag. Handlers live as long as the
  /// simulator.
  template <class F>
    requires std::invocable<std::decay_t<F>&, std::uint32_t>
  HandlerId add_handler(F&& handler) {
    using Fn = std::decay_t<F>;
    auto owned = std::make_unique<Fn>(std::forward<F>(handler));
    handlers_.push_back(Dispatch{owned.get(), [](void* target, std::uint32_t entity) {
                                   (*static_cast<Fn*>(target))(entity);
                                 }});
    owners_.emplace_back(owned.release(), [](void* target) { delete static_cast<Fn*>(target); });
    return static_cast<HandlerId>(handlers_.size() - 1);
  }

  /// Schedules `handler(entity)` at absolute time `at` (≥ now). Equal times run in scheduling order.
  EventHandle schedule_at(double at, HandlerId handler, std::uint32_t entity = 0) {
    if (!(at >= now_)) throw EngineError("schedule_at: time " + std::to_string(at) + " is before now " + std::to_string(now_));
    const std::uint64_t seq = next_seq_++;
    queue_.push(Event{at, seq, handler, entity});
    return EventHandle{seq};
  }
  /// Schedules `handler(entity)` after `delay` minutes (≥ 0).
  EventHandle schedule_in(double delay, HandlerId handler, std::uint32_t entity = 0) {
    return schedule_at(now_ + delay, handler, entity);
  }

  /// Drops a pending event; it will not run. Cancelling an event that already ran is a no-op.
  void cancel(EventHandle handle) {
    if (handle.seq < next_seq_) cancelled_.insert(handle.seq);
  }

  /// Calls `callback(day_index)` at every midnight from `first_day` on (day 0 = simulation start).
  /// Each midnight event is scheduled a day ahead, so it runs before model events that were scheduled for
  /// the same instant during that day: a daily census sees the state at the end of the previous day.
  void every_day(std::function<void(std::int64_t day)> callback, std::int64_t first_day = 1) {
    daily_.push_back(std::move(callback));
    if (daily_.size() == 1) {
      daily_handler_ = add_handler([this](std::uint32_t day) {
        for (auto& cb : daily_) cb(static_cast<std::int64_t>(day));
        schedule_at(static_cast<double>(day + 1) * kMinutesPerDay, daily_handler_, day + 1);
      });
      schedule_at(static_cast<double>(first_day) * kMinutesPerDay, daily_handler_, static_cast<std::uint32_t>(first_day));
    }
  }

  /// Runs events with time ≤ `until`; the clock then stands at `until`.
  void run_until(double until) {
    stopped_ = false;
    while (!queue_.empty() && queue_.top().time <= until && !stopped_) step();
    if (!stopped_ && until > now_ && until < std::numeric_limits<double>::infinity()) now_ = until;
  }
  /// Runs until no events remain or stop() is called.
  void run() { run_until(std::numeric_limits<double>::infinity()); }
  /// Ends the current run_until/run after the event being executed.
  void stop() noexcept { stopped_ = true; }

 private:
  void step() {
    const Event e = queue_.pop();
    if (!cancelled_.empty()) {
      auto it = cancelled_.find(e.seq);
      if (it != cancelled_.end()) {
        cancelled_.erase(it);
        return;
      }
    }
    if (checks_) check_clock_advance(now_, e.time);
    now_ = e.time;
    ++executed_;
    const Dispatch& d = handlers_[e.handler];
    d.call(d.target, e.entity);
  }

  // Why not a vector of std::function: it cannot hold move-only handlers, and each handler object allocated once
  // keeps a stable address however many handlers follow. Dispatch is one indirect call to a thunk with the handler
  // inlined; that saves only the emptiness check (~0.5 % of instructions on the models, bench/RESULTS.md 2026-11-27).
  struct Dispatch {
    void* target;
    void (*call)(void* target, std::uint32_t entity);
  };

  double now_ = 0.0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t executed_ = 0;
  bool stopped_ = false;
  bool checks_ = kInvariantChecksByDefault;
  EventQueue queue_;
  std::vector<Dispatch> handlers_;
  std::vector<std::unique_ptr<void, void (*)(void*)>> owners_;
  std::unordered_set<std::uint64_t> cancelled_;
  std::vector<std::function<void(std::int64_t)>> daily_;
  HandlerId daily_handler_ = 0;
};

}  // namespace pfsim::engine
