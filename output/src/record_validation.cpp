#include "record_validation.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "layout.hpp"

namespace pfsim::output {
namespace {

using Problem = std::optional<std::string>;

// An HDF5 link name: one path component.
bool is_link_name(std::string_view name) { return !name.empty() && name != "." && name.find('/') == name.npos; }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Problem kpi_problem(const std::vector<Kpi>& kpis) {
  std::set<std::string_view> seen;
  for (const Kpi& kpi : kpis) {
    if (kpi.name.empty() || kpi.name == layout::kReplicationField || !seen.insert(kpi.name).second)
      return fmt::format("KPI name '{}' is empty, reserved or repeated (give each KPI its own name)", kpi.name);
    if (kpi.per_replication.size() != kpis.front().per_replication.size())
      return fmt::format("KPI '{}' has {} replications but '{}' has {} (give every KPI one value per replication)",
                         kpi.name, kpi.per_replication.size(), kpis.front().name,
                         kpis.front().per_replication.size());
  }
  return {};
}

Problem daily_problem(const std::vector<DailySeries>& daily) {
  std::set<std::string_view> seen;
  for (const DailySeries& series : daily) {
    if (!is_link_name(series.name) || !seen.insert(series.name).second)
      return fmt::format("daily series name '{}' is empty, repeated or contains '/' (rename it)", series.name);
    if (series.values.size() != series.replications * series.days)
      return fmt::format("daily series '{}' has {} values, not {} replications × {} days (fill values row-major)",
                         series.name, series.values.size(), series.replications, series.days);
  }
  return {};
}

Problem breakdown_problem(std::string_view group, const std::vector<std::string>& labels,
                          const std::vector<Breakdown>& breakdowns) {
  std::set<std::string_view> seen;
  for (const Breakdown& b : breakdowns) {
    if (!is_link_name(b.name) || b.name == layout::kLabelNames || !seen.insert(b.name).second)
      return fmt::format("/{} name '{}' is empty, reserved, repeated or contains '/' (rename it)", group, b.name);
    if (labels.empty() ? !b.values.empty() : b.values.size() % labels.size() != 0)
      return fmt::format("/{}/{} has {} values, not a multiple of {} labels (fill values [replication][label])", group,
                         b.name, b.values.size(), labels.size());
  }
  return {};
}

Problem meta_problem(const RunRecord& record) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : record.extra_meta) {
    if (name.empty() || contains(layout::kMetaAttributes, name) || !seen.insert(name).second)
      return fmt::format("extra /meta attribute '{}' is empty, reserved or repeated (rename it)", name);
  }
  return {};
}

Problem extra_dataset_problem(const RunRecord& record) {
  std::set<std::string_view> seen;
  for (const auto& [path, values] : record.extra_datasets) {
    const std::string_view p = path;
    bool valid = p.size() > 1 && p.front() == '/' && seen.insert(p).second;
    for (std::size_t start = 1; valid && start <= p.size();) {
      const std::size_t end = std::min(p.find('/', start), p.size());
      const std::string_view component = p.substr(start, end - start);
      valid = is_link_name(component) && !(start == 1 && contains(layout::kReservedGroups, component));
      start = end + 1;
    }
    if (!valid)
      return fmt::format("extra dataset path '{}' is not absolute, is repeated, has an empty part or lies under "
                         "/meta, /kpi, /daily, /by_site or /by_locality (use e.g. /schemes/savings_gbp)",
                         path);
  }
  return {};
}

Problem table_group_problem(const RunRecord& record) {
  std::set<std::string_view> seen;
  for (const TableGroup& g : record.table_groups) {
    bool clashes = false;  // an extra dataset under the same top-level group would be read back as part of it
    for (const auto& [path, values] : record.extra_datasets)
      clashes = clashes || std::string_view(path).substr(1, path.find('/', 1) - 1) == g.name;
    if (!is_link_name(g.name) || contains(layout::kReservedGroups, g.name) || !seen.insert(g.name).second || clashes)
      return fmt::format("table group name '{}' is empty, reserved, repeated, contains '/' or also holds extra datasets "
                         "(rename it, e.g. monthly)",
                         g.name);
    if (auto p = breakdown_problem(g.name, g.labels, g.tables)) return p;
  }
  return {};
}

}  // namespace

std::optional<std::string> find_record_problem(const RunRecord& record) {
  if (auto p = meta_problem(record)) return p;
  if (auto p = kpi_problem(record.kpis)) return p;
  if (auto p = daily_problem(record.daily)) return p;
  if (auto p = breakdown_problem(layout::kBySite, record.site_names, record.by_site)) return p;
  if (auto p = breakdown_problem(layout::kByLocality, record.locality_names, record.by_locality)) return p;
  if (auto p = table_group_problem(record)) return p;
  return extra_dataset_problem(record);
}

}  // namespace pfsim::output
