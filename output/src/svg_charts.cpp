// Fan charts and histograms as inline SVG. Styling (colours, fonts) lives in the page's CSS classes so print and
// screen can differ; the SVG carries geometry and text only.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"

namespace pfsim::output::svg {
namespace {

constexpr double kWidth = 760, kHeight = 320;
constexpr double kLeft = 78, kRight = 18, kTop = 34, kBottom = 56;
constexpr double kPlotRight = kWidth - kRight, kPlotBottom = kHeight - kBottom;

// Horizontal grid lines with labels at the y ticks, the y-axis title, and the plot frame's baseline.
void draw_value_axis(Builder& svg, const Ticks& ticks, const LinearScale& y, std::string_view title) {
  svg.open("g", {{"class", "axis y-axis"}});
  for (const double v : ticks.values) {
    const double py = y(v);
    svg.line(kLeft, py, kPlotRight, py, "grid");
    svg.text(kLeft - 6, py + 4, number(v, ticks.decimals()), "tick-label", "end");
  }
  svg.vertical_text(18, (kTop + kPlotBottom) / 2, title, "axis-title");
  svg.close();
}

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
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
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

std::string polyline(const std::vector<double>& values, const LinearScale& x, const LinearScale& y, bool move_first = true) {
  std::string d;
  for (std::size_t i = 0; i < values.size(); ++i)
    d += fmt::format("{}{},{}", i == 0 && move_first ? "M" : "L", coord(x(static_cast<double>(i))), coord(y(values[i])));
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
void draw_fan_legend(Builder& svg) {
  svg.open("g", {{"class", "legend"}});
  svg.rect(kPlotRight - 250, 8, 16, 10, "fan-band legend-swatch");
  svg.text(kPlotRight - 228, 17, "5–95 % of replications", "legend-label", "start");
  svg.line(kPlotRight - 90, 13, kPlotRight - 74, 13, "fan-median legend-line");
  svg.text(kPlotRight - 68, 17, "median", "legend-label", "start");
  svg.close();
}

}  // namespace

std::string fan_chart(const FanBands& bands, std::string_view start_date, const ChartLabels& labels) {
  const std::size_t days = bands.p50.size();
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < days; ++i) {
    for (const double v : {bands.p5[i], bands.p50[i], bands.p95[i]}) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const Ticks ticks = nice_ticks(lo, hi, 5);
  const LinearScale x(0, static_cast<double>(std::max<std::size_t>(days, 2) - 1), kLeft, kPlotRight);
  const LinearScale y(ticks.lo, ticks.hi, kPlotBottom, kTop);

  Builder svg(kWidth, kHeight, labels.title + (labels.description.empty() ? "" : ": " + labels.description), "chart fan-chart");
  draw_value_axis(svg, ticks, y, labels.value_axis);

  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(kLeft, kPlotBottom, kPlotRight, kPlotBottom, "axis-line");
  for (const DateTick& t : date_ticks(days, start_date)) {
    svg.line(x(t.day), kPlotBottom, x(t.day), kPlotBottom + 5, "axis-line");
    svg.text(x(t.day), kPlotBottom + 19, t.label, "tick-label");
  }
  svg.text((kLeft + kPlotRight) / 2, kHeight - 8, parse_date(start_date) ? "date" : "day", "axis-title");
  svg.close();

  if (days > 0) draw_band_and_median(svg, bands, x, y);
  draw_fan_legend(svg);
  return svg.str();
}

std::string month_chart(const FanBands& bands, std::span<const std::string> months, const ChartLabels& labels) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::size_t n = bands.p50.size();
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < n; ++i)
    for (const double v : {bands.p5[i], bands.p50[i], bands.p95[i]})
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  const Ticks ticks = nice_ticks(lo, hi, 5);
  // Points sit in the middle of equal month slots, so one month is drawn too.
  const double slot = (kPlotRight - kLeft) / static_cast<double>(std::max<std::size_t>(n, 1));
  const LinearScale x(0, 1, kLeft + slot / 2, kLeft + slot * 1.5);
  const LinearScale y(ticks.lo, ticks.hi, kPlotBottom, kTop);

  Builder svg(kWidth, kHeight, labels.title + (labels.description.empty() ? "" : ": " + labels.description), "chart month-chart");
  draw_value_axis(svg, ticks, y, labels.value_axis);
  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(kLeft, kPlotBottom, kPlotRight, kPlotBottom, "axis-line");
  // Every month labelled while they fit (about 40 px each), else every second or third; the year on January and
  // on the first label.
  const std::size_t step = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(40.0 / slot)));
  for (std::size_t i = 0; i < n; i += step) {
    const std::string& m = months[i];
    std::string label = m;
    if (m.size() == 7) {
      const int month = std::atoi(m.c_str() + 5);
      label = month >= 1 && month <= 12 ? kMonths[static_cast<std::size_t>(month - 1)] : m;
      if (i == 0 || month == 1) label += " " + m.substr(0, 4);
    }
    svg.line(x(static_cast<double>(i)), kPlotBottom, x(static_cast<double>(i)), kPlotBottom + 5, "axis-line");
    svg.text(x(static_cast<double>(i)), kPlotBottom + 19, label, "tick-label");
  }
  svg.text((kLeft + kPlotRight) / 2, kHeight - 8, "month", "axis-title");
  svg.close();
  if (n > 0) {
    draw_band_and_median(svg, bands, x, y);
    for (std::size_t i = 0; i < n; ++i)
      svg.element("circle", {{"cx", coord(x(static_cast<double>(i)))}, {"cy", coord(y(bands.p50[i]))}, {"r", "3"}, {"class", "fan-point"}});
  }
  draw_fan_legend(svg);
  return svg.str();
}

std::string histogram(std::span<const double> values, const ChartLabels& labels) {
  const Bins bins = histogram_bins(values);
  Builder svg(kWidth, kHeight, labels.title + (labels.description.empty() ? "" : ": " + labels.description), "chart histogram");
  if (bins.counts.empty()) return svg.str();

  const std::size_t tallest = *std::max_element(bins.counts.begin(), bins.counts.end());
  Ticks count_ticks = nice_ticks(0, static_cast<double>(std::max<std::size_t>(tallest, 1)), 4);
  if (count_ticks.step < 1) count_ticks = nice_ticks(0, static_cast<double>(std::max<std::size_t>(tallest, 4)), 4);
  const LinearScale y(0, count_ticks.hi, kPlotBottom, kTop);
  const LinearScale x(bins.edges.front(), bins.edges.back(), kLeft, kPlotRight);
  draw_value_axis(svg, count_ticks, y, "replications");

  const double step = bins.edges[1] - bins.edges[0];
  const int decimals = decimals_for(step, 2);
  svg.open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < bins.counts.size(); ++i) {
    const double x0 = x(bins.edges[i]), x1 = x(bins.edges[i + 1]);
    svg.rect(x0 + 1, y(static_cast<double>(bins.counts[i])), x1 - x0 - 2, kPlotBottom - y(static_cast<double>(bins.counts[i])),
             "hist-bar", fmt::format("{} – {}: {} replications", number(bins.edges[i], decimals),
                                     number(bins.edges[i + 1], decimals), bins.counts[i]));
  }
  svg.close();

  svg.open("g", {{"class", "axis x-axis"}});
  svg.line(kLeft, kPlotBottom, kPlotRight, kPlotBottom, "axis-line");
  // Label every edge when they fit, else every other one.
  const std::size_t label_every = bins.edges.size() > 12 ? 2 : 1;
  for (std::size_t i = 0; i < bins.edges.size(); i += label_every) {
    svg.line(x(bins.edges[i]), kPlotBottom, x(bins.edges[i]), kPlotBottom + 5, "axis-line");
    svg.text(x(bins.edges[i]), kPlotBottom + 19, number(bins.edges[i], decimals), "tick-label");
  }
  svg.text((kLeft + kPlotRight) / 2, kHeight - 8, labels.value_axis, "axis-title");
  svg.close();

  double sum = 0;
  std::size_t n = 0;
  for (const double v : values)
    if (std::isfinite(v)) sum += v, ++n;
  const double mean = sum / static_cast<double>(n);
  svg.open("g", {{"class", "mean-marker"}});
  svg.line(x(mean), kTop, x(mean), kPlotBottom, "hist-mean");
  svg.text(x(mean), kTop - 6, "mean " + number(mean, decimals_for(step, 3)), "legend-label", "middle");
  svg.close();
  return svg.str();
}

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
  constexpr double kRow = 24, kLabelWidth = 300;
  const double height = kTop + kRow * static_cast<double>(std::max<std::size_t>(shown.size(), 1)) + kBottom;
  Builder svg(kWidth, height, text.title + (text.description.empty() ? "" : ": " + text.description), "chart tornado");
  if (shown.empty()) return svg.str();
  double lo = 0, hi = 0;
  for (const std::size_t i : shown) lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
  const Ticks ticks = nice_ticks(lo, hi, 4);
  const double plot_left = kLabelWidth, plot_bottom = height - kBottom;
  const LinearScale x(ticks.lo, ticks.hi, plot_left, kPlotRight);
  svg.open("g", {{"class", "axis x-axis"}});
  for (const double v : ticks.values) {
    svg.line(x(v), kTop - 4, x(v), plot_bottom, v == 0.0 ? "axis-line" : "grid");
    svg.text(x(v), plot_bottom + 19, number(v, ticks.decimals()), "tick-label");
  }
  svg.text((plot_left + kPlotRight) / 2, height - 8, text.value_axis, "axis-title");
  svg.close();
  svg.open("g", {{"class", "bars"}});
  for (std::size_t row = 0; row < shown.size(); ++row) {
    const std::size_t i = shown[row];
    const double y = kTop + kRow * static_cast<double>(row);
    const double x0 = x(std::min(0.0, values[i])), x1 = x(std::max(0.0, values[i]));
    const std::string& label = i < labels.size() ? labels[i] : std::string("?");
    svg.text(plot_left - 8, y + kRow * 0.65, label, "tick-label", "end");
    svg.rect(x0, y + 3, std::max(1.0, x1 - x0), kRow - 6, "tornado-bar", fmt::format("{}: {}", label, number(values[i], 3)));
  }
  svg.close();
  return svg.str();
}

}  // namespace pfsim::output::svg
