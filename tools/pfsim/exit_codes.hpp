#pragma once
// Exit codes of every pfsim command (DESIGN §8).
#include "pfsim/run/bad_argument.hpp"

namespace pfsim::cli {
using run::BadArgument;

inline constexpr int kOk = 0;
inline constexpr int kRuntimeError = 1;
inline constexpr int kBadInput = 2;
}  // namespace pfsim::cli
