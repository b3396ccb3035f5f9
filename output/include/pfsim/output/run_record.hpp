#pragma once
// The plain result structs a run hands to the output layer. They carry names, units and numbers only: the output
// library knows nothing about the health model, so any model (or a test) can fill them (STYLE: output/ takes plain
// result structs). The HDF5 layout they map to is DESIGN §7.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pfsim::output {

/// One KPI over replications (DESIGN §5): one value per replication, in replication order.
/// Stored as one float64 field of /kpi/replications, with units_<name> and description_<name> attributes.
struct Kpi {
  std::string name, units, description;
  std::vector<double> per_replication;

  friend bool operator==(const Kpi&, const Kpi&) = default;
};

/// A daily series per replication, e.g. midnight bed occupancy. Stored as /daily/<name>, float32 [rep × day]
/// (float32 halves the file; daily counts and percentages need no more than 7 significant digits).
struct DailySeries {
  std::string name, units, description;
  std::size_t replications = 0, days = 0;
  std::vector<float> values;  ///< row-major [replication][day]; size() == replications * days

  friend bool operator==(const DailySeries&, const DailySeries&) = default;
};

/// A KPI broken down by site or locality. Stored as /by_site/<name> or /by_locality/<name>, float64
/// [rep × label], the labels being RunRecord::site_names or RunRecord::locality_names in order.
struct Breakdown {
  std::string name, units, description;
  std::vector<double> values;  ///< row-major [replication][label]

  friend bool operator==(const Breakdown&, const Breakdown&) = default;
};

/// A top-level group of [replication × label] tables sharing one label axis, e.g. /monthly with labels "2019-12",
/// "2020-01", ...: labels at /<name>/names (strings), each table float64 at /<name>/<table name> with units and
/// description attributes, like /by_site. The group carries the attribute kind = "labelled_tables".
struct TableGroup {
  std::string name;
  std::vector<std::string> labels;
  std::vector<Breakdown> tables;

  friend bool operator==(const TableGroup&, const TableGroup&) = default;
};

/// Everything one results file holds. write_results() writes it; read_results() gives it back field for field.
struct RunRecord {
  // /meta attributes
  std::string pfsim_version, scenario_name, start_date, created;
  int schema = 1;
  std::uint64_t seed = 0;
  std::int64_t replications = 0, warmup_days = 0, days = 0;
  /// More string attributes on /meta (e.g. the command line), kept in this order.
  std::vector<std::pair<std::string, std::string>> extra_meta;
  /// /meta/scenario_yaml: the resolved scenario (after `extends` and `--set`), so a run can be reproduced.
  std::string scenario_yaml;
  /// /kpi/replications (replication + one field per KPI, in this order) and /kpi/summary.
  std::vector<Kpi> kpis;
  std::vector<DailySeries> daily;
  std::vector<std::string> site_names, locality_names;
  std::vector<Breakdown> by_site, by_locality;
  /// More labelled table groups (e.g. /monthly), in this order; read_results() returns them in creation order.
  std::vector<TableGroup> table_groups;
  /// Other float64 1-D datasets by absolute path, e.g. "/schemes/savings_gbp"; parent groups are created.
  /// read_results() returns them depth-first, each group's members in the order they were written.
  std::vector<std::pair<std::string, std::vector<double>>> extra_datasets;

  friend bool operator==(const RunRecord&, const RunRecord&) = default;
};

}  // namespace pfsim::output
