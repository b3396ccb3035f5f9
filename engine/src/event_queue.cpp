#include "pfsim/engine/event_queue.hpp"

#include <limits>

namespace pfsim::engine {

namespace detail {

void RadixHeap::clear() noexcept {
  ties_.clear();
  head_ = 0;
  for (unsigned level = 0; level < kLevels; ++level)
    for (unsigned digit = 0; digit < kDigits; ++digit) buckets_[level][digit].clear();
  lowest_ = all_no_key();
  digits_.fill(0);
  levels_ = 0;
  size_ = 0;
  last_ = 0;
}

// A push below last_: every pending event is re-bucketed, in bucket order, against the new, lower last_. The pushed
// event will then be alone in ties_. O(pending), so EventQueue only lets it happen when it narrows its window.
void RadixHeap::rebuild(std::uint64_t new_last) {
  scratch_.assign(ties_.begin() + static_cast<std::ptrdiff_t>(head_), ties_.end());
  for (const auto& level : buckets_)
    for (const auto& bucket : level) scratch_.insert(scratch_.end(), bucket.begin(), bucket.end());
  const std::size_t pending = size_;
  clear();
  size_ = pending;
  last_ = new_last;
  for (const Event& e : scratch_) place(e, key(e.time));
}

}  // namespace detail

namespace {

// How often the width is reconsidered (in opened buckets), the band of events per opened bucket it aims for, and the
// limits it stays within (minutes; far wider than any model needs, but a bound keeps t / width finite).
constexpr std::size_t kLookEvery = 256;
constexpr double kTooDense = 8.0;
constexpr double kAim = 3.0;
constexpr double kTooSparse = 1.5;
constexpr double kMinInvWidth = 1e-12;
constexpr double kMaxInvWidth = 1e12;

double clamp_inv_width(double v) { return std::min(std::max(v, kMinInvWidth), kMaxInvWidth); }

}  // namespace

void EventQueue::clear() noexcept {
  current_.clear();
  heads_ = all_nil();
  nodes_.clear();
  free_ = kNil;
  words_.fill(0);
  summary_ = 0;
  far_.clear();
  far_first_ = kNoFar;
  size_ = 0;
  cur_ = -kFar;
  opened_ = entered_ = far_pushes_ = 0;
  heap_limit_ = 512;
}

// The first occupied slot at or after `from` in ring order (wrapping). Precondition: summary_ != 0.
std::size_t EventQueue::next_slot(std::size_t from) const noexcept {
  std::size_t w = from >> 6;
  const std::uint64_t here = words_[w] & (~std::uint64_t{0} << (from & 63));
  if (here != 0) return (w << 6) | static_cast<std::size_t>(std::countr_zero(here));
  std::uint64_t later_words = w + 1 < kWords ? summary_ & (~std::uint64_t{0} << (w + 1)) : 0;
  // Nothing after `from`: wrap to the first occupied word, which may be w itself below `from`.
  if (later_words == 0) later_words = summary_;
  w = static_cast<std::size_t>(std::countr_zero(later_words));
  return (w << 6) | static_cast<std::size_t>(std::countr_zero(words_[w]));
}

// current_ is used up (and the queue is not empty): open the next occupied bucket, first pulling into the ring the far
// events the advanced window now reaches, so that far_ again holds only buckets ≥ cur_ + kRing.
void EventQueue::advance() {
  if (opened_ >= kLookEvery) adapt();
  if (summary_ == 0) {
    cur_ = far_first_;  // the ring is empty: jump straight to the earliest far bucket
  } else {
    const std::size_t here = static_cast<std::size_t>(static_cast<std::uint64_t>(cur_) & kMask);
    const std::size_t slot = next_slot((here + 1) & kMask);
    cur_ += static_cast<std::int64_t>((slot - here) & kMask);
  }
  if (far_first_ - cur_ < static_cast<std::int64_t>(kRing)) migrate();
  take_slot(static_cast<std::size_t>(static_cast<std::uint64_t>(cur_) & kMask), current_);
  std::make_heap(current_.begin(), current_.end(), Later{});
  ++opened_;
  entered_ += current_.size();
}

// Moves far events whose bucket the window [cur_, cur_ + kRing) now covers into their ring slots. far_ pops in time
// order and only ever pops what it is about to hand over, so later pushes to far_ (all beyond the window) never fall
// below its floor and never force a rebuild.
void EventQueue::migrate() {
  far_first_ = kNoFar;
  while (!far_.empty()) {
    const std::int64_t b = bucket(far_.min_time());
    if (b - cur_ >= static_cast<std::int64_t>(kRing)) {
      far_first_ = b;
      break;
    }
    to_ring(far_.pop(), b);
  }
}

// Why adapt: the right width depends on event density, which differs by 10^5 between the hold benchmark and a model,
// and changes within a run. Too wide, and the open bucket's heap grows (log k per event); too narrow, and more events
// land beyond the window and pay a trip through far_. Mean events per opened bucket in [1.5, 8] costs little either
// way; outside it the width is reset to aim at 3 (narrowing), or doubled (widening, only when far_ is busy enough to
// matter). The band is wide enough that one correction never triggers the opposite one.
void EventQueue::adapt() {
  const double mean = static_cast<double>(entered_) / static_cast<double>(opened_);
  const bool far_busy = far_pushes_ * 8 > entered_;
  opened_ = entered_ = far_pushes_ = 0;
  heap_limit_ = 512;
  if (mean > kTooDense) {
    rebase(clamp_inv_width(inv_width_ * mean / kAim));
  } else if (mean < kTooSparse && far_busy) {
    rebase(clamp_inv_width(inv_width_ * 0.5));
  }
}

// One bucket has swallowed many events (a burst, or the width was far too wide, as at the start of a dense run): don't
// wait for the next look, narrow now to ~4 events per bucket over the heap's time span. If the events all share one
// time no width helps; doubling the limit keeps the checks from costing more than the pushes.
void EventQueue::crowded() {
  heap_limit_ = 2 * current_.size();
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Event& e : current_) {
    lo = std::min(lo, e.time);
    hi = std::max(hi, e.time);
  }
  const double span = hi - lo;
  if (!(span > 0.0) || !std::isfinite(span)) return;
  const double inv = clamp_inv_width(static_cast<double>(current_.size()) / (4.0 * span));
  if (inv > 2.0 * inv_width_) rebase(inv);
}

// Changes the width and re-buckets the open heap and the ring (O(pending), rare). The new cur_ sits just below the
// earliest pending bucket, so afterwards current_ is empty, the ring holds the buckets before cur_ + kRing and far_
// the rest, which is the invariant push and advance rely on.
void EventQueue::rebase(double inv_width) {
  scratch_.assign(current_.begin(), current_.end());
  current_.clear();
  while (summary_ != 0) {
    const auto w = static_cast<std::size_t>(std::countr_zero(summary_));
    take_slot((w << 6) | static_cast<std::size_t>(std::countr_zero(words_[w])), scratch_);
  }
  inv_width_ = inv_width;
  // Ring and heap events are all earlier than far_'s, so in (time, seq) order they enter far_ above its contents
  // after at most one rebuild, and equal times keep their FIFO order there.
  std::sort(scratch_.begin(), scratch_.end(), earlier);
  std::int64_t first = far_.empty() ? kFar : bucket(far_.min_time());
  far_first_ = far_.empty() ? kNoFar : first;
  if (!scratch_.empty()) first = std::min(first, bucket(scratch_.front().time));
  cur_ = first - 1;
  for (const Event& e : scratch_) {
    const std::int64_t b = bucket(e.time);
    if (b - cur_ < static_cast<std::int64_t>(kRing)) {
      to_ring(e, b);
    } else {
      far_first_ = std::min(far_first_, b);
      far_.push(e);
    }
  }
  migrate();
}

}  // namespace pfsim::engine
