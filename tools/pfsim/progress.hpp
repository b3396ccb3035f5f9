#pragma once
// A one-line progress bar (done/total, rate, ETA) on stderr, shown only on a terminal and not with --quiet.
#include <chrono>
#include <cstddef>
#include <mutex>

namespace pfsim::cli {

class Progress {
 public:
  Progress(std::size_t total, bool enabled);
  ~Progress();
  /// One more unit finished (thread-safe).
  void advance();

 private:
  void draw(bool final);
  std::size_t total_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::mutex mutex_;
};

/// True when stderr is a terminal.
bool stderr_is_terminal();

}  // namespace pfsim::cli
