#pragma once
// Pending-event set: a calendar queue (Brown 1988) in front of a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990),
// insertion order (seq) breaking ties, so pop order is exactly that of a (time, seq) min-heap and results are unchanged.
// Why two tiers: pfsim's models keep a few hundred to a few thousand events pending, most of them minutes ahead
// (arrivals, treatment ends) and some days to years ahead (bed stays, care-home deaths). The calendar ring places a
// near event once, by one multiply, and the bucket being drained is a heap of a handful of events; the radix heap
// alone placed each event ~4 times, because a time minutes ahead differs from the last key around bit 37 of the
// double. Far events still go through the radix heap, which is built for exactly this monotone case, and move into
// the ring once when the window reaches them (bench/RESULTS.md, 2026-11-27).
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
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

namespace detail {

/// Radix heap with 64-way levels over the bit pattern of the event time; the far tier of EventQueue.
/// Pushing a time earlier than the last one popped is allowed but rebuilds the whole heap; EventQueue only does it
/// when it narrows its calendar window (rare), never per event.
class RadixHeap {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Time of the earliest event without moving anything: unlike a peek that refills, it does not raise the floor
  /// below which a push forces a rebuild, so EventQueue can ask "is the window there yet?" for free. Precondition:
  /// !empty().
  [[nodiscard]] double min_time() const noexcept {
    if (head_ != ties_.size()) return ties_[head_].time;
    const auto level = static_cast<unsigned>(std::countr_zero(levels_));
    const auto digit = static_cast<unsigned>(std::countr_zero(digits_[level]));
    return time_of(lowest_[level][digit]);
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
  // the occupied digits of a level, and because fewer, wider levels move each event fewer times (1-bit levels, the
  // textbook radix heap, were ~40 % slower).
  // FIFO ties need no sorting: equal keys always share a bucket, a push appends the highest seq so far, and refill and
  // rebuild move a bucket's events in order into empty buckets, so within a bucket equal times stay in seq order.
  static constexpr unsigned kDigitBits = 6;
  static constexpr unsigned kLevels = (64 + kDigitBits - 1) / kDigitBits;
  static constexpr unsigned kDigits = 1u << kDigitBits;
  static constexpr std::uint64_t kNoKey = ~std::uint64_t{0};
  static constexpr std::uint64_t kSign = std::uint64_t{1} << 63;

  /// Maps a time to an unsigned integer with the same order (-0 and +0 share one key, as they compare equal).
  static std::uint64_t key(double time) noexcept {
    const auto bits = std::bit_cast<std::uint64_t>(time + 0.0);
    const auto negative = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
    return bits ^ (negative | kSign);
  }
  static double time_of(std::uint64_t k) noexcept {
    return std::bit_cast<double>((k & kSign) != 0 ? k ^ kSign : ~k);
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

}  // namespace detail

/// Min-priority queue of events in `earlier` order. Times must not be NaN and seq must increase from push to push (the
/// simulator's counter). Any time may be pushed at any moment, including one earlier than the last popped or peeked.
/// Storage is reused, so push/pop allocate nothing once the queue has reached its working size.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// The earliest event. Precondition: !empty(). Not const: it may open the next bucket.
  [[nodiscard]] const Event& top() {
    if (current_.empty()) advance();
    return current_.front();
  }

  /// Removes and returns the earliest event. Precondition: !empty().
  Event pop() {
    if (current_.empty()) advance();
    std::pop_heap(current_.begin(), current_.end(), Later{});
    const Event e = current_.back();
    current_.pop_back();
    --size_;
    return e;
  }

  void push(const Event& e) {
    ++size_;
    const std::int64_t b = bucket(e.time);
    if (b <= cur_) {
      // The open bucket, or earlier (a time before what run_until peeked): the heap orders it exactly either way.
      current_.push_back(e);
      std::push_heap(current_.begin(), current_.end(), Later{});
      ++entered_;
      if (current_.size() > heap_limit_) crowded();
      return;
    }
    const auto ahead = static_cast<std::uint64_t>(b - cur_);
    if (ahead < kRing) {
      to_ring(e, b);
      return;
    }
    ++far_pushes_;
    far_first_ = std::min(far_first_, b);
    far_.push(e);
  }

  void clear() noexcept;

  /// Number of calendar buckets ahead of the open one before events go to the far tier. For tests.
  static constexpr std::size_t kRingBuckets = 4096;
  /// Current calendar bucket width (time units); it adapts to event density. For tests and diagnostics.
  [[nodiscard]] double bucket_width() const noexcept { return 1.0 / inv_width_; }

 private:
  // Bucket b holds the times t with floor(t / width) == b. That index never decreases as t grows, so a lower bucket
  // only holds earlier times and equal times share a bucket: ordering buckets, then (time, seq) inside the open one,
  // is the (time, seq) order. current_ is a binary heap of every event with bucket ≤ cur_; ring slot b mod kRing holds
  // the unsorted events of bucket b for cur_ < b < cur_ + kRing; far_ holds the rest (all later than the ring's).
  // kRing = 4096 slots reach ~3 days ahead at the 1-minute width the models settle at, so only long stays and deaths
  // go to far_; one summary word over 64 occupancy words finds the next occupied slot in two countr_zero.
  static constexpr std::size_t kRing = kRingBuckets;
  static constexpr std::size_t kMask = kRing - 1;
  static constexpr std::size_t kWords = kRing / 64;
  // Bucket indices are clamped to ±2^61 (times beyond, including ±infinity, share the end buckets), so cur_ + kRing
  // and b - cur_ never overflow; clamping only merges buckets at the extremes, which keeps their order.
  static constexpr double kFarD = 0x1p61;
  static constexpr std::int64_t kFar = std::int64_t{1} << 61;
  static constexpr std::int64_t kNoFar = std::int64_t{1} << 62;  // far_first_ when far_ is empty

  // A function object, not a function pointer, so the heap algorithms inline the comparison.
  struct Later {
    bool operator()(const Event& a, const Event& b) const noexcept { return earlier(b, a); }
  };

  [[nodiscard]] std::int64_t bucket(double t) const noexcept {
    const double x = t * inv_width_;
    if (x >= 0.0) return x < kFarD ? static_cast<std::int64_t>(x) : kFar;
    return x > -kFarD ? static_cast<std::int64_t>(std::floor(x)) : -kFar;
  }

  // Ring slots are singly linked lists through one node pool, newest first (the open bucket's heap sorts them). Why
  // not a vector per slot: 4096 vector headers and as many separate buffers are mostly cold when a model keeps a few
  // hundred events pending, and those cache misses cost more than the calendar saved; the list heads are 16 KB and
  // freed nodes are reused last-in first-out, so the nodes in use stay in a small, warm part of the pool.
  static constexpr std::uint32_t kNil = ~std::uint32_t{0};
  struct Node {
    Event event;
    std::uint32_t next;
  };

  void to_ring(const Event& e, std::int64_t b) {
    const auto slot = static_cast<std::size_t>(static_cast<std::uint64_t>(b) & kMask);
    std::uint32_t n = free_;
    if (n != kNil) {
      free_ = nodes_[n].next;
      nodes_[n] = Node{e, heads_[slot]};
    } else {
      n = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(Node{e, heads_[slot]});
    }
    heads_[slot] = n;
    words_[slot >> 6] |= std::uint64_t{1} << (slot & 63);
    summary_ |= std::uint64_t{1} << (slot >> 6);
  }

  /// Appends slot's events to `out`, returns its nodes to the free list and marks the slot empty.
  void take_slot(std::size_t slot, std::vector<Event>& out) {
    std::uint32_t n = heads_[slot];
    std::uint32_t last = n;
    while (n != kNil) {
      out.push_back(nodes_[n].event);
      last = n;
      n = nodes_[n].next;
    }
    nodes_[last].next = free_;
    free_ = heads_[slot];
    heads_[slot] = kNil;
    words_[slot >> 6] &= ~(std::uint64_t{1} << (slot & 63));
    if (words_[slot >> 6] == 0) summary_ &= ~(std::uint64_t{1} << (slot >> 6));
  }

  void advance();
  void adapt();
  void crowded();
  void rebase(double inv_width);
  void migrate();
  [[nodiscard]] std::size_t next_slot(std::size_t from) const noexcept;

  std::vector<Event> current_;  // heap (by `later`) of the open bucket and anything pushed at or before it
  std::int64_t cur_ = -kFar;    // the open bucket; starts below everything, so the first events go via far_
  double inv_width_ = 1.0;      // 1 / bucket width; 1 minute fits the models' 3-10 events per minute at the start
  std::array<std::uint32_t, kRing> heads_ = all_nil();  // first node of each ring slot's list
  std::vector<Node> nodes_;
  std::uint32_t free_ = kNil;  // first free node
  std::array<std::uint64_t, kWords> words_{};  // bit s%64 of words_[s/64]: ring slot s is occupied
  std::uint64_t summary_ = 0;                  // bit w: words_[w] != 0
  detail::RadixHeap far_;
  std::int64_t far_first_ = kNoFar;  // bucket of far_'s earliest event, so advance() need not ask far_ each time
  std::size_t size_ = 0;
  // Width adaptation (see advance()): buckets opened and events that entered current_ since the last look, pushes
  // that went to far_, and the heap size that triggers an early look when one bucket swallows too much.
  std::size_t opened_ = 0;
  std::size_t entered_ = 0;
  std::size_t far_pushes_ = 0;
  std::size_t heap_limit_ = 512;
  std::vector<Event> scratch_;  // reused by rebase()

  static std::array<std::uint32_t, kRing> all_nil() noexcept {
    std::array<std::uint32_t, kRing> a;
    a.fill(kNil);
    return a;
  }
};

}  // namespace pfsim::engine
