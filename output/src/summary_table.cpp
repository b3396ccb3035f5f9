#include "pfsim/output/summary_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"

namespace pfsim::output {
namespace {

constexpr std::size_t kColumns = 7;
using Row = std::array<std::string, kColumns>;
// Name and units read left to right; numbers align on the right so their decimal points line up.
constexpr std::array<bool, kColumns> kRightAligned = {false, true, true, true, true, true, false};

// Decimals that show the CI half-width to two significant figures, the precision the replications support
// (85.31 ± 0.23, 102345 ± 450); every number in the row uses them so the row reads consistently.
int decimals_for(const engine::Summary& s) {
  const double reference = s.ci95_half > 0 ? s.ci95_half : std::abs(s.mean);
  if (!std::isfinite(reference) || reference == 0) return 2;
  return std::clamp(1 - static_cast<int>(std::floor(std::log10(reference))), 0, 6);
}

// Terminal columns taken by UTF-8 text ("±" is two bytes, one column): count the bytes that start a code point.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

Row row_for(const Kpi& kpi) {
  const engine::Summary s = engine::summarise(kpi.per_replication);
  const int d = decimals_for(s);
  const auto number = [d](double x) { return fmt::format("{:.{}f}", x, d); };
  return {kpi.name, number(s.mean), "± " + number(s.ci95_half), number(s.p5), number(s.p50), number(s.p95), kpi.units};
}

}  // namespace

std::string format_summary_table(const std::vector<Kpi>& kpis) {
  std::vector<Row> rows = {{"KPI", "mean", "95% CI", "p5", "p50", "p95", "units"}};
  for (const Kpi& kpi : kpis) rows.push_back(row_for(kpi));

  std::array<std::size_t, kColumns> widths{};
  for (const Row& row : rows)
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));

  std::string out;
  const auto append_row = [&](const Row& row) {
    std::string line;
    for (std::size_t c = 0; c < kColumns; ++c) {
      const std::string padding(widths[c] - display_width(row[c]), ' ');
      if (c > 0) line += "  ";
      line += kRightAligned[c] ? padding + row[c] : row[c] + padding;
    }
    line.erase(line.find_last_not_of(' ') + 1);  // no trailing blanks after the units column
    out += line + '\n';
  };
  append_row(rows.front());
  std::size_t total = 2 * (kColumns - 1);
  for (std::size_t w : widths) total += w;
  out += std::string(total, '-') + '\n';
  for (std::size_t i = 1; i < rows.size(); ++i) append_row(rows[i]);
  return out;
}

}  // namespace pfsim::output
