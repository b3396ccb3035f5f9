#pragma once
// Run-time invariant checks: cheap self-tests of the engine's bookkeeping, on in debug builds and with --check.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace pfsim::engine {

/// An invariant of the simulation broke: a bug in pfsim (never bad input), reported instead of wrong results.
class InvariantError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Checks are on by default in debug builds and off in release, where `--check` turns them on:
/// they cost a few percent per event, which release runs of thousands of replications should not pay.
#ifdef NDEBUG
inline constexpr bool kInvariantChecksByDefault = false;
#else
inline constexpr bool kInvariantChecksByDefault = true;
#endif

/// The clock never runs backwards: the next event is not earlier than the current time.
void check_clock_advance(double now, double next_event_time);

/// A counted resource is consistent: nothing negative, and no unit idles while someone waits
/// (capacity may sit below use after a cut, because cuts never pre-empt).
void check_resource_counts(const std::string& resource, std::int64_t in_use, std::int64_t capacity, std::size_t queued);

}  // namespace pfsim::engine
