// The `parameter_uncertainty:` section as text, for the scenario `pfsim calibrate` writes (DESIGN §6.5).
#include <algorithm>

#include <fmt/format.h>

#include "pfsim/loader/parameter_uncertainty.hpp"

namespace pfsim::loader {
namespace {

// Single-quoted YAML: a key path may hold brackets and double quotes (sites["St. Mary"]), which a plain flow scalar
// cannot.
std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Shortest text that reads back as the same double (the fitted value as the scenario has it).
std::string exact(double value) { return fmt::format("{}", value); }
// The law's own numbers: 6 significant digits is far finer than anything a calibration pins down.
std::string rounded(double value) { return fmt::format("{:.6g}", value == 0 ? 0.0 : value); }

}  // namespace

std::string parameter_uncertainty_yaml(const ParameterUncertainty& uncertainty) {
  std::string text =
      "# What the calibration could not pin down; `pfsim run --parameter-uncertainty` samples it (DESIGN §6.5). Per\n"
      "# replication r, z ~ N(0, correlation) from stream `parameter_uncertainty` of (seed, r); u = logit((fitted - lower)\n"
      "# / (upper - lower)) + logit_sd * z; value = lower + (upper - lower) * logistic(u), rounded when integer. logit_sd\n"
      "# and correlation live in that logit-of-bounds space (where the search ran): the Gauss-Newton information,\n"
      "# carried there by the delta method, plus the bounds read as a uniform prior (logit sd pi/sqrt(3)), so draws never\n"
      "# leave the bounds and a parameter the targets do not identify spreads over its range rather than piling up at an\n"
      "# end. sd = the Gauss-Newton 1 sd in the parameter's units, as in the comments above (absent: not identified).\n"
      "parameter_uncertainty:\n  parameters:\n";
  for (const UncertainParameter& p : uncertainty.parameters) {
    text += fmt::format("    - {{key: {}, fitted: {}", single_quoted(p.key_path), exact(p.fitted));
    if (p.sd) text += fmt::format(", sd: {}", fmt::format("{:.3g}", *p.sd));
    text += fmt::format(", bounds: [{}, {}], integer: {}, logit_sd: {}}}\n", exact(p.lower), exact(p.upper),
                        p.integer ? "true" : "false", rounded(p.logit_sd));
  }
  text += "  correlation:\n";
  const std::size_t n = uncertainty.parameters.size();
  for (std::size_t i = 0; i < n; ++i) {
    text += "    - [";
    for (std::size_t j = 0; j < n; ++j) {
      // Each pair is formatted once, from the upper triangle, so the matrix reads back exactly symmetric.
      const double value = i == j ? 1.0 : uncertainty.correlation[std::min(i, j)][std::max(i, j)];
      text += (j ? ", " : "") + (i == j ? std::string("1") : rounded(value));
    }
    text += "]\n";
  }
  return text;
}

}  // namespace pfsim::loader
