#pragma once
// Delayed transfers of care as the NHS England sitrep counts them (DESIGN §5.2): each stretch of a delay is
// attributed by the reason the patient is waiting during it, not by who the patient is.
#include "context.hpp"

namespace pfsim::models {

/// Why `p`, medically fit in an acute bed, is still there at `t`: the assessment until it is done, then the service
/// of their pathway.
[[nodiscard]] DelayReason acute_delay_reason(const Patient& p, double t);
/// Who a delayed day of `p` at `t` is attributed to (an acute delay, or a non-acute one in intermediate care).
[[nodiscard]] const DelayAttribution& delay_attribution(const Scenario& s, const Patient& p, double t);
/// Adds the delayed bed-time of `p` from medically fit until `to`, split where the assessment was done. `p` is in
/// stage Delayed (acute) or DelayedNonAcute (waiting in intermediate care for a care-home place).
void record_delay(Context& ctx, const Patient& p, double to);

}  // namespace pfsim::models
