// Option appraisal (a `pfsim compare` file, DESIGN §7.4): every option against the base on the headline measures —
// a table, a forest plot per measure, the differences by site and by locality, and the travel burden — so the
// comparison a board decides on is on the page, not only on a terminal.
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/output/summary_table.hpp"
#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_charts.hpp"
#include "pfsim/output/svg_numbers.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;
using svg::number;

struct Option {
  std::string label, name;  ///< the option file's stem (the /compare group) and its scenario's name
};

struct Difference {
  double mean = NAN, half = NAN;
  [[nodiscard]] bool defined() const { return std::isfinite(mean) && std::isfinite(half); }
  [[nodiscard]] bool excludes_zero() const { return defined() && (mean - half > 0 || mean + half < 0); }
};

const std::string* meta_value(const RunRecord& r, std::string_view key) {
  for (const auto& [k, v] : r.extra_meta)
    if (k == key) return &v;
  return nullptr;
}

// /meta holds option_<label> (the name) and option_<label>_warmup_days for each option, in option order.
std::vector<Option> options_of(const RunRecord& r) {
  std::vector<Option> out;
  constexpr std::string_view kPrefix = "option_";
  for (const auto& [key, value] : r.extra_meta)
    if (key.starts_with(kPrefix) && meta_value(r, key + "_warmup_days"))
      out.push_back({key.substr(kPrefix.size()), value});
  return out;
}

// Column `column` of a /compare summary ([column × (mean, ci95_half, p5, p50, p95)]).
std::optional<Difference> difference(const RunRecord& r, const std::string& path, std::size_t column = 0) {
  const std::vector<double>* summary = extra_dataset(r, path + "_summary");
  if (!summary || summary->size() < (column + 1) * 5) return std::nullopt;
  return Difference{(*summary)[column * 5], (*summary)[column * 5 + 1]};
}

std::string signed_number(double value, int decimals) {
  const std::string text = number(value, decimals);
  return value > 0 ? "+" + text : text;
}

// The scenario's headline_kpis when it has them, else the catalogue's headline KPIs, in the record's order.
std::vector<const Kpi*> headline_measures(const RunRecord& r) {
  std::vector<const Kpi*> out;
  for (const std::string& name : headline_kpis(r))
    for (const Kpi& kpi : r.kpis)
      if (kpi.name == name) out.push_back(&kpi);
  if (out.empty())
    for (const Kpi& kpi : r.kpis)
      if (is_headline(kpi.name)) out.push_back(&kpi);
  return out;
}

// One row per headline measure: the base mean, then per option its mean and its difference ± CI.
std::string measures_table(const RunRecord& r, const std::vector<Option>& options, const std::vector<const Kpi*>& measures) {
  std::string out = "<table class=\"kpi-table compare-table\"><thead><tr><th scope=\"col\">Measure</th>"
                    "<th scope=\"col\" class=\"num\">Base</th>";
  for (const Option& o : options) out += fmt::format("<th scope=\"col\" class=\"num\" title=\"{}\">{}</th>", escape_xml(o.name), escape_xml(o.label));
  out += "</tr></thead><tbody>\n";
  for (const Kpi* kpi : measures) {
    const engine::Summary base = engine::summarise(kpi->per_replication);
    std::vector<Difference> diffs;
    double spread = base.ci95_half;
    for (const Option& o : options) {
      diffs.push_back(difference(r, fmt::format("/compare/{}/{}", o.label, kpi->name)).value_or(Difference{}));
      if (diffs.back().defined()) spread = std::max(spread, diffs.back().half);
    }
    const int d = svg::table_decimals(spread > 0 ? spread : std::abs(base.mean), kpi->units);
    out += fmt::format("<tr><td><span class=\"kpi-title\">{}</span> <code>{}</code><br><span class=\"desc\">{}</span></td>"
                       "<td class=\"num\">{}</td>",
                       escape_xml(title_for(kpi->name, kpi->description)), escape_xml(kpi->name), escape_xml(kpi->units),
                       number(base.mean, d));
    for (const Difference& diff : diffs) {
      if (!diff.defined()) {
        out += "<td class=\"num\">n/a</td>";
        continue;
      }
      out += fmt::format("<td class=\"num{}\">{}<br><span class=\"desc\">{} ± {}</span></td>", diff.excludes_zero() ? " significant" : "",
                         number(base.mean + diff.mean, d), signed_number(diff.mean, d), number(diff.half, d));
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n<p class=\"note\">Each option's mean, and under it the paired difference from the base "
               "(option − base) ± 95 % CI half-width; bold where the CI excludes zero. n/a: a measure of a module only "
               "one side has.</p>\n";
}

std::string forest_plots(const RunRecord& r, const std::vector<Option>& options, const std::vector<const Kpi*>& measures) {
  std::vector<std::string> names;
  for (const Option& o : options) names.push_back(o.name.empty() ? o.label : o.name);
  std::string out;
  std::vector<std::string> unchanged;
  for (const Kpi* kpi : measures) {
    std::vector<double> means, halves;
    bool moved = false;
    for (const Option& o : options) {
      const Difference diff = difference(r, fmt::format("/compare/{}/{}", o.label, kpi->name)).value_or(Difference{});
      means.push_back(diff.mean);
      halves.push_back(diff.half);
      moved = moved || (diff.defined() && (diff.mean != 0 || diff.half != 0));
    }
    if (!moved) {
      unchanged.push_back(escape_xml(in_sentence(title_for(kpi->name, kpi->description))));
      continue;
    }
    const std::string title = title_for(kpi->name, kpi->description);
    const std::string note = fmt::format("{} ({}): each option's paired difference from the base with its 95 % CI; filled "
                                         "squares where the CI excludes zero", kpi->description, kpi->name);
    out += figure(svg::forest_plot(names, means, halves,
                                   {"Forest plot: " + title, axis_title("change in " + in_sentence(title), kpi->units), note, kpi->units}),
                  "Forest plot: " + title, note, "forest");
  }
  if (!unchanged.empty()) {
    std::string list;
    for (std::size_t i = 0; i < unchanged.size(); ++i)
      list += (i == 0 ? "" : i + 1 == unchanged.size() ? " and " : ", ") + unchanged[i];
    out += fmt::format("<p class=\"note not-drawn\">No forest plot for {}: no option changes {} in any replication.</p>\n", list,
                       unchanged.size() == 1 ? "it" : "them");
  }
  return out;
}

// The differences of the headline measures by site or locality, one set of tables per option.
std::string breakdown_differences(const RunRecord& r, const std::vector<Option>& options, const std::vector<const Kpi*>& measures,
                                  std::string_view scope, const std::vector<Breakdown>& base, const std::vector<std::string>& labels,
                                  std::string_view heading) {
  std::string out;
  for (const Option& o : options) {
    std::vector<Breakdown> diffs;
    for (const Kpi* kpi : measures)
      for (const Breakdown& b : base)
        if (b.name == kpi->name)
          if (const auto* values = extra_dataset(r, fmt::format("/compare/{}/{}/{}", o.label, scope, b.name)))
            diffs.push_back({b.name, b.units, b.description, *values});
    const std::string tables = breakdown_tables(diffs, labels, heading, fmt::format("breakdown-table compare-{}", scope),
                                                "Mean paired difference (option − base)");
    if (!tables.empty()) out += fmt::format("<h3>{}: {}</h3>\n{}", escape_xml(heading), escape_xml(o.name.empty() ? o.label : o.name), tables);
  }
  return out;
}

// The travel tables' column headings (scenario::travel_catalogue() describes each in a sentence, kept as the tooltip).
std::string travel_title(const Breakdown& table) {
  if (table.name == "routed_patients") return "Routed to another site";
  if (table.name == "transfers") return "Transferred between sites";
  if (table.name == "extra_travel_min_mean") return "Mean extra travel";
  if (table.name == "extra_travel_min_p95") return "95th centile extra travel";
  return title_for(table.name, table.description);
}

// Travel burden for all localities together (the last column of /travel): base, then each option with its difference.
std::string travel_table(const RunRecord& r, const std::vector<Option>& options) {
  const TableGroup* travel = table_group(r, "travel");
  if (!travel || travel->labels.empty()) return {};
  const std::size_t all = travel->labels.size() - 1;
  std::string head = "<table class=\"kpi-table compare-travel\"><thead><tr><th scope=\"col\">Scenario</th>";
  std::vector<std::string> rows(options.size() + 1);
  rows[0] = "<tr><th scope=\"row\">Base</th>";
  for (std::size_t k = 0; k < options.size(); ++k)
    rows[k + 1] = fmt::format("<tr><th scope=\"row\">{}</th>", escape_xml(options[k].name.empty() ? options[k].label : options[k].name));
  bool any = false;
  for (const Breakdown& table : travel->tables) {
    const std::size_t reps = travel->labels.empty() ? 0 : table.values.size() / travel->labels.size();
    std::vector<double> column(reps);
    for (std::size_t i = 0; i < reps; ++i) column[i] = table.values[i * travel->labels.size() + all];
    const engine::Summary base = engine::summarise(column);
    std::vector<Difference> diffs;
    double spread = base.ci95_half;
    for (const Option& o : options) {
      diffs.push_back(difference(r, fmt::format("/compare/{}/travel/{}", o.label, table.name), all).value_or(Difference{}));
      any = any || diffs.back().defined();
      if (diffs.back().defined()) spread = std::max(spread, diffs.back().half);
    }
    const int d = svg::table_decimals(spread > 0 ? spread : std::abs(base.mean), table.units);
    head += fmt::format("<th scope=\"col\" class=\"num\" title=\"{}\">{}<br><span class=\"desc\">{}</span></th>", escape_xml(table.description),
                        escape_xml(travel_title(table)), escape_xml(table.units));
    rows[0] += fmt::format("<td class=\"num\">{}</td>", number(base.mean, d));
    for (std::size_t k = 0; k < diffs.size(); ++k)
      rows[k + 1] += diffs[k].defined()
                         ? fmt::format("<td class=\"num{}\">{}<br><span class=\"desc\">{} ± {}</span></td>", diffs[k].excludes_zero() ? " significant" : "",
                                       number(base.mean + diffs[k].mean, d), signed_number(diffs[k].mean, d), number(diffs[k].half, d))
                         : std::string("<td class=\"num\">n/a</td>");
  }
  if (!any) return {};
  std::string out = head + "</tr></thead><tbody>\n";
  for (const std::string& row : rows) out += row + "</tr>\n";
  return "<h3>Travel burden, all localities</h3>\n" + out +
         "</tbody></table>\n<p class=\"note\">Patients routed to another site than their nearest, and their extra travel; "
         "each option's mean with its paired difference from the base ± 95 % CI half-width.</p>\n";
}

}  // namespace

std::string compare_section(const Context& c) {
  const RunRecord& r = c.record;
  const std::vector<Option> options = options_of(r);
  if (options.empty()) return {};
  const std::vector<const Kpi*> measures = headline_measures(r);
  std::string list;
  for (const Option& o : options)
    list += fmt::format("<li><code>{}</code>: {}</li>", escape_xml(o.label), escape_xml(o.name));
  std::string out = fmt::format(
      "<p>{} option{} against the base, <strong>{}</strong>. Every scenario ran the base's {} replications of {} days "
      "after the base's {}-day warm-up with common random numbers — replication <em>r</em> of each has the same "
      "patients — so each difference is taken replication by replication (option − base), and its 95 % CI is "
      "Student t over the {} paired differences.</p>\n<ul class=\"options\">{}</ul>\n",
      options.size(), options.size() == 1 ? "" : "s", escape_xml(r.scenario_name), r.replications, r.days, r.warmup_days,
      r.replications, list);
  out += "<h3>Headline measures</h3>\n" + measures_table(r, options, measures);
  out += forest_plots(r, options, measures);
  if (r.site_names.size() > 1)
    out += breakdown_differences(r, options, measures, "by_site", r.by_site, r.site_names, "By site");
  out += breakdown_differences(r, options, measures, "by_locality", r.by_locality, r.locality_names, "By locality");
  out += travel_table(r, options);
  return out;
}

}  // namespace pfsim::output
