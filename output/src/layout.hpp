#pragma once
// Names in the results file (DESIGN §7). They are a contract with users' scripts: writer and reader share them
// from here so the two can never drift apart.
#include <array>
#include <string_view>

namespace pfsim::output::layout {

inline constexpr std::string_view kMeta = "meta";
inline constexpr std::string_view kScenarioYaml = "scenario_yaml";
inline constexpr std::string_view kKpi = "kpi";
inline constexpr std::string_view kKpiReplications = "replications";
inline constexpr std::string_view kKpiSummary = "summary";
inline constexpr std::string_view kReplicationField = "replication";
inline constexpr std::string_view kDaily = "daily";
inline constexpr std::string_view kBySite = "by_site";
inline constexpr std::string_view kByLocality = "by_locality";
inline constexpr std::string_view kLabelNames = "names";  // /by_site/names, /by_locality/names
inline constexpr std::string_view kUnits = "units";
inline constexpr std::string_view kGroupKind = "kind";                  // attribute marking a RunRecord::TableGroup
inline constexpr std::string_view kLabelledTables = "labelled_tables";  // its value
inline constexpr std::string_view kDescription = "description";
inline constexpr std::string_view kUnitsPrefix = "units_";              // on /kpi/replications, per KPI
inline constexpr std::string_view kDescriptionPrefix = "description_";  // on /kpi/replications, per KPI

/// /meta attributes written from RunRecord's named fields; any other /meta attribute is an extra_meta entry.
inline constexpr std::array<std::string_view, 9> kMetaAttributes = {
    "pfsim_version", "schema", "scenario_name", "seed", "replications", "warmup_days", "days", "start_date", "created"};

/// Top-level groups with a fixed meaning; extra datasets live anywhere else.
inline constexpr std::array<std::string_view, 5> kReservedGroups = {kMeta, kKpi, kDaily, kBySite, kByLocality};

/// The newest schema this build reads; a file with a larger /meta schema came from a newer pfsim.
inline constexpr int kSchema = 1;

}  // namespace pfsim::output::layout
