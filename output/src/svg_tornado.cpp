// Tornado charts: one horizontal bar per scheme from zero to its swing, labelled with the scheme's name in full.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/output/svg_text.hpp"
#include "svg_frame.hpp"

namespace pfsim::output::svg {
namespace {

constexpr double kLabelPad = 8;       // from the viewBox's left edge, and between a label and the plot
constexpr double kLineStep = 15;      // between the lines of a wrapped label
constexpr double kMinRow = 24;        // a one-line row
constexpr double kBarHeight = 18;
constexpr double kMaxLabelShare = 0.5;  // of the chart's width: the rest is for the bars

struct Row {
  std::size_t index;
  std::vector<std::string> lines;
  double top, height;
};

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

  // The label column holds the longest label on one line when it can; past half the chart, labels wrap.
  double widest = 0;
  for (const std::size_t i : shown) widest = std::max(widest, text_width(label_of(i), kTickFont));
  const double max_text = kChartWidth * kMaxLabelShare - 2 * kLabelPad;
  double text_column = std::min(widest, max_text);
  std::vector<Row> rows;
  double y = kTop;
  for (const std::size_t i : shown) {
    Row row{i, wrap_text(label_of(i), text_column, kTickFont), y, 0};
    for (const std::string& line : row.lines) text_column = std::max(text_column, text_width(line, kTickFont));  // a long word
    row.height = std::max(kMinRow, kLineStep * static_cast<double>(row.lines.size()) + 9);
    y += row.height;
    rows.push_back(std::move(row));
  }
  const double height = y + kBottom + (rows.empty() ? kMinRow : 0);
  Builder svg(kChartWidth, height, accessible_title(text), "chart tornado");
  if (shown.empty()) return svg.str();

  double lo = 0, hi = 0;
  for (const std::size_t i : shown) lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
  const Ticks ticks = nice_ticks(lo, hi, 4);
  const std::vector<std::string> tick_text = tick_labels(ticks, text.units);
  Frame frame;
  frame.left = kLabelPad + text_column + kLabelPad;
  frame.right = kChartWidth - std::max(right_margin_for(tick_text.back()), kMinRight);
  frame.bottom = height - kBottom;
  const LinearScale x(ticks.lo, ticks.hi, frame.left, frame.right);

  svg.open("g", {{"class", "axis x-axis"}});
  for (std::size_t t = 0; t < ticks.values.size(); ++t) {
    const double v = ticks.values[t];
    svg.line(x(v), frame.top - 4, x(v), frame.bottom, v == 0.0 ? "axis-line" : "grid");
    svg.text(x(v), frame.bottom + 19, tick_text[t], "tick-label");
  }
  draw_x_title(svg, text.value_axis, text.units.empty() ? std::string("change") : "change (" + text.units + ")", frame,
               height - 8);
  svg.close();

  svg.open("g", {{"class", "bars"}});
  for (const Row& row : rows) {
    const double first_baseline = row.top + row.height / 2 - kLineStep * static_cast<double>(row.lines.size() - 1) / 2 + 4;
    for (std::size_t l = 0; l < row.lines.size(); ++l)
      svg.text(frame.left - kLabelPad, first_baseline + kLineStep * static_cast<double>(l), row.lines[l], "tick-label", "end");
    const double v = values[row.index];
    const double x0 = x(std::min(0.0, v)), x1 = x(std::max(0.0, v));
    svg.rect(x0, row.top + (row.height - kBarHeight) / 2, std::max(1.0, x1 - x0), kBarHeight, "tornado-bar",
             fmt::format("{}: {}", label_of(row.index), value_label(v, text.units)));
  }
  svg.close();
  return svg.str();
}

}  // namespace pfsim::output::svg
