#include "pfsim/engine/event_queue.hpp"

namespace pfsim::engine {

void EventQueue::clear() noexcept {
  for (auto& bucket : buckets_) bucket.clear();
  head_ = 0;
  size_ = 0;
  last_ = 0;
  occupied_ = 0;
}

// A push below last_ (after run_until peeked past its limit and the model then scheduled something sooner): every
// pending event is re-bucketed, in bucket order, against the new, lower last_. The pushed event will then be alone in
// bucket 0. O(pending), but it happens at most once per run_until, not per event.
void EventQueue::rebuild(std::uint64_t new_last) {
  scratch_.clear();
  scratch_.insert(scratch_.end(), buckets_[0].begin() + static_cast<std::ptrdiff_t>(head_), buckets_[0].end());
  for (unsigned b = 1; b < kBuckets; ++b) scratch_.insert(scratch_.end(), buckets_[b].begin(), buckets_[b].end());
  const std::size_t pending = size_;
  clear();
  size_ = pending;
  last_ = new_last;
  for (const Event& e : scratch_) place(e, key(e.time));
}

}  // namespace pfsim::engine
