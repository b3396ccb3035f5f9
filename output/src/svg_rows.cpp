#include "svg_rows.hpp"

#include <algorithm>

#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/output/svg_text.hpp"

namespace pfsim::output::svg {
namespace {

constexpr double kLabelPad = 8;         // from the viewBox's left edge, and between a label and the plot
constexpr double kLineStep = 15;        // between the lines of a wrapped label
constexpr double kMinRow = 24;          // a one-line row
constexpr double kMaxLabelShare = 0.5;  // of the chart's width: the rest is for the plot

}  // namespace

LabelledRows layout_labelled_rows(std::span<const std::string> labels, std::span<const std::size_t> shown) {
  const auto label_of = [&](std::size_t i) { return i < labels.size() ? labels[i] : std::string("?"); };
  double widest = 0;
  for (const std::size_t i : shown) widest = std::max(widest, text_width(label_of(i), kTickFont));
  const double max_text = kChartWidth * kMaxLabelShare - 2 * kLabelPad;
  LabelledRows out;
  out.text_column = std::min(widest, max_text);
  double y = kTop;
  for (const std::size_t i : shown) {
    LabelledRow row{i, wrap_text(label_of(i), out.text_column, kTickFont), y, 0};
    for (const std::string& line : row.lines) out.text_column = std::max(out.text_column, text_width(line, kTickFont));  // a long word
    row.height = std::max(kMinRow, kLineStep * static_cast<double>(row.lines.size()) + 9);
    y += row.height;
    out.rows.push_back(std::move(row));
  }
  out.bottom = y + (out.rows.empty() ? kMinRow : 0);
  return out;
}

double plot_left_of(const LabelledRows& rows) { return kLabelPad + rows.text_column + kLabelPad; }

void draw_row_label(Builder& svg, const LabelledRow& row, double plot_left) {
  const double first_baseline = row.top + row.height / 2 - kLineStep * static_cast<double>(row.lines.size() - 1) / 2 + 4;
  for (std::size_t l = 0; l < row.lines.size(); ++l)
    svg.text(plot_left - kLabelPad, first_baseline + kLineStep * static_cast<double>(l), row.lines[l], "tick-label", "end");
}

double row_middle(const LabelledRow& row) { return row.top + row.height / 2; }

ChangeAxis draw_change_axis(Builder& svg, const LabelledRows& rows, double lo, double hi, const ChartLabels& text, double height) {
  const Ticks ticks = nice_ticks(lo, hi, 4);
  const std::vector<std::string> tick_text = tick_labels(ticks, text.units);
  Frame frame;
  frame.left = plot_left_of(rows);
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
  return {frame, x};
}

}  // namespace pfsim::output::svg
