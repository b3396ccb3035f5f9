#pragma once
// The report's sections (report.cpp lists them in page order) and the helpers they share. Each section is one
// function from the record to HTML that returns "" when the file has no data for it.
#include <string>
#include <string_view>
#include <vector>

#include "pfsim/output/report.hpp"
#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

struct Context {
  const RunRecord& record;
  const ReportOptions& options;
};

// ---- sections -------------------------------------------------------------------------------------------------
std::string run_section(const Context& c);            // report_run.cpp
std::string scenario_section(const Context& c);       // report_run.cpp
std::string scenario_text_section(const Context& c);  // report_run.cpp
std::string headline_section(const Context& c);       // report_kpis.cpp
std::string kpi_section(const Context& c);            // report_kpis.cpp
std::string histogram_section(const Context& c);      // report_kpis.cpp
std::string daily_section(const Context& c);          // report_series.cpp
std::string monthly_section(const Context& c);        // report_series.cpp
std::string schemes_section(const Context& c);        // report_schemes.cpp
std::string by_site_section(const Context& c);        // report_breakdowns.cpp
std::string by_locality_section(const Context& c);    // report_breakdowns.cpp
std::string compare_section(const Context& c);        // report_compare.cpp
std::string stress_des_section(const Context& c);     // report_stress_des.cpp
std::string stylesheet();                             // report_style.cpp

// ---- shared helpers (report_common.cpp) --------------------------------------------------------------------------

/// The plain-language title a commissioner knows a KPI or series by, from the catalogue; empty when it has none.
std::string_view known_title(std::string_view name);
/// The catalogue marks `name` headline: it is charted, first.
bool is_headline(std::string_view name);
/// The catalogue title, else the description (or the name) with a capital letter.
std::string title_for(const std::string& name, const std::string& description);
/// A title inside a sentence: "acute bed occupancy" for "Acute bed occupancy", but "A&E …" and "RTT …" keep
/// their capitals.
std::string in_sentence(const std::string& title);
/// "Title (units)", or the title alone without units.
std::string axis_title(const std::string& title, const std::string& units);
/// A <figure> holding `svg` with its caption: the title and a note under it.
std::string figure(const std::string& svg, const std::string& title, const std::string& note, std::string_view css_class);
/// The values of the extra dataset at `path` ("/qipp/savings_gbp"), or nullptr.
const std::vector<double>* extra_dataset(const RunRecord& r, std::string_view path);
/// The labelled table group called `name` ("monthly", "schemes"), or nullptr.
const TableGroup* table_group(const RunRecord& r, std::string_view name);
/// Tables of each breakdown's mean per label ± 95 % CI half-width (report_breakdowns.cpp): KPIs as rows when the
/// labels fit as columns, else labels as rows over several tables; `what` names the numbers in the note under them
/// ("Mean over replications"). Empty when no breakdown matches the labels.
std::string breakdown_tables(const std::vector<Breakdown>& breakdowns, const std::vector<std::string>& labels,
                             std::string_view label_heading, std::string_view css_class, std::string_view what);
/// The last day of the measured period, "YYYY-MM-DD", or "" without a start date.
std::string end_date(const RunRecord& r);

}  // namespace pfsim::output
