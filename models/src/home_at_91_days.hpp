#pragma once
// ASCOF 2B(1) as published (DESIGN §5.2): people 65+ discharged from hospital into reablement or rehabilitation are
// followed to day 91 and count as at home if that is where they are then — someone readmitted and home again by day
// 91 is at home; someone in hospital, in intermediate care or in a care home on day 91, or dead by then, is not.
#include <cstdint>

#include "context.hpp"

namespace pfsim::models {

class HomeAt91Days {
 public:
  explicit HomeAt91Days(Context& ctx);
  /// `id` has just left hospital into reablement or intermediate care: a cohort member if 65+ and discharged in the
  /// cohort's period, unless already followed from an earlier discharge.
  void discharged(std::uint32_t id);
  /// `id`, a cohort member, leaves the model before day 91: at home unless they died or moved to a care home.
  void left(std::uint32_t id, Leaving how);
  /// The follow-up stops before every day 91 came (only at its cap): the rest count by where they are now.
  void settle_pending();

 private:
  void day_91(std::uint32_t id);
  void settle(Patient& p, bool at_home);

  Context& ctx_;
  engine::HandlerId due_;
};

}  // namespace pfsim::models
