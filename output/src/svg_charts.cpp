// Fan charts, month charts and histograms as inline SVG. Styling (colours, fonts) lives in the page's CSS classes so
// print and screen can differ; the SVG carries geometry and text only.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/output/svg_text.hpp"
#include "svg_frame.hpp"

namespace pfsim::output::svg {
namespace {

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct DateTick {
  double day;
  std::string label;
};

// Month starts for runs longer than two months ("Apr 2019", "May", ..., "Jan 2020"); otherwise nice day steps
// labelled "1 Apr". Without a start date, day numbers 1, 2, ...
std::vector<DateTick> date_ticks(std::size_t days, std::string_view start_date) {
  std::vector<DateTick> out;
  const std::optional<long> start = parse_date(start_date);
  if (!start) {
    for (const double v : nice_ticks(1, static_cast<double>(std::max<std::size_t>(days, 1)), 8).values)
      if (v >= 1 && v <= static_cast<double>(days)) out.push_back({v - 1, number(v, 0)});
    return out;
  }
  using namespace std::chrono;
  if (days > 62) {
    const unsigned month_step = std::max(1U, static_cast<unsigned>(std::ceil(static_cast<double>(days) / 366.0)));
    const year_month_day first{sys_days{std::chrono::days{*start}}};
    year_month month{first.year(), first.month()};
    if (first.day() != day{1}) month += months{1};
    bool first_label = true;
    for (;; month += months{month_step}) {
      const long offset = sys_days{month / 1}.time_since_epoch().count() - *start;
      if (offset >= static_cast<long>(days)) break;
      const unsigned m = static_cast<unsigned>(month.month());
      std::string label = kMonths[m - 1];
      if (first_label || m <= month_step) label += fmt::format(" {}", static_cast<int>(month.year()));
      first_label = false;
      out.push_back({static_cast<double>(offset), label});
    }
    return out;
  }
  const Ticks ticks = nice_ticks(0, static_cast<double>(std::max<std::size_t>(days, 2) - 1), 6);
  for (const double v : ticks.values) {
    if (v < 0 || v > static_cast<double>(days) - 1 || std::floor(v) != v) continue;
    const year_month_day date{sys_days{std::chrono::days{*start + static_cast<long>(v)}}};
    out.push_back({v, fmt::format("{} {}", static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1])});
  }
  return out;
}

std::string polyline(const std::vector<double>& values, const LinearScale& x, const LinearScale& y) {
  std::string d;
  for (std::size_t i = 0; i < values.size(); ++i)
    d += fmt::format("{}{},{}", i == 0 ? "M" : "L", coord(x(static_cast<double>(i))), coord(y(values[i])));
  return d;
}

// The 5–95 % band (along the 95th percentile, back along the 5th) and the median line over points 0..n-1.
void draw_band_and_median(Builder& svg, const FanBands& bands, const LinearScale& x, const LinearScale& y) {
  const std::size_t n = bands.p50.size();
  std::string band = polyline(bands.p95, x, y);
  for (std::size_t i = n; i-- > 0;) band += fmt::format("L{},{}", coord(x(static_cast<double>(i))), coord(y(bands.p5[i])));
  svg.path(band + "Z", "fan-band");
  svg.path(polyline(bands.p50, x, y), "fan-median");
}

// Legend above the plot, right-aligned, so it never hides data.
void draw_fan_legend(Builder& svg, const Frame& frame) {
  svg.open("g", {{"class", "legend"}});
  svg.rect(frame.right - 250, 8, 16, 10, "fan-band legend-swatch");
  svg.text(frame.right - 228, 17, "5–95 % of replications", "legend-label", "start");
  svg.line(frame.right - 90, 13, frame.right - 74, 13, "fan-median legend-line");
  svg.text(frame.right - 68, 17, "median", "legend-label", "start");
  svg.close();
}

// The value range a fan covers, widened to its reference line so the standard is always on the chart.
Ticks fan_ticks(const FanBands& bands, const ChartLabels& labels) {
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < bands.p50.size(); ++i)
    for (const double v : {bands.p5[i], bands.p50[i], bands.p95[i]})
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  if (labels.reference) {
    const double ref = labels.reference->value;
    // A standard at the end of the range would lie on the frame, its label crowding the legend or the axis: leave
    // a little room beyond it.
    const double pad = 0.05 * (std::max(hi, ref) - std::min(lo, ref));
    if (!(lo < ref)) lo = ref - pad;
    if (!(hi > ref)) hi = ref + pad;
  }
  return nice_ticks(lo, hi, 5);
}

// A fan or month chart's frame, value axis and y scale: the plot starts where the axis's labels end.
struct FanLayout {
  Frame frame;
  ValueAxis axis;
  LinearScale y{0, 1, 0, 1};
};
FanLayout fan_layout(const FanBands& bands, const ChartLabels& labels) {
  FanLayout layout;
  layout.axis = layout_value_axis(fan_ticks(bands, labels), labels, layout.frame.bottom - layout.frame.top);
  layout.frame.left = layout.axis.plot_left;
  layout.y = LinearScale(layout.axis.ticks.lo, layout.axis.ticks.hi, layout.frame.bottom, layout.frame.top);
  return layout;
}

}  // namespace

std::string fan_chart(const FanBands& bands, std::string_view start_date, const ChartLabels& labels) {
  const std::size_t days = bands.p50.size();
  const FanLayout layout = fan_layout(bands, labels);
  const Frame& frame = layout.frame;
  const LinearScale x(0, static_cast<double>(std::max<std::size_t>(days, 2) - 1), frame.left, frame.right);

  Builder svg(kChartWidth, kChartHeight, accessible_title(labels), "chart fan-chart");
  draw_value_axis(svg, layout.axis, frame, layout.y);
  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(frame.left, frame.bottom, frame.right, frame.bottom, "axis-line");
  for (const DateTick& t : date_ticks(days, start_date)) {
    svg.line(x(t.day), frame.bottom, x(t.day), frame.bottom + 5, "axis-line");
    svg.text(x(t.day), frame.bottom + 19, t.label, "tick-label");
  }
  svg.text((frame.left + frame.right) / 2, kChartHeight - 8, parse_date(start_date) ? "date" : "day", "axis-title");
  svg.close();

  if (days > 0) draw_band_and_median(svg, bands, x, layout.y);
  if (labels.reference) draw_horizontal_reference(svg, *labels.reference, frame, layout.y);
  draw_fan_legend(svg, frame);
  return svg.str();
}

std::string month_chart(const FanBands& bands, std::span<const std::string> months, const ChartLabels& labels) {
  const std::size_t n = bands.p50.size();
  const FanLayout layout = fan_layout(bands, labels);
  const Frame& frame = layout.frame;
  // Points sit in the middle of equal month slots, so one month is drawn too.
  const double slot = (frame.right - frame.left) / static_cast<double>(std::max<std::size_t>(n, 1));
  const LinearScale x(0, 1, frame.left + slot / 2, frame.left + slot * 1.5);

  Builder svg(kChartWidth, kChartHeight, accessible_title(labels), "chart month-chart");
  draw_value_axis(svg, layout.axis, frame, layout.y);
  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(frame.left, frame.bottom, frame.right, frame.bottom, "axis-line");
  // Every month labelled while they fit (about 40 px each), else every second or third; the year on January and
  // on the first label.
  const std::size_t step = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(40.0 / slot)));
  for (std::size_t i = 0; i < n && i < months.size(); i += step) {
    const std::string& m = months[i];
    std::string label = m;
    if (m.size() == 7) {
      const int month = std::atoi(m.c_str() + 5);
      label = month >= 1 && month <= 12 ? kMonths[static_cast<std::size_t>(month - 1)] : m;
      if (i == 0 || month == 1) label += " " + m.substr(0, 4);
    }
    svg.line(x(static_cast<double>(i)), frame.bottom, x(static_cast<double>(i)), frame.bottom + 5, "axis-line");
    svg.text(x(static_cast<double>(i)), frame.bottom + 19, label, "tick-label");
  }
  svg.text((frame.left + frame.right) / 2, kChartHeight - 8, "month", "axis-title");
  svg.close();
  if (n > 0) {
    draw_band_and_median(svg, bands, x, layout.y);
    for (std::size_t i = 0; i < n; ++i)
      svg.element("circle", {{"cx", coord(x(static_cast<double>(i)))}, {"cy", coord(layout.y(bands.p50[i]))}, {"r", "3"},
                             {"class", "fan-point"}});
  }
  if (labels.reference) draw_horizontal_reference(svg, *labels.reference, frame, layout.y);
  draw_fan_legend(svg, frame);
  return svg.str();
}

std::string histogram(std::span<const double> values, const ChartLabels& labels) {
  const Bins bins = histogram_bins(values);
  Builder svg(kChartWidth, kChartHeight, accessible_title(labels), "chart histogram");
  if (bins.counts.empty()) return svg.str();

  const double step = bins.edges[1] - bins.edges[0];
  const Ticks bin_ticks{bins.edges.front(), bins.edges.back(), step, bins.edges};
  // The x axis is labelled at the bin edges; a reference line outside them widens it to nice ticks over both.
  Ticks x_ticks = bin_ticks;
  if (labels.reference && (labels.reference->value < bins.edges.front() || labels.reference->value > bins.edges.back()))
    x_ticks = nice_ticks(std::min(bins.edges.front(), labels.reference->value),
                         std::max(bins.edges.back(), labels.reference->value), 6);
  const std::vector<std::string> x_labels = tick_labels(x_ticks, labels.units);
  const std::vector<std::string> edge_labels = tick_labels(bin_ticks, labels.units);

  const std::size_t tallest = *std::max_element(bins.counts.begin(), bins.counts.end());
  Ticks count_ticks = nice_ticks(0, static_cast<double>(std::max<std::size_t>(tallest, 1)), 4);
  if (count_ticks.step < 1) count_ticks = nice_ticks(0, static_cast<double>(std::max<std::size_t>(tallest, 4)), 4);
  Frame frame;
  const ValueAxis axis = layout_value_axis(count_ticks, {"", "replications", ""}, frame.bottom - frame.top);
  frame.left = axis.plot_left;
  frame.right = kChartWidth - right_margin_for(x_labels.back());  // the last label is centred on the plot's edge
  const LinearScale y(0, count_ticks.hi, frame.bottom, frame.top);
  const LinearScale x(x_ticks.lo, x_ticks.hi, frame.left, frame.right);
  draw_value_axis(svg, axis, frame, y);

  svg.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < bins.counts.size(); ++i) {
    const double x0 = x(bins.edges[i]), x1 = x(bins.edges[i + 1]);
    const double top = y(static_cast<double>(bins.counts[i]));
    svg.rect(x0 + 1, top, x1 - x0 - 2, frame.bottom - top, "hist-bar",
             fmt::format("{} – {}: {} replications", edge_labels[i], edge_labels[i + 1], bins.counts[i]));
  }
  svg.close();

  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(frame.left, frame.bottom, frame.right, frame.bottom, "axis-line");
  // Label every tick when they fit, else every other one.
  const std::size_t label_every = x_ticks.values.size() > 12 ? 2 : 1;
  for (std::size_t i = 0; i < x_ticks.values.size(); i += label_every) {
    const double px = x(x_ticks.values[i]);
    svg.line(px, frame.bottom, px, frame.bottom + 5, "axis-line");
    svg.text(px, frame.bottom + 19, x_labels[i], "tick-label");
  }
  draw_x_title(svg, labels.value_axis, labels.units, frame, kChartHeight - 8);
  svg.close();

  if (labels.reference) draw_vertical_reference(svg, *labels.reference, frame, x);

  double sum = 0;
  std::size_t n = 0;
  for (const double v : values)
    if (std::isfinite(v)) sum += v, ++n;
  const double mean = sum / static_cast<double>(n);
  const std::string mean_label = "mean " + value_label(mean, labels.units);
  // Centred on the marker, but kept inside the viewBox when the mean is near an edge.
  const double half = text_width(mean_label, kLegendFont) / 2 + 2;
  svg.open("g", {{"class", "mean-marker"}});
  svg.line(x(mean), frame.top, x(mean), frame.bottom, "hist-mean");
  svg.text(std::clamp(x(mean), half, kChartWidth - half), frame.top - 6, mean_label, "legend-label", "middle");
  svg.close();
  return svg.str();
}

}  // namespace pfsim::output::svg
