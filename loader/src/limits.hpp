#pragma once
// Upper bounds that keep a mistyped or hostile scenario from exhausting memory or time before a run starts.
// Each is far beyond any real health system (England is ~56 M people; the largest trust has ~2,500 beds).
#include <cstddef>
#include <cstdint>

namespace pfsim::loader::detail {

inline constexpr std::int64_t kMaxReplications = 100'000;
inline constexpr std::int64_t kMaxDays = 36'500;             // 100 years
inline constexpr std::int64_t kMaxWarmupDays = 3'650;        // 10 years
inline constexpr double kMaxTotalPeople = 50'000'000;
inline constexpr std::int64_t kMaxCapacity = 10'000'000;     // beds, clinicians, packages, slots per week
inline constexpr double kMaxRatePer1000 = 1'000'000;         // events per 1,000 people per year (1,000 per person)
inline constexpr double kMaxPerPersonPerYear = 1'000;
inline constexpr double kMaxResidentAttendances = 50;       // A&E attendances per care-home resident per year
inline constexpr std::size_t kMaxAgeBands = 150;
inline constexpr int kMaxAge = 150;
inline constexpr std::size_t kMaxLocalities = 10'000;        // site_choice is a dense localities × sites matrix
inline constexpr std::size_t kMaxSites = 1'000;
inline constexpr std::size_t kMaxNodes = 1'000'000;          // after alias expansion ("billion laughs")
inline constexpr int kMaxNesting = 64;                       // also stops self-referencing aliases
inline constexpr std::uintmax_t kMaxFileBytes = 64u << 20;
inline constexpr int kMaxExtendsDepth = 16;

}  // namespace pfsim::loader::detail
