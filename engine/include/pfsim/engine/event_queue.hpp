#pragma once
// Pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) over the bit pattern of the event time,
// with insertion order (seq) breaking ties.
// Why a radix heap: a discrete-event run only ever schedules at or after the current time, which is exactly the
// monotone case a radix heap is built for. Each event moves down a few buckets by appends to plain vectors instead of
// sifting through a comparison heap with unpredictable branches: 1.5-3x the 4-ary heap it replaced at 10^4-10^6
// pending events (bench/RESULTS.md). Pop order is identical to a (time, seq) min-heap, so results are unchanged.
#include <algorithm>
#include <array>
#include <bit>
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

/// The reference order of events: by time, then by insertion counter.
inline bool earlier(const Event& a, const Event& b) noexcept {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

/// Min-priority queue of events in `earlier` order. Times must not be NaN and seq must increase from push to push (the
/// simulator's counter). Pushing a time earlier than the last one popped or peeked is allowed but rebuilds the whole
/// queue; within a run the simulator never does it (only after run_until has peeked past its limit).
/// Bucket storage is reused, so push/pop allocate nothing once the queue has reached its working size.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// The earliest event. Precondition: !empty(). Not const: it may move events between buckets.
  [[nodiscard]] const Event& top() {
    if (head_ == buckets_[0].size()) refill();
    return buckets_[0][head_];
  }

  /// Removes and returns the earliest event. Precondition: !empty().
  Event pop() {
    if (head_ == buckets_[0].size()) refill();
    --size_;
    return buckets_[0][head_++];
  }

  void push(const Event& e) {
    const std::uint64_t k = key(e.time);
    if (k < last_) rebuild(k);
    place(e, k);
    ++size_;
  }

  void clear() noexcept;

 private:
  // Bucket 0 holds the events whose key equals last_, popped from head_; bucket b ≥ 1 holds those whose key first
  // differs from last_ at bit b-1 (counting from the least significant). Every key is ≥ last_, so all of bucket b is
  // earlier than all of bucket b+1. FIFO ties need no sorting: equal keys always share a bucket, a push appends the
  // highest seq so far, and refill/rebuild move a bucket's events in order into empty buckets, so within a bucket
  // events of equal time stay in seq order.
  static constexpr unsigned kBuckets = 65;

  /// Maps a time to an unsigned integer with the same order (-0 and +0 share one key, as they compare equal).
  static std::uint64_t key(double time) noexcept {
    const auto bits = std::bit_cast<std::uint64_t>(time + 0.0);
    const auto negative = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
    return bits ^ (negative | (std::uint64_t{1} << 63));
  }

  [[nodiscard]] unsigned bucket_of(std::uint64_t k) const noexcept {
    return 64u - static_cast<unsigned>(std::countl_zero(k ^ last_));
  }

  void place(const Event& e, std::uint64_t k) {
    const unsigned b = bucket_of(k);
    buckets_[b].push_back(e);
    if (b != 0) occupied_ |= std::uint64_t{1} << (b - 1);
  }

  // Bucket 0 is used up: the lowest occupied bucket holds the next events. Its minimum becomes last_ and its events
  // spread over the (empty) lower buckets, each at least one down, the minimum and its ties into bucket 0.
  void refill() {
    buckets_[0].clear();
    head_ = 0;
    const unsigned from = static_cast<unsigned>(std::countr_zero(occupied_)) + 1;
    std::vector<Event>& source = buckets_[from];
    std::uint64_t lowest = ~std::uint64_t{0};
    for (const Event& e : source) lowest = std::min(lowest, key(e.time));
    last_ = lowest;
    occupied_ &= ~(std::uint64_t{1} << (from - 1));
    // The lower buckets keep their capacity, so after warm-up these appends do not allocate.
    for (const Event& e : source) place(e, key(e.time));
    source.clear();
  }

  void rebuild(std::uint64_t new_last);

  std::array<std::vector<Event>, kBuckets> buckets_;
  std::vector<Event> scratch_;  // reused by rebuild()
  std::size_t head_ = 0;
  std::size_t size_ = 0;
  std::uint64_t last_ = 0;
  std::uint64_t occupied_ = 0;  // bit b-1 set when bucket b ≥ 1 is non-empty
};

}  // namespace pfsim::engine
