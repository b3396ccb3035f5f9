#pragma once
// `pfsim report`: one self-contained HTML page from a results file (issue 9) — inline SVG charts and CSS, no
// script, no network — that a commissioner can open offline or print on A4.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/output/run_record.hpp"
#include "pfsim/output/stress_des.hpp"

namespace pfsim::output {

/// What the page says about the scenario beyond the names the results file lists. The caller fills it from the
/// embedded scenario text (the output layer reads no YAML); anything left empty is simply not shown.
struct ScenarioSummary {
  struct Site {
    std::string name;
    std::optional<double> general_beds, escalation_beds;
  };
  struct Locality {
    std::string name, area;
    std::optional<double> people;  ///< all age bands, at the start of the run
  };
  std::vector<Site> sites;
  std::vector<Locality> localities;
  std::vector<std::string> age_bands;
  /// Whether the scenario has a `winter:` section; unknown when the embedded scenario could not be read. Without
  /// winter the series only winter writes (OPEL level, escalation beds open) are zero throughout and not drawn.
  std::optional<bool> winter;
};

struct ReportOptions {
  std::string results_file;  ///< shown as the page's source
  ScenarioSummary scenario;
  std::string generated;     ///< when the report was made (ISO 8601); empty = not shown
  StressDesInputs stress;    ///< the module table and source lines of the STRESS-DES section
};

/// The report as one HTML document. Sections appear only when the record has their data: run and scenario,
/// KPI summary, daily fan charts, KPI histograms, by-site and by-locality tables, the STRESS-DES record, the scenario text.
std::string render_report(const RunRecord& record, const ReportOptions& options);

/// One section of the report by its id ("schemes": the savings distribution against the QIPP target with P(meet
/// target), and the tornados), as the report draws it, for a page that shows it outside a report (pfsim serve); ""
/// when the record has no data for it or no section has that id.
std::string render_report_section(const RunRecord& record, const ReportOptions& options, std::string_view id);

/// The CSS of the report's SVG charts (the classes svg_charts.hpp draws), for a page that shows those charts
/// outside a report (pfsim serve); the report's own stylesheet contains it.
std::string chart_stylesheet();

/// Writes render_report() to "<path>.tmp", then renames it onto `path`: no partial file under the final name.
/// Throws OutputError when the file cannot be written.
void write_report(const RunRecord& record, const ReportOptions& options, const std::filesystem::path& path);

}  // namespace pfsim::output
