#include "svg_frame.hpp"

#include <algorithm>

#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/output/svg_text.hpp"

namespace pfsim::output::svg {
namespace {

// A rotated title line's box reaches a font ascent (0.93 em) left of its baseline and a descent (0.24 em) right of
// it; lines are 16 px apart, the first one clear of the viewBox's left edge.
constexpr double kTitleFirstBaseline = 16, kTitleLineStep = 16, kTitleDescent = 4;
constexpr double kTickGap = 6;    // between a tick label's right end and the plot
constexpr double kTitleGap = 8;   // between the title and the widest tick label
constexpr int kMaxTitleLines = 2;

}  // namespace

ValueAxis layout_value_axis(const Ticks& ticks, const ChartLabels& labels, double plot_height) {
  ValueAxis axis;
  axis.ticks = ticks;
  axis.tick_labels = tick_labels(ticks, labels.units);
  axis.title_lines = wrap_text(labels.value_axis, plot_height, kTitleFont);
  // The figure's caption names the chart in full; beside the plot the units are enough when the name is long.
  if (axis.title_lines.size() > kMaxTitleLines && !labels.units.empty())
    axis.title_lines = wrap_text(labels.units, plot_height, kTitleFont);
  double widest = 0;
  for (const std::string& label : axis.tick_labels) widest = std::max(widest, text_width(label, kTickFont));
  const double title_right = axis.title_lines.empty()
                                 ? 0
                                 : kTitleFirstBaseline + kTitleLineStep * static_cast<double>(axis.title_lines.size() - 1) +
                                       kTitleDescent;
  axis.plot_left = std::max(kMinLeft, title_right + kTitleGap + widest + kTickGap);
  return axis;
}

void draw_value_axis(Builder& svg, const ValueAxis& axis, const Frame& frame, const LinearScale& y) {
  svg.open("g", {{"class", "axis y-axis"}});
  for (std::size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const double py = y(axis.ticks.values[i]);
    svg.line(frame.left, py, frame.right, py, "grid");
    svg.text(frame.left - kTickGap, py + 4, axis.tick_labels[i], "tick-label", "end");
  }
  for (std::size_t i = 0; i < axis.title_lines.size(); ++i)
    svg.vertical_text(kTitleFirstBaseline + kTitleLineStep * static_cast<double>(i), (frame.top + frame.bottom) / 2,
                      axis.title_lines[i], "axis-title");
  svg.close();
}

double right_margin_for(std::string_view label) { return std::max(kMinRight, text_width(label, kTickFont) / 2 + 2); }

void draw_horizontal_reference(Builder& svg, const ReferenceLine& line, const Frame& frame, const LinearScale& y) {
  const double py = y(line.value);
  svg.open("g", {{"class", "reference"}});
  svg.line(frame.left, py, frame.right, py, "target-line");
  svg.text(frame.right - 4, py - 5, line.label, "target-label", "end");
  svg.close();
}

void draw_vertical_reference(Builder& svg, const ReferenceLine& line, const Frame& frame, const LinearScale& x) {
  const double px = x(line.value);
  const double width = text_width(line.label, kLegendFont);
  const bool room_on_right = px + 5 + width <= frame.right;
  svg.open("g", {{"class", "reference"}});
  svg.line(px, frame.top, px, frame.bottom, "target-line");
  svg.text(room_on_right ? px + 5 : px - 5, frame.top + 14, line.label, "target-label", room_on_right ? "start" : "end");
  svg.close();
}

void draw_x_title(Builder& svg, const std::string& title, const std::string& fallback, const Frame& frame, double y) {
  constexpr double kEdge = 4;
  const std::string& shown = text_width(title, kTitleFont) <= kChartWidth - 2 * kEdge ? title : fallback;
  const double half = text_width(shown, kTitleFont) / 2 + kEdge;
  svg.text(std::clamp((frame.left + frame.right) / 2, half, std::max(half, kChartWidth - half)), y, shown, "axis-title");
}

std::string accessible_title(const ChartLabels& labels) {
  return labels.title + (labels.description.empty() ? "" : ": " + labels.description);
}

}  // namespace pfsim::output::svg
