#pragma once
// A one-line progress bar (done/total, rate, ETA) on stderr, shown only on a terminal and not with --quiet.
#include <chrono>
#include <cstddef>
#include <mutex>

namespace pfsim::cli {

class Progress {
 public:
  /// `days_per_unit` > 0: also show simulated days (advance_day), so a single long replication does not sit at 0/1.
  Progress(std::size_t total, bool enabled, std::size_t days_per_unit = 0);
  ~Progress();
  /// One more unit finished (thread-safe).
  void advance();
  /// One more simulated day of some unit (thread-safe).
  void advance_day();

 private:
  void draw(bool final);
  std::size_t total_, done_ = 0, days_per_unit_ = 0, days_done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

/// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace pfsim::cli
