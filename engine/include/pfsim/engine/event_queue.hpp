#pragma once
// Pending-event set: a 4-ary min-heap keyed by (time, seq).
// Why 4-ary: half the depth of a binary heap and the four children share a cache line pair, which
// makes pop (the dominant cost of a discrete-event run) faster than std::priority_queue.
#include <cstdint>
#include <vector>

namespace pfsim::engine {

/// One scheduled event: what to run (handler tag + entity id) and when.
/// `seq` is the insertion counter, so equal times pop in scheduling order (FIFO) — runs are deterministic.
struct Event {
  double time;
  std::uint64_t seq;
  std::uint32_t handler;
  std::uint32_t entity;
};

inline bool earlier(const Event& a, const Event& b) noexcept {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

/// 4-ary heap of events. Storage grows geometrically and is reused, so push/pop allocate nothing
/// once the heap has reached its working size.
class EventQueue {
 public:
  void reserve(std::size_t n) { heap_.reserve(n); }
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  [[nodiscard]] const Event& top() const noexcept { return heap_.front(); }
  void clear() noexcept { heap_.clear(); }

  void push(const Event& e) {
    heap_.push_back(e);
    sift_up(heap_.size() - 1);
  }

  /// Removes and returns the earliest event. Precondition: !empty().
  Event pop() noexcept {
    Event top_event = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return top_event;
  }

 private:
  static constexpr std::size_t kArity = 4;

  void sift_up(std::size_t i) noexcept {
    Event moving = heap_[i];
    while (i > 0) {
      std::size_t parent = (i - 1) / kArity;
      if (!earlier(moving, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = moving;
  }

  // Places `moving` (the former last element) starting from the root: a hole moves down.
  void sift_down(const Event& moving) noexcept {
    const std::size_t n = heap_.size();
    std::size_t i = 0;
    for (;;) {
      std::size_t first = i * kArity + 1;
      if (first >= n) break;
      std::size_t best = first;
      std::size_t last = first + kArity < n ? first + kArity : n;
      for (std::size_t c = first + 1; c < last; ++c)
        if (earlier(heap_[c], heap_[best])) best = c;
      if (!earlier(heap_[best], moving)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = moving;
  }

  std::vector<Event> heap_;
};

}  // namespace pfsim::engine
