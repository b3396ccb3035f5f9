// Schemes and QIPP risk: the savings distribution against the QIPP target, and a tornado per headline KPI of how
// much each scheme's uncertain delivery moves it (run/src/scheme_summary.cpp computes them).
#include <cmath>

#include <fmt/format.h>

#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "pfsim/scenario/schemes.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;
using svg::value_label;

// Schemes whose delivered fraction differs between replications: the regression's unknowns.
std::size_t varying_schemes(const TableGroup& schemes) {
  const std::size_t k = schemes.labels.size();
  const Breakdown* delivery = nullptr;
  for (const Breakdown& b : schemes.tables)
    if (b.name == "delivery") delivery = &b;
  if (!delivery || k == 0 || delivery->values.size() % k != 0) return 0;
  const std::size_t reps = delivery->values.size() / k;
  std::size_t varying = 0;
  for (std::size_t s = 0; s < k; ++s)
    for (std::size_t r = 1; r < reps; ++r)
      if (delivery->values[r * k + s] != delivery->values[s]) {
        ++varying;
        break;
      }
  return varying;
}

bool all_zero(const std::vector<double>& values) {
  for (const double v : values)
    if (v != 0) return false;
  return true;
}

// "A, B and C".
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

std::string savings_figure(const Context& c, const std::vector<double>& savings) {
  std::string note = "total savings per replication (money schemes plus flow savings against the same replication without schemes)";
  svg::ChartLabels labels{"Savings", "Savings (£)", "", "£", std::nullopt};
  // /qipp/p_meet_target holds the QIPP target, P(meet it) and its 95 % Wilson interval.
  if (const auto* p = extra_dataset(c.record, "/qipp/p_meet_target"); p && p->size() >= 4) {
    const std::string target = value_label((*p)[0], "£", 4);
    note += fmt::format("; QIPP target {}, P(meet target) = {} (95 % CI {} – {})", target, value_label((*p)[1] * 100, "%", 2),
                        value_label((*p)[2] * 100, "%", 2), value_label((*p)[3] * 100, "%", 2));
    labels.reference = svg::ReferenceLine{(*p)[0], "QIPP target " + target};
  }
  labels.description = note;
  return figure(svg::histogram(savings, labels), "Savings distribution", note, "hist");
}

}  // namespace

std::string schemes_section(const Context& c) {
  const std::vector<double>* savings = extra_dataset(c.record, "/qipp/savings_gbp");
  const TableGroup* schemes = table_group(c.record, "schemes");
  if (!savings || !schemes) return {};
  std::string out = savings_figure(c, *savings);

  // Below this many replications the regression behind the KPI tornados and the flow savings was not fitted.
  const std::size_t varying = varying_schemes(*schemes);
  const std::size_t needed = varying + scenario::kRegressionSpareReplications;
  const bool fitted = savings->size() >= needed;

  // Savings first (its money part needs no regression), then every headline KPI the run has a tornado for.
  struct Tornado {
    std::string name, title, units;
  };
  std::vector<Tornado> tornados = {{"savings_gbp", "savings", "£"}};
  for (const Kpi& kpi : c.record.kpis)
    if (is_headline(kpi.name)) tornados.push_back({kpi.name, title_for(kpi.name, kpi.description), kpi.units});
  std::vector<std::string> not_estimated, unchanged;
  for (const Tornado& t : tornados) {
    const std::vector<double>* swing = extra_dataset(c.record, fmt::format("/qipp/tornado/{}", t.name));
    if (!swing || swing->size() != schemes->labels.size()) continue;
    if (all_zero(*swing)) {
      (fitted ? unchanged : not_estimated).push_back(escape_xml(in_sentence(t.title)));
      continue;
    }
    const std::string title = "Tornado: " + t.title;
    std::string what = fmt::format("change in {} as each scheme's delivery goes from its 10th to its 90th percentile, "
                                   "others at their median (largest ten)", in_sentence(t.title));
    if (t.name == "savings_gbp" && !fitted) what += "; money savings only, flow savings not attributed to schemes";
    out += figure(svg::tornado_chart(schemes->labels, *swing, {title, axis_title("change in " + in_sentence(t.title), t.units), what, t.units}),
                  title, what, "tornado");
  }
  if (!not_estimated.empty())
    out += fmt::format("<p class=\"note not-drawn\">No tornado for {}: each scheme's swing comes from a regression on the "
                       "delivered fractions of the {} schemes whose delivery varies, which needs at least {} replications, "
                       "and this run has {}.</p>\n",
                       listed(not_estimated), varying, needed, savings->size());
  if (!unchanged.empty())
    out += fmt::format("<p class=\"note not-drawn\">No tornado for {}: no scheme's delivery changes it (every swing is "
                       "zero).</p>\n", listed(unchanged));
  return out;
}

}  // namespace pfsim::output
