// Tornado charts: one horizontal bar per scheme from zero to its swing, labelled with the scheme's name in full.
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

constexpr double kBarHeight = 18;

}  // namespace

std::vector<std::size_t> largest_magnitudes(std::span<const double> values, std::size_t limit) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (std::isfinite(values[i])) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::abs(values[a]) > std::abs(values[b]); });
  if (order.size() > limit) order.resize(limit);
  return order;
}

std::string tornado_chart(std::span<const std::string> labels, std::span<const double> values, const ChartLabels& text,
                          std::size_t limit) {
  const std::vector<std::size_t> shown = largest_magnitudes(values, limit);
  const auto label_of = [&](std::size_t i) { return i < labels.size() ? labels[i] : std::string("?"); };
  const LabelledRows rows = layout_labelled_rows(labels, shown);
  const double height = rows.bottom + kBottom;
  Builder svg(kChartWidth, height, accessible_title(text), "chart tornado");
  if (shown.empty()) return svg.str();

  double lo = 0, hi = 0;
  for (const std::size_t i : shown) lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
  const auto [frame, x] = draw_change_axis(svg, rows, lo, hi, text, height);

  svg.open("g", {{"class", "bars"}});
  for (const LabelledRow& row : rows.rows) {
    draw_row_label(svg, row, frame.left);
    const double v = values[row.index];
    const double x0 = x(std::min(0.0, v)), x1 = x(std::max(0.0, v));
    svg.rect(x0, row.top + (row.height - kBarHeight) / 2, std::max(1.0, x1 - x0), kBarHeight, "tornado-bar",
             fmt::format("{}: {}", label_of(row.index), value_label(v, text.units)));
  }
  svg.close();
  return svg.str();
}

}  // namespace pfsim::output::svg
