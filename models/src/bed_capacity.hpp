#pragma once
// The one writer of a site's acute-bed capacity. Capacity = max(0, general − closed by outbreaks) + escalation
// beds open, where schemes change the general beds and winter closes and opens the others; with planned care the
// escalation beds may come out of the site's elective ward. The engine's Resource
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
  /// Planned care: escalation beds are opened on this elective ward of `ward_beds`, which has that many fewer while
  /// they are open (a cut never ends a stay: electives already in them stay).
  void open_escalation_on(engine::Resource& ward, int ward_beds) {
    ward_ = &ward;
    ward_beds_ = ward_beds;
    apply();
  }

 private:
  void apply() {
    beds_.set_capacity(open_general() + escalation_);
    if (ward_) ward_->set_capacity(std::max(0, ward_beds_ - escalation_));
  }

  engine::Resource& beds_;
  int general_, closed_ = 0, escalation_ = 0;
  engine::Resource* ward_ = nullptr;  // null: escalation beds are extra beds
  int ward_beds_ = 0;
};

}  // namespace pfsim::models
