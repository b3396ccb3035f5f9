#pragma once
// Ctrl-C during `pfsim run` (issue 19 item 6): say how many replications are safe in the checkpoints and how to
// continue (--resume), then die of SIGINT as before. Everything the handler prints is formatted up front; the
// handler itself only calls async-signal-safe functions.
#include <cstddef>
#include <string>

namespace pfsim::cli {

class InterruptHint {
 public:
  /// Installs the SIGINT handler; prints "<before>N<after>" with N the replications finished so far.
  InterruptHint(std::string before_count, std::string after_count);
  ~InterruptHint();  // restores the previous handler
  InterruptHint(const InterruptHint&) = delete;
  InterruptHint& operator=(const InterruptHint&) = delete;
  /// One more replication is finished and checkpointed (thread-safe, lock-free).
  static void finished_one();
};

}  // namespace pfsim::cli
