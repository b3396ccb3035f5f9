// Forest plots: one row per option with its paired difference from the base as a point and the 95 % CI as a
// whisker, against the line at zero, so a board sees at once which options move a KPI and by how much.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "svg_frame.hpp"
#include "svg_rows.hpp"

namespace pfsim::output::svg {
namespace {

constexpr double kWhiskerCap = 6;  // px: the half-height of a whisker's end
constexpr double kPointSide = 9;   // px: the estimate's square

// A difference to the precision its interval supports ("+1.1 %", "-2,815 admissions"), signed.
std::string signed_label(double value, double spread, std::string_view units) {
  std::string text;
  if (is_money(units)) {
    text = value_label(value, units);
  } else {
    text = number(value, table_decimals(spread > 0 ? spread : std::abs(value), units));
    if (!units.empty()) text += " " + std::string(units);
  }
  return value > 0 ? "+" + text : text;
}

}  // namespace

std::string forest_plot(std::span<const std::string> labels, std::span<const double> means, std::span<const double> halves,
                        const ChartLabels& text) {
  std::vector<std::size_t> shown(std::min(means.size(), halves.size()));
  for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = i;
  const LabelledRows rows = layout_labelled_rows(labels, shown);
  const double height = rows.bottom + kBottom;
  Builder svg(kChartWidth, height, accessible_title(text), "chart forest");
  if (shown.empty()) return svg.str();

  const auto defined = [&](std::size_t i) { return std::isfinite(means[i]) && std::isfinite(halves[i]); };
  double lo = 0, hi = 0;
  for (const std::size_t i : shown)
    if (defined(i)) lo = std::min(lo, means[i] - halves[i]), hi = std::max(hi, means[i] + halves[i]);
  const auto [frame, x] = draw_change_axis(svg, rows, lo, hi, text, height);

  svg.open("g", {{"class", "estimates"}});
  for (const LabelledRow& row : rows.rows) {
    draw_row_label(svg, row, frame.left);
    const std::size_t i = row.index;
    const double y = row_middle(row);
    const std::string label = i < labels.size() ? labels[i] : std::string("?");
    if (!defined(i)) {
      svg.text(x(0) + 6, y + 4, "n/a", "tick-label", "start");
      continue;
    }
    const double m = means[i], h = halves[i];
    svg.line(x(m - h), y, x(m + h), y, "forest-ci");
    svg.line(x(m - h), y - kWhiskerCap, x(m - h), y + kWhiskerCap, "forest-ci");
    svg.line(x(m + h), y - kWhiskerCap, x(m + h), y + kWhiskerCap, "forest-ci");
    const bool excludes_zero = m - h > 0 || m + h < 0;
    svg.rect(x(m) - kPointSide / 2, y - kPointSide / 2, kPointSide, kPointSide,
             excludes_zero ? "forest-point significant" : "forest-point",
             fmt::format("{}: {} (95 % CI {} to {})", label, signed_label(m, h, text.units), signed_label(m - h, h, text.units),
                         signed_label(m + h, h, text.units)));
  }
  svg.close();
  return svg.str();
}

}  // namespace pfsim::output::svg
