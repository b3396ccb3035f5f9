#include "record_tables.hpp"

#include <string>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "pfsim/engine/stats.hpp"

namespace pfsim::python {
namespace py = pybind11;

namespace {

// Row-major [rows × columns]; rows follow from the size (replications for a run, any count for calibration tables).
template <class T>
py::array_t<T> matrix(const std::vector<T>& values, std::size_t columns) {
  const std::size_t rows = columns == 0 ? 0 : values.size() / columns;
  py::array_t<T> array({rows, columns});
  std::copy(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rows * columns), array.mutable_data());
  return array;
}

py::array_t<double> vector(const std::vector<double>& values) {
  py::array_t<double> array(values.size());
  std::copy(values.begin(), values.end(), array.mutable_data());
  return array;
}

py::dict table(const std::string& name, const std::string& units, const std::string& description, py::object values) {
  py::dict t;
  t["name"] = name;
  t["units"] = units;
  t["description"] = description;
  t["values"] = std::move(values);
  return t;
}

py::list breakdowns(const std::vector<output::Breakdown>& tables, std::size_t columns) {
  py::list list;
  for (const auto& b : tables) list.append(table(b.name, b.units, b.description, matrix(b.values, columns)));
  return list;
}

py::dict meta(const output::RunRecord& r) {
  py::dict m;
  m["pfsim_version"] = r.pfsim_version;
  m["schema"] = r.schema;
  m["scenario_name"] = r.scenario_name;
  m["seed"] = r.seed;
  m["replications"] = r.replications;
  m["warmup_days"] = r.warmup_days;
  m["days"] = r.days;
  m["start_date"] = r.start_date;
  m["created"] = r.created;
  for (const auto& [key, value] : r.extra_meta) m[py::str(key)] = value;
  return m;
}

py::dict summary_row(const std::string& name, const engine::Summary& s) {
  py::dict row;
  row["name"] = name;
  row["n"] = s.n;
  row["mean"] = s.mean;
  row["sd"] = s.sd;
  row["ci95_half"] = s.ci95_half;
  row["p5"] = s.p5;
  row["p50"] = s.p50;
  row["p95"] = s.p95;
  return row;
}

}  // namespace

py::dict record_tables(const output::RunRecord& record, const std::optional<std::vector<output::KpiSummary>>& stored_summary) {
  py::dict d;
  d["meta"] = meta(record);
  d["scenario_yaml"] = record.scenario_yaml;
  py::list kpis, summary;
  for (const auto& k : record.kpis) {
    kpis.append(table(k.name, k.units, k.description, vector(k.per_replication)));
    if (!stored_summary) summary.append(summary_row(k.name, engine::summarise(k.per_replication)));
  }
  if (stored_summary)
    for (const auto& row : *stored_summary) summary.append(summary_row(row.name, row.summary));
  d["kpis"] = kpis;
  d["summary"] = summary;
  py::list daily;
  for (const auto& s : record.daily) daily.append(table(s.name, s.units, s.description, matrix(s.values, s.days)));
  d["daily"] = daily;
  d["site_names"] = record.site_names;
  d["locality_names"] = record.locality_names;
  d["by_site"] = breakdowns(record.by_site, record.site_names.size());
  d["by_locality"] = breakdowns(record.by_locality, record.locality_names.size());
  py::list groups;
  for (const auto& g : record.table_groups) {
    py::dict group;
    group["name"] = g.name;
    group["labels"] = g.labels;
    group["tables"] = breakdowns(g.tables, g.labels.size());
    groups.append(group);
  }
  d["table_groups"] = groups;
  py::list datasets;
  for (const auto& [path, values] : record.extra_datasets) datasets.append(py::make_tuple(path, vector(values)));
  d["datasets"] = datasets;
  return d;
}

}  // namespace pfsim::python
