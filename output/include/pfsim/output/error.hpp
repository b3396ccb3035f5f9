#pragma once
#include <stdexcept>

namespace pfsim::output {

/// The output layer's one exception type: its message is a single line naming the file and the fix, ready for
/// `main` to print on stderr (STYLE: one exception type per layer).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pfsim::output
