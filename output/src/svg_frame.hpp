#pragma once
// The parts every chart shares: the plot area, a value axis whose margin is sized to its labels and title (so no
// text falls outside the viewBox), and dashed reference lines at standards and targets.
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output::svg {

inline constexpr double kChartWidth = 760, kChartHeight = 320;
// Font sizes in px, as the page's CSS sets them (.tick-label, .axis-title, .legend-label).
inline constexpr double kTickFont = 12, kTitleFont = 13, kLegendFont = 12;
// The least margins; a value axis or a last x tick label that needs more widens its side.
inline constexpr double kMinLeft = 78, kMinRight = 18, kTop = 34, kBottom = 56;

/// The plot area inside the viewBox, in px: left and right edges, top and bottom.
struct Frame {
  double left = kMinLeft, right = kChartWidth - kMinRight, top = kTop, bottom = kChartHeight - kBottom;
};

/// A left value axis laid out to fit: tick labels, the title's lines and the plot's left edge they leave.
struct ValueAxis {
  Ticks ticks;
  std::vector<std::string> tick_labels, title_lines;
  double plot_left = kMinLeft;
};

/// Lays out the value axis of `ticks`: the title is `labels.value_axis` wrapped along the plot's height, or
/// `labels.units` when the full title needs more than two lines; the plot starts right of the widest tick label.
ValueAxis layout_value_axis(const Ticks& ticks, const ChartLabels& labels, double plot_height);

/// Grid lines with tick labels at the axis's ticks and its rotated title lines.
void draw_value_axis(Builder& svg, const ValueAxis& axis, const Frame& frame, const LinearScale& y);

/// The right margin that keeps `label`, centred on the plot's right edge, inside the viewBox.
double right_margin_for(std::string_view label);

/// A horizontal dashed line at `line.value` across the plot, labelled at its right end (class target-line).
void draw_horizontal_reference(Builder& svg, const ReferenceLine& line, const Frame& frame, const LinearScale& y);

/// A vertical dashed line at `line.value` from the top to the bottom of the plot, labelled at its top on the side
/// with more room (class target-line).
void draw_vertical_reference(Builder& svg, const ReferenceLine& line, const Frame& frame, const LinearScale& x);

/// The x-axis title centred under the plot at `y`, moved in from an edge so it stays inside the viewBox; `fallback`
/// (shorter: the units) when `title` is wider than the chart.
void draw_x_title(Builder& svg, const std::string& title, const std::string& fallback, const Frame& frame, double y);

/// The <title> of a chart: its title and, when it has one, its description.
std::string accessible_title(const ChartLabels& labels);

}  // namespace pfsim::output::svg
