#pragma once
// Exit codes of every pfsim command (DESIGN §8).
#include <stdexcept>

namespace pfsim::cli {
/// A bad flag value or output path: `main` prints it as one line and exits with kBadInput.
class BadArgument : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kOk = 0;
inline constexpr int kRuntimeError = 1;
inline constexpr int kBadInput = 2;
}  // namespace pfsim::cli
