#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace pfsim::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::size_t total, bool enabled, std::size_t days_per_unit)
    : total_(total), days_per_unit_(days_per_unit), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {
  if (enabled_) draw(false);
}

Progress::~Progress() {
  if (enabled_) std::fputs("\r\033[K", stderr);
}

void Progress::advance() {
  std::lock_guard lock(mutex_);
  ++done_;
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most 10 times a second so printing never slows the run.
  if (enabled_ && (done_ == total_ || now - last_draw_ > std::chrono::milliseconds(100))) {
    last_draw_ = now;
    draw(done_ == total_);
  }
}

void Progress::advance_day() {
  std::lock_guard lock(mutex_);
  ++days_done_;
  const auto now = std::chrono::steady_clock::now();
  if (enabled_ && now - last_draw_ > std::chrono::milliseconds(100)) {
    last_draw_ = now;
    draw(false);
  }
}

void Progress::draw(bool final) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Work done: finished units, or simulated days when they say more (a unit in progress, e.g. with -r 1).
  const std::size_t total_days = total_ * days_per_unit_;
  double fraction = total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  if (total_days) fraction = std::max(fraction, std::min(1.0, static_cast<double>(days_done_) / static_cast<double>(total_days)));
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0.0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * fraction);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  const std::string days =
      total_days == 0 ? std::string()
      : total_ == 1   ? fmt::format(" (day {} of {})", std::min(days_done_, total_days), total_days)
                      : fmt::format(" ({} of {} simulated days)", std::min(days_done_, total_days), total_days);
  fmt::print(stderr, "\r[{}] {}/{} replications{}  {:.1f}/s  ETA {:.0f}s{}", bar, done_, total_, days, rate, eta, final ? "" : "\033[K");
  std::fflush(stderr);
}

}  // namespace pfsim::cli
