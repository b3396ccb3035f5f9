#include "pfsim/output/summary_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/stats.hpp"
#include "pfsim/scenario/kpi_catalogue.hpp"

namespace pfsim::output {

int decimals_for_ci(double ci95_half, double mean) {
  const double reference = ci95_half > 0 ? ci95_half : std::abs(mean);
  if (!std::isfinite(reference) || reference == 0) return 2;
  return std::clamp(1 - static_cast<int>(std::floor(std::log10(reference))), 0, 6);
}

namespace {

constexpr std::size_t kColumns = 7;
using Row = std::array<std::string, kColumns>;

int decimals_for(const engine::Summary& s) { return decimals_for_ci(s.ci95_half, s.mean); }

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
  const std::string rough = s.n < engine::kMinValuesForTailPercentiles ? "~" : "";
  return {kpi.name, number(s.mean), "± " + number(s.ci95_half), rough + number(s.p5), number(s.p50), rough + number(s.p95),
          kpi.units};
}

// The lines under the table: what "~" means, and the median with its bootstrap CI for each skewed KPI.
std::string notes_for(const std::vector<Kpi>& kpis) {
  std::string out;
  std::size_t fewest = 0;
  for (const Kpi& kpi : kpis) {
    const std::size_t n = kpi.per_replication.size();
    if (n > 0 && (fewest == 0 || n < fewest)) fewest = n;
  }
  if (fewest > 0 && fewest < engine::kMinValuesForTailPercentiles)
    out += fmt::format("~ p5 and p95 from {} replications are rough (they sit at the extreme values); run at least {} for "
                       "tail percentiles\n", fewest, engine::kMinValuesForTailPercentiles);
  for (const Kpi& kpi : kpis) {
    const scenario::KpiInfo* info = scenario::find_kpi_info(kpi.name);
    if (!info || !info->skewed || kpi.per_replication.size() < 2) continue;
    const engine::Summary s = engine::summarise(kpi.per_replication);
    const engine::Interval ci = engine::bootstrap_median_ci(kpi.per_replication, engine::hash_name(kpi.name));
    const int d = decimals_for(s);
    out += fmt::format("{} is skewed over replications: median {:.{}f}, 95% bootstrap CI {:.{}f} to {:.{}f} {}\n", kpi.name,
                       s.p50, d, ci.lo, d, ci.hi, d, kpi.units);
  }
  return out;
}

// Header, rule, rows. Name and units read left to right; numbers align on the right so their decimal points line up.
std::string aligned(const std::vector<std::vector<std::string>>& rows) {
  const std::size_t columns = rows.front().size();
  std::vector<std::size_t> widths(columns, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < columns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  std::string out;
  const auto append_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string padding(widths[c] - display_width(row[c]), ' ');
      if (c > 0) line += "  ";
      line += c > 0 && c + 1 < columns ? padding + row[c] : row[c] + padding;
    }
    line.erase(line.find_last_not_of(' ') + 1);  // no trailing blanks after the units column
    out += line + '\n';
  };
  append_row(rows.front());
  std::size_t total = 2 * (columns - 1);
  for (std::size_t w : widths) total += w;
  out += std::string(total, '-') + '\n';
  for (std::size_t i = 1; i < rows.size(); ++i) append_row(rows[i]);
  return out;
}

}  // namespace

std::string format_summary_table(const std::vector<Kpi>& kpis) {
  std::vector<std::vector<std::string>> rows = {{"KPI", "mean", "95% CI", "p5", "p50", "p95", "units"}};
  for (const Kpi& kpi : kpis) {
    const Row row = row_for(kpi);
    rows.emplace_back(row.begin(), row.end());
  }
  return aligned(rows) + notes_for(kpis);
}

std::string format_headline_table(const std::vector<Kpi>& kpis, const std::vector<std::string>& headline) {
  if (headline.empty()) return {};
  std::vector<Kpi> selected;
  for (const std::string& name : headline)
    for (const Kpi& kpi : kpis)
      if (kpi.name == name) selected.push_back(kpi);
  return "headline measures (the scenario's headline_kpis)\n" + format_summary_table(selected) + "\nevery KPI\n";
}

std::vector<std::string> headline_kpis(const RunRecord& record) {
  std::vector<std::string> names;
  for (const auto& [key, value] : record.extra_meta) {
    if (key != "headline_kpis") continue;
    std::size_t start = 0;
    while (start < value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::size_t end = comma == std::string::npos ? value.size() : comma;
      std::string name = value.substr(start, end - start);
      name.erase(0, name.find_first_not_of(' '));
      if (!name.empty()) names.push_back(name);
      start = end + 1;
    }
  }
  return names;
}

std::string format_breakdown_table(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels) {
  std::vector<std::vector<std::string>> rows(1, {"KPI"});
  rows.front().insert(rows.front().end(), labels.begin(), labels.end());
  rows.front().emplace_back("units");
  if (labels.empty()) return {};
  for (const Breakdown& b : breakdowns) {
    if (b.values.size() % labels.size() != 0) continue;
    const std::size_t reps = b.values.size() / labels.size();
    std::vector<engine::Summary> summaries;
    int d = 0;  // one precision for the row, the finest any label needs, so the row reads consistently
    for (std::size_t l = 0; l < labels.size(); ++l) {
      std::vector<double> column(reps);
      for (std::size_t r = 0; r < reps; ++r) column[r] = b.values[r * labels.size() + l];
      summaries.push_back(engine::summarise(column));
      d = std::max(d, decimals_for(summaries.back()));
    }
    std::vector<std::string> row = {b.name};
    for (const engine::Summary& s : summaries) row.push_back(fmt::format("{:.{}f}", s.mean, d));
    row.push_back(b.units);
    rows.push_back(std::move(row));
  }
  return aligned(rows);
}

}  // namespace pfsim::output
