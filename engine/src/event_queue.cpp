#include "pfsim/engine/event_queue.hpp"

namespace pfsim::engine {

void EventQueue::clear() noexcept {
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

// A push below last_ (after run_until peeked past its limit and the model then scheduled something sooner): every
// pending event is re-bucketed, in bucket order, against the new, lower last_. The pushed event will then be alone in
// ties_. O(pending), but it happens at most once per run_until, not per event.
void EventQueue::rebuild(std::uint64_t new_last) {
  scratch_.assign(ties_.begin() + static_cast<std::ptrdiff_t>(head_), ties_.end());
  for (const auto& level : buckets_)
    for (const auto& bucket : level) scratch_.insert(scratch_.end(), bucket.begin(), bucket.end());
  const std::size_t pending = size_;
  clear();
  size_ = pending;
  last_ = new_last;
  for (const Event& e : scratch_) place(e, key(e.time));
}

}  // namespace pfsim::engine
