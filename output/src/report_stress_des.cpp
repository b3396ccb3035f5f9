// The report's STRESS-DES section (Monks et al. 2019): the checklist answered from the results file, grouped by the
// checklist's six sections; the scenario's cited and assumed lines follow as their own table so the checklist itself
// stays one screen long.
#include <fmt/format.h>

#include "pfsim/output/stress_des.hpp"
#include "pfsim/output/svg.hpp"
#include "report_parts.hpp"

namespace pfsim::output {
namespace {

using svg::escape_xml;

constexpr std::string_view kModulePrefix = "Base model logic: ";
constexpr const char* kSectionNames[] = {"Objectives", "Logic", "Data", "Experimentation", "Implementation", "Code access"};

// Source rows are the 3.1 / 3.4 items that name a file line ("scenarios/x.yaml line 12").
bool is_source_line(const StressDesItem& item) {
  return (item.number == "3.1" || item.number == "3.4") && item.item.find(" line ") != std::string::npos;
}

}  // namespace

std::string stress_des_section(const Context& c) {
  const std::vector<StressDesItem> items = stress_des_items(c.record, c.options.stress);
  std::string out =
      "<p class=\"note\">The STRESS-DES reporting checklist for discrete-event simulation (Monks T, Currie CSM, Onggo BS, "
      "Robinson S, Kunc M, Taylor SJE. Strengthening the reporting of empirical simulation studies: Introducing the STRESS "
      "guidelines. <i>J Simulation</i> 2019;13(1):55–67), answered from what the results file records. Items marked "
      "“To be completed by the study team” are for you to fill in.</p>\n"
      "<table class=\"stress-table\"><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Checklist</th>"
      "<th scope=\"col\">This study</th></tr></thead><tbody>\n";
  char section = 0;
  std::string sources, modules;
  for (const StressDesItem& item : items) {
    // The module rows (2.2) become one row holding a small table: module, on or off, what it adds.
    if (item.number == "2.2" && item.item.starts_with(kModulePrefix)) {
      const bool on = item.text.starts_with("on: ");
      modules += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", escape_xml(item.item.substr(kModulePrefix.size())),
                             on ? "<strong>on</strong>" : "off", escape_xml(item.text.substr(on ? 4 : 5)));
      continue;
    }
    if (!modules.empty()) {
      out += "<tr><td>2.2</td><td>Base model logic</td><td><table class=\"stress-modules\"><thead><tr><th scope=\"col\">Module"
             "</th><th scope=\"col\">Used</th><th scope=\"col\">Stages it adds (DESIGN §12) or what it changes</th>"
             "</tr></thead><tbody>\n" + modules + "</tbody></table></td></tr>\n";
      modules.clear();
    }
    if (is_source_line(item)) {
      sources += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", item.number == "3.1" ? "cited" : "assumed",
                             escape_xml(item.item), escape_xml(item.text));
      continue;
    }
    if (!item.number.empty() && item.number[0] != section && item.number[0] >= '1' && item.number[0] <= '6') {
      section = item.number[0];
      out += fmt::format("<tr class=\"stress-group\"><th colspan=\"3\" scope=\"rowgroup\">{} {}</th></tr>\n", section,
                         kSectionNames[section - '1']);
    }
    const bool todo = item.text.starts_with("To be completed");
    out += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td></tr>\n", todo ? " class=\"stress-todo\"" : "",
                       escape_xml(item.number), escape_xml(item.item), escape_xml(item.text));
  }
  out += "</tbody></table>\n";
  if (!sources.empty())
    out += "<h3>Cited and assumed lines of the scenario files</h3>\n<table class=\"stress-sources\"><thead><tr>"
           "<th scope=\"col\">Kind</th><th scope=\"col\">Where</th><th scope=\"col\">Line</th></tr></thead><tbody>\n" +
           sources + "</tbody></table>\n";
  return out;
}

}  // namespace pfsim::output
