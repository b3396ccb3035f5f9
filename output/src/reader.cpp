// read_results() and read_kpi_summary(): the inverse of writer.cpp, lenient about optional parts so files from
// older writers (or trimmed by users' scripts) still open.
#include <algorithm>

#include <fmt/format.h>

#include "h5.hpp"
#include "kpi_tables.hpp"
#include "layout.hpp"
#include "pfsim/output/results_file.hpp"
#include "pfsim/output/shard_file.hpp"

namespace pfsim::output {
namespace fs = std::filesystem;
namespace {

std::string optional_attr(hid_t object, std::string_view name) {
  const std::string n(name);
  return h5::has_attr(object, n) ? h5::read_string_attr(object, n) : std::string{};
}

template <class T>
void optional_scalar(hid_t object, const char* name, hid_t mem_type, T& value) {
  if (h5::has_attr(object, name)) h5::read_scalar_attr(object, name, mem_type, &value);
}

// Opens a results file for reading, or throws OutputError saying why it is not one.
h5::Handle open_results(const fs::path& path) {
  const auto fail = [&](std::string_view reason, std::string_view fix) {
    return OutputError(fmt::format("cannot read results '{}': {} ({})", path.string(), reason, fix));
  };
  std::error_code ec;
  if (!fs::exists(path, ec)) throw fail("no such file", "check the path, or run `pfsim run` to create it");
  if (fs::is_directory(path, ec)) throw fail("it is a directory", "give the .h5 file inside it");
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw fail("not an HDF5 file", "give a results file written by `pfsim run`");
  h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "opening");
  if (!h5::has_object(file.get(), std::string(layout::kMeta), H5I_GROUP))
    throw fail("no /meta group: not a pfsim results file", "give a results file written by `pfsim run`");
  const h5::Handle meta = h5::open_group(file.get(), std::string(layout::kMeta));
  if (h5::has_attr(meta.get(), kShardMarker))
    throw fail(fmt::format("a partial file of an array job (shard {}), not a results file", h5::read_string_attr(meta.get(), kShardMarker)),
               "assemble the results with `pfsim merge PART.h5... -o results.h5`");
  int schema = layout::kSchema;
  optional_scalar(meta.get(), "schema", H5T_NATIVE_INT, schema);
  if (schema > layout::kSchema)
    throw fail(fmt::format("written with results schema {}, this pfsim reads up to {}", schema, layout::kSchema),
               "upgrade pfsim");
  return file;
}

void read_meta(hid_t file, RunRecord& r) {
  const h5::Handle meta = h5::open_group(file, std::string(layout::kMeta));
  const hid_t m = meta.get();
  r.pfsim_version = optional_attr(m, "pfsim_version");
  optional_scalar(m, "schema", H5T_NATIVE_INT, r.schema);
  r.scenario_name = optional_attr(m, "scenario_name");
  optional_scalar(m, "seed", H5T_NATIVE_UINT64, r.seed);
  optional_scalar(m, "replications", H5T_NATIVE_INT64, r.replications);
  optional_scalar(m, "warmup_days", H5T_NATIVE_INT64, r.warmup_days);
  optional_scalar(m, "days", H5T_NATIVE_INT64, r.days);
  r.start_date = optional_attr(m, "start_date");
  r.created = optional_attr(m, "created");
  for (const std::string& name : h5::attr_names(m))
    if (std::find(layout::kMetaAttributes.begin(), layout::kMetaAttributes.end(), name) == layout::kMetaAttributes.end())
      r.extra_meta.emplace_back(name, h5::read_string_attr(m, name));
  const std::string yaml(layout::kScenarioYaml);
  if (h5::has_object(m, yaml, H5I_DATASET)) r.scenario_yaml = h5::read_string_scalar(m, yaml);
}

void read_daily(hid_t file, RunRecord& r) {
  const std::string group_name(layout::kDaily);
  if (!h5::has_object(file, group_name, H5I_GROUP)) return;
  const h5::Handle group = h5::open_group(file, group_name);
  for (const std::string& name : h5::link_names(group.get())) {
    if (!h5::has_object(group.get(), name, H5I_DATASET)) continue;
    const h5::Handle dataset = h5::open_dataset(group.get(), name);
    const auto dims = h5::dataset_dims(dataset.get());
    if (dims.size() != 2) continue;  // not a [replication × day] series
    r.daily.push_back({.name = name,
                       .units = optional_attr(dataset.get(), layout::kUnits),
                       .description = optional_attr(dataset.get(), layout::kDescription),
                       .replications = dims[0],
                       .days = dims[1],
                       .values = h5::read_floats(dataset.get())});
  }
}

void read_breakdowns(hid_t file, std::string_view group_name, std::vector<std::string>& labels,
                     std::vector<Breakdown>& breakdowns) {
  if (!h5::has_object(file, std::string(group_name), H5I_GROUP)) return;
  const h5::Handle group = h5::open_group(file, std::string(group_name));
  for (const std::string& name : h5::link_names(group.get())) {
    if (!h5::has_object(group.get(), name, H5I_DATASET)) continue;
    if (name == layout::kLabelNames) {
      labels = h5::read_strings(group.get(), name);
      continue;
    }
    const h5::Handle dataset = h5::open_dataset(group.get(), name);
    breakdowns.push_back({.name = name,
                          .units = optional_attr(dataset.get(), layout::kUnits),
                          .description = optional_attr(dataset.get(), layout::kDescription),
                          .values = h5::read_doubles(dataset.get())});
  }
}

bool is_float_vector(hid_t dataset) {
  const h5::Handle type(H5Dget_type(dataset), H5Tclose, "reading dataset type");
  return H5Tget_class(type.get()) == H5T_FLOAT && h5::dataset_dims(dataset).size() == 1;
}

bool is_table_group(hid_t parent, const std::string& name) {
  if (!h5::has_object(parent, name, H5I_GROUP)) return false;
  const h5::Handle group = h5::open_group(parent, name);
  const std::string kind(layout::kGroupKind);
  return h5::has_attr(group.get(), kind) && h5::read_string_attr(group.get(), kind) == layout::kLabelledTables;
}

// Top-level groups marked as labelled tables (RunRecord::table_groups), in creation order.
void read_table_groups(hid_t file, RunRecord& r) {
  for (const std::string& name : h5::link_names(file)) {
    if (!is_table_group(file, name)) continue;
    TableGroup g{.name = name, .labels = {}, .tables = {}};
    read_breakdowns(file, name, g.labels, g.tables);
    r.table_groups.push_back(std::move(g));
  }
}

// Every 1-D float dataset outside the reserved groups and table groups, depth-first, each group in creation order.
void read_extra_datasets(hid_t group, const std::string& prefix, RunRecord& r) {
  for (const std::string& name : h5::link_names(group)) {
    const std::string path = prefix + "/" + name;
    if (prefix.empty() &&
        (std::find(layout::kReservedGroups.begin(), layout::kReservedGroups.end(), name) != layout::kReservedGroups.end() ||
         is_table_group(group, name)))
      continue;
    if (h5::has_object(group, name, H5I_GROUP)) {
      const h5::Handle child = h5::open_group(group, name);
      read_extra_datasets(child.get(), path, r);
    } else if (h5::has_object(group, name, H5I_DATASET)) {
      const h5::Handle dataset = h5::open_dataset(group, name);
      if (is_float_vector(dataset.get())) r.extra_datasets.emplace_back(path, h5::read_doubles(dataset.get()));
    }
  }
}

[[noreturn]] void rethrow_as_output_error(const fs::path& path, const h5::Error& e) {
  throw OutputError(fmt::format("cannot read results '{}': {} (the file is damaged or incomplete; write it again)",
                                path.string(), e.what()));
}

}  // namespace

RunRecord read_results(const fs::path& path) {
  const h5::QuietErrors quiet;
  try {
    const h5::Handle file = open_results(path);
    RunRecord r;
    read_meta(file.get(), r);
    const std::string kpi(layout::kKpi);
    if (h5::has_object(file.get(), kpi, H5I_GROUP)) {
      const h5::Handle group = h5::open_group(file.get(), kpi);
      if (h5::has_object(group.get(), std::string(layout::kKpiReplications), H5I_DATASET))
        r.kpis = read_kpi_replications(group.get());
    }
    read_daily(file.get(), r);
    read_breakdowns(file.get(), layout::kBySite, r.site_names, r.by_site);
    read_breakdowns(file.get(), layout::kByLocality, r.locality_names, r.by_locality);
    read_table_groups(file.get(), r);
    read_extra_datasets(file.get(), "", r);
    return r;
  } catch (const h5::Error& e) {
    rethrow_as_output_error(path, e);
  }
}

std::vector<KpiSummary> read_kpi_summary(const fs::path& path) {
  const h5::QuietErrors quiet;
  try {
    const h5::Handle file = open_results(path);
    const h5::Handle group = h5::open_group(file.get(), std::string(layout::kKpi));
    return read_kpi_summary_table(group.get());
  } catch (const h5::Error& e) {
    rethrow_as_output_error(path, e);
  }
}

}  // namespace pfsim::output
