#pragma once
// Charts the report draws as inline SVG (issue 9): axes with "nice" ticks, daily fan charts over replications and
// histograms of per-replication KPIs. The numeric parts (ticks, scales, bands, bins) are separate from the drawing
// so tests can check them against known data.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::output::svg {

/// Axis ticks by the 1-2-5 rule: a step of 1, 2 or 5 × 10^k, and a range widened to whole steps.
struct Ticks {
  double lo = 0, hi = 1, step = 1;
  std::vector<double> values;  ///< lo, lo + step, ..., hi
  /// Decimals a tick label needs to show the step exactly (step 0.5 → 1, step 20 → 0).
  [[nodiscard]] int decimals() const;
};

/// About `target` intervals covering [lo, hi] (Heckbert 1990, "Nice numbers for graph labels"). A zero-width range
/// is widened around its value, except zero, which gets [0, 1] (a count that is always zero sits on the axis, not in
/// the middle of −1..1); lo > hi are swapped; non-finite input gives the ticks of [0, 1].
Ticks nice_ticks(double lo, double hi, int target = 5);

/// Maps a data range onto a pixel range, linearly; a zero-width domain maps everything to the range's midpoint.
class LinearScale {
 public:
  LinearScale(double domain_lo, double domain_hi, double range_lo, double range_hi);
  [[nodiscard]] double operator()(double value) const;

 private:
  double domain_lo_, domain_hi_, range_lo_, range_hi_;
};

/// A calendar date as days since 1970-01-01 and back; parse_date accepts "YYYY-MM-DD" only.
std::optional<long> parse_date(std::string_view iso_date);
/// "2019-04-01" for the day `days_since_epoch`.
std::string format_date(long days_since_epoch);

/// The fan of a daily series over replications: per day, the 5th, 50th and 95th percentile (type 7, as
/// engine::percentile) across replications.
struct FanBands {
  std::vector<double> p5, p50, p95;
};
/// `values` is row-major [replication][day]. Throws std::invalid_argument if its size is not replications × days.
FanBands fan_bands(std::span<const float> values, std::size_t replications, std::size_t days);

/// Fixed-width bins whose edges are nice ticks over the data; counts[i] holds edges[i] ≤ x < edges[i + 1]
/// (the last bin also holds its upper edge).
struct Bins {
  std::vector<double> edges;
  std::vector<std::size_t> counts;
};
/// About max(5, ⌈log2 n⌉ + 1) bins (Sturges), at least one; empty input gives no bins.
Bins histogram_bins(std::span<const double> values);

/// A standard or target drawn as a dashed line across the plot (horizontal on fan and month charts, vertical on a
/// histogram) with its label ("95 % standard", "QIPP target £21.98 m"); the value axis is widened to include it.
struct ReferenceLine {
  double value = 0;
  std::string label;
};

/// What a chart shows: a title (escaped), a y or x axis title with units, and an accessible description. `units`
/// (of the values: "%", "£", "patients") sets how tick and value labels read (svg_numbers.hpp) and is the y-axis
/// title when `value_axis` does not fit beside the plot on two lines.
struct ChartLabels {
  std::string title, value_axis, description;
  std::string units = {};
  std::optional<ReferenceLine> reference = {};
};

/// A fan chart: the 5–95 % band over replications shaded, the median as a line; x axis calendar dates from
/// `start_date` ("YYYY-MM-DD"; day numbers when it does not parse). Paths carry classes fan-band and fan-median.
std::string fan_chart(const FanBands& bands, std::string_view start_date, const ChartLabels& labels);

/// The same over calendar months: `months` are "YYYY-MM" labels, one per point of `bands`; each month is a point
/// of the median line (class fan-median) inside the 5–95 % band.
std::string month_chart(const FanBands& bands, std::span<const std::string> months, const ChartLabels& labels);

/// A histogram of per-replication values, with the mean marked; bars carry class hist-bar. The x axis covers the
/// bins and the reference line, if any.
std::string histogram(std::span<const double> values, const ChartLabels& labels);

/// Indices of the `limit` largest |values|, largest first (ties keep input order).
std::vector<std::size_t> largest_magnitudes(std::span<const double> values, std::size_t limit);

/// A tornado chart: one horizontal bar per label from zero to its value (e.g. a KPI's change as one scheme's
/// delivery goes from its 10th to its 90th percentile), the `limit` largest first; bars carry class tornado-bar. The
/// label column is as wide as the longest label needs, up to half the chart; a longer label wraps onto more lines.
std::string tornado_chart(std::span<const std::string> labels, std::span<const double> values, const ChartLabels& labels_text,
                          std::size_t limit = 10);

/// A forest plot: one row per label, in order, with the estimate `means[i]` as a square and its 95 % CI
/// (± `halves[i]`) as a whisker, against the line at zero (e.g. each option's paired difference from the base). A
/// square whose CI excludes zero carries classes forest-point significant (filled), else forest-point (hollow);
/// whiskers carry forest-ci. A row whose estimate is not finite (a module only one side has) reads "n/a".
std::string forest_plot(std::span<const std::string> labels, std::span<const double> means, std::span<const double> halves,
                        const ChartLabels& labels_text);

}  // namespace pfsim::output::svg
