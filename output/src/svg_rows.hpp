#pragma once
// Charts with one labelled row per item (tornado, forest plot): the label column is as wide as the longest label
// needs, up to half the chart, and a longer label wraps onto more lines, so a scheme's or an option's name is never cut.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "svg_frame.hpp"

namespace pfsim::output::svg {

struct LabelledRow {
  std::size_t index;               ///< into the chart's labels and values
  std::vector<std::string> lines;  ///< the label, wrapped
  double top, height;              ///< in px
};

struct LabelledRows {
  std::vector<LabelledRow> rows;
  double text_column = 0;  ///< the label column's width, px
  double bottom = 0;       ///< below the last row, px
};

/// Rows for labels[shown[0]], labels[shown[1]], ... from the chart's top margin down (a missing label reads "?").
LabelledRows layout_labelled_rows(std::span<const std::string> labels, std::span<const std::size_t> shown);

/// The x where the plot starts, right of the label column.
double plot_left_of(const LabelledRows& rows);

/// The row's label lines, right-aligned against the plot's left edge and centred on the row.
void draw_row_label(Builder& svg, const LabelledRow& row, double plot_left);

/// The y of the row's centre line.
double row_middle(const LabelledRow& row);

/// The plot area and x scale of a chart of changes drawn by draw_change_axis().
struct ChangeAxis {
  Frame frame;
  LinearScale x;
};

/// The x axis of a chart of changes over [lo, hi] (widened to nice ticks and to include zero by the caller): the plot
/// right of the rows' labels, grid lines and labels at the ticks, the line at zero drawn as the axis, and the title
/// `text.value_axis` (or "change (units)" when it does not fit) at the foot of a chart `height` px high.
ChangeAxis draw_change_axis(Builder& svg, const LabelledRows& rows, double lo, double hi, const ChartLabels& text, double height);

}  // namespace pfsim::output::svg
