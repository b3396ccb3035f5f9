#pragma once
// Simulated time is double minutes since the run start; these helpers map it to the calendar.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>

namespace pfsim::engine {

inline constexpr double kMinutesPerHour = 60.0;
inline constexpr double kMinutesPerDay = 1440.0;
inline constexpr double kMinutesPerWeek = 7.0 * kMinutesPerDay;
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kMinutesPerYear = kDaysPerYear * kMinutesPerDay;

/// A calendar anchored at the civil date of simulated time 0 (midnight).
class Calendar {
 public:
  Calendar() = default;
  explicit Calendar(std::chrono::year_month_day start) : start_(std::chrono::sys_days{start}) {}

  /// Day index since the start (0-based) of time `t`.
  [[nodiscard]] static std::int64_t day_index(double t) { return static_cast<std::int64_t>(std::floor(t / kMinutesPerDay)); }
  /// Hour of day 0..23.
  [[nodiscard]] static int hour(double t) {
    double in_day = t - std::floor(t / kMinutesPerDay) * kMinutesPerDay;
    int h = static_cast<int>(in_day / kMinutesPerHour);
    return h > 23 ? 23 : h;
  }
  /// Day of week 0 = Monday .. 6 = Sunday.
  [[nodiscard]] int weekday(double t) const {
    auto d = date(t);
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding()) - 1;
  }
  /// Month 0 = January .. 11 = December.
  [[nodiscard]] int month(double t) const { return static_cast<int>(static_cast<unsigned>(date(t).month())) - 1; }
  [[nodiscard]] std::chrono::year_month_day date(double t) const {
    return std::chrono::year_month_day{start_ + std::chrono::days{day_index(t)}};
  }
  [[nodiscard]] std::chrono::sys_days start() const { return start_; }
  /// Time (minutes) of midnight at the start of `d`.
  [[nodiscard]] double time_of(std::chrono::year_month_day d) const {
    return static_cast<double>((std::chrono::sys_days{d} - start_).count()) * kMinutesPerDay;
  }

 private:
  std::chrono::sys_days start_{std::chrono::year{2000} / 1 / 1};
};

/// ISO text (YYYY-MM-DD) of a date.
std::string to_iso(std::chrono::year_month_day d);
/// Parses YYYY-MM-DD; returns false on malformed or impossible dates.
bool parse_iso_date(const std::string& text, std::chrono::year_month_day& out);

}  // namespace pfsim::engine
