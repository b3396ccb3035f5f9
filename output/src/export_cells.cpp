#include <cmath>

#include "export_parts.hpp"
#include "pfsim/output/svg_numbers.hpp"

namespace pfsim::output {

ExportCell text(std::string value) { return {std::move(value), {}}; }

ExportCell number(double value, std::string_view units, int decimals) {
  Shown shown{Shown::Kind::Number, decimals};
  if (units == "%") shown.kind = Shown::Kind::Percent;
  else if (svg::is_money(units)) shown.kind = Shown::Kind::Money;
  return {value, shown};
}

ExportCell share(double value, int decimals) { return {value, {Shown::Kind::Share, decimals}}; }

int decimals_for_spread(double spread, std::string_view units) {
  if (!std::isfinite(spread)) return 1;
  // Money is shown in £ m / £ k with one decimal of that unit whatever the spread: "£12.9 m".
  if (svg::is_money(units)) return 1;
  return svg::table_decimals(spread, units);
}

std::vector<double> column(const std::vector<double>& values, std::size_t labels, std::size_t label) {
  std::vector<double> out;
  if (labels == 0) return out;
  for (std::size_t i = label; i < values.size(); i += labels) out.push_back(values[i]);
  return out;
}

}  // namespace pfsim::output
