#pragma once
// The one writer of a site's acute-bed capacity. Capacity = max(0, general − closed by outbreaks) + escalation
// beds open, where schemes change the general beds and winter closes and opens the others. The engine's Resource
// never pre-empts, so closing beds only stops new admissions until occupancy falls.
#include <algorithm>
#include <cstdint>

#include "pfsim/engine/resource.hpp"

namespace pfsim::models {

class BedCapacity {
 public:
  BedCapacity(engine::Resource& beds, int general) : beds_(beds), general_(general) {}

  /// A scheme changed the site's general beds (closed and escalation beds still apply on top).
  void set_general(int beds) {
    general_ = beds;
    apply();
  }
  /// An outbreak closes `beds` general beds; reopen() when it ends.
  void close(int beds) {
    closed_ += beds;
    apply();
  }
  void reopen(int beds) {
    closed_ -= beds;
    apply();
  }
  void set_escalation(int beds) {
    escalation_ = beds;
    apply();
  }

  /// General beds open now: the core that escalation and OPEL measure occupancy against.
  [[nodiscard]] int open_general() const { return std::max(0, general_ - closed_); }
  [[nodiscard]] int closed() const { return std::min(closed_, general_); }
  [[nodiscard]] int escalation_open() const { return escalation_; }
  [[nodiscard]] std::int64_t occupied() const { return beds_.in_use(); }
  [[nodiscard]] std::size_t waiting() const { return beds_.queue_length(); }

 private:
  void apply() { beds_.set_capacity(open_general() + escalation_); }

  engine::Resource& beds_;
  int general_, closed_ = 0, escalation_ = 0;
};

}  // namespace pfsim::models
