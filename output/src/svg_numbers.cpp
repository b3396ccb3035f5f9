#include "pfsim/output/svg_numbers.hpp"

#include <algorithm>
#include <cmath>

#include "pfsim/output/svg.hpp"

namespace pfsim::output::svg {
namespace {

struct Scale {
  double divisor;
  std::string_view suffix;
};

// Money reads in the largest of £ m, £ k, £ that the amount reaches.
Scale money_scale(double magnitude) {
  if (magnitude >= 1e6) return {1e6, " m"};
  if (magnitude >= 1e3) return {1e3, " k"};
  return {1, ""};
}

// Decimals that tell multiples of `step` apart (step 0.5 → 1, step 2 → 0).
int step_decimals(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  return std::clamp(-static_cast<int>(std::floor(std::log10(step) + 1e-9)), 0, 9);
}

std::string money_in(double gbp, const Scale& scale, int decimals) {
  const std::string digits = number(std::abs(gbp) / scale.divisor, decimals);
  const bool negative = gbp < 0 && digits.find_first_not_of("0.,") != std::string::npos;
  return std::string(negative ? "-" : "") + "£" + digits + std::string(scale.suffix);
}

}  // namespace

bool is_money(std::string_view units) { return units == "£" || units == "GBP" || units == "gbp"; }

std::string money(double gbp, int decimals) {
  if (!std::isfinite(gbp)) return "–";
  Scale scale = money_scale(std::abs(gbp));
  // 999,999.9 rounds to "£1,000 k": say "£1 m" instead.
  if (scale.divisor == 1e3 && std::abs(gbp) / 1e3 >= 999.5) scale = money_scale(1e6);
  return money_in(gbp, scale, decimals);
}

std::string value_label(double value, std::string_view units, int significant) {
  if (!std::isfinite(value)) return "–";
  const double scaled = std::abs(value) / (is_money(units) ? money_scale(std::abs(value)).divisor : 1.0);
  const int decimals =
      scaled > 0 ? std::clamp(significant - 1 - static_cast<int>(std::floor(std::log10(scaled))), 0, 2) : 0;
  if (is_money(units)) return money(value, decimals);
  if (units == "%") return number(value, decimals) + " %";
  return number(value, decimals);
}

std::vector<std::string> tick_labels(const Ticks& ticks, std::string_view units) {
  double largest = 0;
  for (const double v : ticks.values) largest = std::max(largest, std::abs(v));
  std::vector<std::string> labels;
  if (is_money(units)) {
    const Scale scale = money_scale(largest);
    const int decimals = step_decimals(ticks.step / scale.divisor);
    for (const double v : ticks.values) labels.push_back(v == 0 ? "£0" : money_in(v, scale, decimals));
    return labels;
  }
  // Seven digits and two commas are too wide for a tick: a million and up reads as 1.5m.
  if (largest >= 1e6) {
    const int decimals = step_decimals(ticks.step / 1e6);
    for (const double v : ticks.values) labels.push_back(v == 0 ? "0" : number(v / 1e6, decimals) + "m");
    return labels;
  }
  for (const double v : ticks.values) labels.push_back(number(v, ticks.decimals()));
  return labels;
}

int table_decimals(double spread, std::string_view units) {
  if (spread == 0) return 0;  // a KPI that is zero in every replication reads "0 ± 0", not "0.00 ± 0.00"
  const int decimals = decimals_for(spread, 2);
  return units == "%" ? std::min(decimals, 2) : decimals;
}

}  // namespace pfsim::output::svg
