#pragma once
// A FIFO of entity ids in a growable power-of-two ring: push, pop and size are a few instructions, without
// std::deque's block bookkeeping (a Resource queue is pushed and popped on every wait).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pfsim::engine {

class IdFifo {
 public:
  [[nodiscard]] bool empty() const noexcept { return head_ == tail_; }
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(tail_ - head_); }
  void push_back(std::uint32_t id) {
    if (size() == ring_.size()) grow();
    ring_[static_cast<std::size_t>(tail_++ & mask_)] = id;
  }
  /// The oldest id (the queue must not be empty).
  [[nodiscard]] std::uint32_t front() const noexcept { return ring_[static_cast<std::size_t>(head_ & mask_)]; }
  void pop_front() noexcept { ++head_; }
  /// Removes the first `id` found, keeping the order of the rest; false when it is not queued. Linear: for the
  /// rare entity that leaves a queue before its turn (reneging), not for the service path.
  bool erase(std::uint32_t id) noexcept {
    for (std::uint64_t i = head_; i != tail_; ++i) {
      if (ring_[static_cast<std::size_t>(i & mask_)] != id) continue;
      for (std::uint64_t j = i + 1; j != tail_; ++j)
        ring_[static_cast<std::size_t>((j - 1) & mask_)] = ring_[static_cast<std::size_t>(j & mask_)];
      --tail_;
      return true;
    }
    return false;
  }
  /// The ids oldest first.
  [[nodiscard]] std::vector<std::uint32_t> to_vector() const {
    std::vector<std::uint32_t> out;
    out.reserve(size());
    for (std::uint64_t i = head_; i != tail_; ++i) out.push_back(ring_[static_cast<std::size_t>(i & mask_)]);
    return out;
  }

 private:
  void grow() {
    std::vector<std::uint32_t> bigger = to_vector();
    const std::size_t n = bigger.size();
    bigger.resize(ring_.empty() ? 16 : 2 * ring_.size());
    ring_ = std::move(bigger);
    mask_ = ring_.size() - 1;
    head_ = 0;
    tail_ = n;
  }
  std::vector<std::uint32_t> ring_;
  std::uint64_t head_ = 0, tail_ = 0, mask_ = 0;  // positions count up; the slot is position & mask_
};

}  // namespace pfsim::engine
