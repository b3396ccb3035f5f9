#pragma once
// Pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) with 64-way levels over the bit pattern of
// the event time, insertion order (seq) breaking ties.
// Why a radix heap: a discrete-event run only ever schedules at or after the current time, which is exactly the
// monotone case a radix heap is built for. Each event moves down a few buckets by appends to plain vectors instead of
// sifting through a comparison heap with unpredictable branches: 2-2.4x the 4-ary heap it replaced at 10^4 pending
// events, ~4x at 10^6 (bench/RESULTS.md). Pop order is identical to a (time, seq) min-heap, so results are unchanged.
// Why not a calendar-queue front (ring of time buckets, the open one a small heap, this radix heap for far events):
// tried (commit aae1bd4; its differential tests stay in tests/engine). On the models it saved only ~2.5 % of all
// instructions, too little to see in CPU time on the shared machine, while the hold benchmark lost 39 % at 10^4
// pending: with a few events per bucket, opening buckets and fetching their cold events cost about what the radix
// heap's ~4 placements per event cost (bench/RESULTS.md, 2026-11-27).
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
    if (head_ == ties_.size()) refill();
    return ties_[head_];
  }

  /// Removes and returns the earliest event. Precondition: !empty().
  Event pop() {
    if (head_ == ties_.size()) refill();
    --size_;
    return ties_[head_++];
  }

  void push(const Event& e) {
    const std::uint64_t k = key(e.time);
    if (k < last_) rebuild(k);
    place(e, k);
    ++size_;
  }

  void clear() noexcept;

 private:
  // Keys are cut into 6-bit digits; level L is digit L counted from the least significant (level 10 has 4 bits).
  // ties_ holds the events whose key equals last_, popped from head_. Bucket (L, d) holds those whose highest digit
  // differing from last_ is L, with value d there (d > last_'s digit). Every key is ≥ last_, so the buckets in
  // (L, d) order hold ever later events: ties_, then (0, ·), (1, ·), ... Six bits, because one 64-bit word then marks
  // the occupied digits of a level, and because an event is then placed ~4 times from push to pop at 10^4 pending
  // (1-bit levels, the textbook radix heap: ~8 times, and ~40 % slower).
  // FIFO ties need no sorting: equal keys always share a bucket, a push appends the highest seq so far, and refill and
  // rebuild move a bucket's events in order into empty buckets, so within a bucket equal times stay in seq order.
  static constexpr unsigned kDigitBits = 6;
  static constexpr unsigned kLevels = (64 + kDigitBits - 1) / kDigitBits;
  static constexpr unsigned kDigits = 1u << kDigitBits;
  static constexpr std::uint64_t kNoKey = ~std::uint64_t{0};

  /// Maps a time to an unsigned integer with the same order (-0 and +0 share one key, as they compare equal).
  static std::uint64_t key(double time) noexcept {
    const auto bits = std::bit_cast<std::uint64_t>(time + 0.0);
    const auto negative = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
    return bits ^ (negative | (std::uint64_t{1} << 63));
  }

  void place(const Event& e, std::uint64_t k) {
    const std::uint64_t differ = k ^ last_;
    if (differ == 0) {
      ties_.push_back(e);
      return;
    }
    const unsigned level = (63u - static_cast<unsigned>(std::countl_zero(differ))) / kDigitBits;
    const unsigned digit = static_cast<unsigned>(k >> (level * kDigitBits)) & (kDigits - 1);
    buckets_[level][digit].push_back(e);
    lowest_[level][digit] = std::min(lowest_[level][digit], k);
    digits_[level] |= std::uint64_t{1} << digit;
    levels_ |= 1u << level;
  }

  // ties_ is used up: the first occupied bucket holds the next events. Its lowest key becomes last_ and its events
  // move to lower levels, the earliest (and its equal-time followers) into ties_.
  void refill() {
    ties_.clear();
    head_ = 0;
    const auto level = static_cast<unsigned>(std::countr_zero(levels_));
    const auto digit = static_cast<unsigned>(std::countr_zero(digits_[level]));
    digits_[level] &= ~(std::uint64_t{1} << digit);
    if (digits_[level] == 0) levels_ &= ~(1u << level);
    last_ = lowest_[level][digit];
    lowest_[level][digit] = kNoKey;
    std::vector<Event>& source = buckets_[level][digit];
    // The lower buckets keep their capacity, so after warm-up these appends do not allocate.
    for (const Event& e : source) place(e, key(e.time));
    source.clear();
  }

  void rebuild(std::uint64_t new_last);

  std::vector<Event> ties_;
  std::size_t head_ = 0;
  std::array<std::array<std::vector<Event>, kDigits>, kLevels> buckets_;
  std::array<std::array<std::uint64_t, kDigits>, kLevels> lowest_ = all_no_key();  // minimum key per bucket
  std::array<std::uint64_t, kLevels> digits_{};  // bit d of digits_[L]: bucket (L, d) is occupied
  std::uint32_t levels_ = 0;                     // bit L: some bucket of level L is occupied
  std::size_t size_ = 0;
  std::uint64_t last_ = 0;
  std::vector<Event> scratch_;  // reused by rebuild()

  static std::array<std::array<std::uint64_t, kDigits>, kLevels> all_no_key() noexcept {
    std::array<std::array<std::uint64_t, kDigits>, kLevels> a;
    for (auto& level : a) level.fill(kNoKey);
    return a;
  }
};

}  // namespace pfsim::engine
