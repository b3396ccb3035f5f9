#pragma once
// The caller asked for something that cannot be done as given (a bad flag value, an output path, a checkpoint
// folder that cannot be made): a front end shows it as one line and, in the CLI, exits with code 2 (DESIGN §8).
#include <stdexcept>

namespace pfsim::run {
class BadArgument : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
}  // namespace pfsim::run
