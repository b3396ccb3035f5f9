#include "kpi_tables.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "h5.hpp"
#include "layout.hpp"
#include "pfsim/engine/stats.hpp"

namespace pfsim::output {
namespace {

constexpr std::size_t kField = 8;  // every field is 8 bytes (int64 or float64), so rows pack without padding

// The replications row type; file types are explicit little-endian so the bytes do not depend on the host.
h5::Handle replication_row_type(const std::vector<Kpi>& kpis, bool in_file) {
  h5::Handle type(H5Tcreate(H5T_COMPOUND, kField * (1 + kpis.size())), H5Tclose, "creating KPI row type");
  const std::string replication(layout::kReplicationField);
  h5::check_status(H5Tinsert(type.get(), replication.c_str(), 0, in_file ? H5T_STD_I64LE : H5T_NATIVE_INT64),
                   "adding KPI field");
  for (std::size_t i = 0; i < kpis.size(); ++i)
    h5::check_status(H5Tinsert(type.get(), kpis[i].name.c_str(), kField * (1 + i),
                               in_file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE),
                     "adding KPI field '" + kpis[i].name + "'");
  return type;
}

// One /kpi/summary row in memory: the kpi name is a variable-length string (a char pointer for HDF5).
struct SummaryRow {
  const char* kpi;
  double mean, sd, ci95_half, p5, p50, p95;
};
constexpr const char* kSummaryFields[] = {"mean", "sd", "ci95_half", "p5", "p50", "p95"};

h5::Handle summary_row_type(bool in_file) {
  // In the file the name slot is sizeof(hvl_t), the size HDF5's examples reserve for a variable-length string.
  const std::size_t name_size = in_file ? sizeof(hvl_t) : sizeof(SummaryRow::kpi);
  const std::size_t size = in_file ? name_size + kField * std::size(kSummaryFields) : sizeof(SummaryRow);
  h5::Handle type(H5Tcreate(H5T_COMPOUND, size), H5Tclose, "creating summary row type");
  const h5::Handle string_type = h5::vl_string_type();
  h5::check_status(H5Tinsert(type.get(), "kpi", 0, string_type.get()), "adding summary field");
  for (std::size_t i = 0; i < std::size(kSummaryFields); ++i) {
    const std::size_t offset = in_file ? name_size + kField * i : offsetof(SummaryRow, mean) + sizeof(double) * i;
    h5::check_status(H5Tinsert(type.get(), kSummaryFields[i], offset, in_file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE),
                     "adding summary field");
  }
  return type;
}

void write_replications(hid_t group, const std::vector<Kpi>& kpis, std::int64_t replications) {
  const std::size_t rows =
      kpis.empty() ? static_cast<std::size_t>(std::max<std::int64_t>(replications, 0)) : kpis.front().per_replication.size();
  const std::size_t row_size = kField * (1 + kpis.size());
  std::vector<unsigned char> buffer(rows * row_size);
  for (std::size_t r = 0; r < rows; ++r) {
    const auto index = static_cast<std::int64_t>(r);  // 0-based, the replication index of the RNG streams (§6)
    std::memcpy(&buffer[r * row_size], &index, kField);
    for (std::size_t k = 0; k < kpis.size(); ++k)
      std::memcpy(&buffer[r * row_size + kField * (1 + k)], &kpis[k].per_replication[r], kField);
  }
  const std::string name(layout::kKpiReplications);
  const h5::Handle file_type = replication_row_type(kpis, true), mem_type = replication_row_type(kpis, false);
  const hsize_t dims[1] = {rows};
  const h5::Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, "creating dataspace");
  const h5::Handle dcpl = h5::dataset_create_plist();
  const h5::Handle dataset(
      H5Dcreate2(group, name.c_str(), file_type.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), H5Dclose,
      "creating /kpi/replications");
  if (rows > 0)
    h5::check_status(H5Dwrite(dataset.get(), mem_type.get(), H5S_ALL, H5S_ALL, h5::dataset_transfer_plist().get(), buffer.data()),
                     "writing /kpi/replications");
  for (const Kpi& kpi : kpis) {
    h5::write_string_attr(dataset.get(), std::string(layout::kUnitsPrefix) + kpi.name, kpi.units);
    h5::write_string_attr(dataset.get(), std::string(layout::kDescriptionPrefix) + kpi.name, kpi.description);
  }
}

void write_summary(hid_t group, const std::vector<Kpi>& kpis) {
  std::vector<SummaryRow> rows;
  for (const Kpi& kpi : kpis) {
    const engine::Summary s = engine::summarise(kpi.per_replication);
    rows.push_back({kpi.name.c_str(), s.mean, s.sd, s.ci95_half, s.p5, s.p50, s.p95});
  }
  const std::string name(layout::kKpiSummary);
  const h5::Handle file_type = summary_row_type(true), mem_type = summary_row_type(false);
  const hsize_t dims[1] = {rows.size()};
  const h5::Handle space(H5Screate_simple(1, dims, nullptr), H5Sclose, "creating dataspace");
  const h5::Handle dcpl = h5::dataset_create_plist();
  const h5::Handle dataset(
      H5Dcreate2(group, name.c_str(), file_type.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT), H5Dclose,
      "creating /kpi/summary");
  if (!rows.empty())
    h5::check_status(H5Dwrite(dataset.get(), mem_type.get(), H5S_ALL, H5S_ALL, h5::dataset_transfer_plist().get(), rows.data()),
                     "writing /kpi/summary");
}

std::string optional_attr(hid_t object, const std::string& name) {
  return h5::has_attr(object, name) ? h5::read_string_attr(object, name) : std::string{};
}

}  // namespace

void write_kpi_tables(hid_t kpi_group, const std::vector<Kpi>& kpis, std::int64_t replications) {
  write_replications(kpi_group, kpis, replications);
  write_summary(kpi_group, kpis);
}

std::vector<Kpi> read_kpi_replications(hid_t kpi_group) {
  const h5::Handle dataset = h5::open_dataset(kpi_group, std::string(layout::kKpiReplications));
  const h5::Handle file_type(H5Dget_type(dataset.get()), H5Tclose, "reading /kpi/replications type");
  const int members = H5Tget_nmembers(file_type.get());
  h5::check_status(members, "reading /kpi/replications fields");
  std::vector<Kpi> kpis;
  for (int i = 0; i < members; ++i) {
    char* name = H5Tget_member_name(file_type.get(), static_cast<unsigned>(i));
    if (name == nullptr) h5::check_status(-1, "reading /kpi/replications field names");
    if (name != layout::kReplicationField) kpis.push_back({.name = name, .units = {}, .description = {}, .per_replication = {}});
    H5free_memory(name);
  }
  if (kpis.empty()) return kpis;

  // Read only the KPI fields, as doubles: HDF5 matches compound members by name and converts.
  h5::Handle mem_type(H5Tcreate(H5T_COMPOUND, kField * kpis.size()), H5Tclose, "creating KPI row type");
  for (std::size_t k = 0; k < kpis.size(); ++k)
    h5::check_status(H5Tinsert(mem_type.get(), kpis[k].name.c_str(), kField * k, H5T_NATIVE_DOUBLE), "adding field");
  const std::size_t rows = h5::dataset_dims(dataset.get()).at(0);
  std::vector<double> buffer(rows * kpis.size());
  if (rows > 0)
    h5::check_status(H5Dread(dataset.get(), mem_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
                     "reading /kpi/replications");
  for (std::size_t k = 0; k < kpis.size(); ++k) {
    Kpi& kpi = kpis[k];
    kpi.per_replication.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) kpi.per_replication[r] = buffer[r * kpis.size() + k];
    kpi.units = optional_attr(dataset.get(), std::string(layout::kUnitsPrefix) + kpi.name);
    kpi.description = optional_attr(dataset.get(), std::string(layout::kDescriptionPrefix) + kpi.name);
  }
  return kpis;
}

std::vector<KpiSummary> read_kpi_summary_table(hid_t kpi_group) {
  std::size_t replications = 0;
  if (h5::has_object(kpi_group, std::string(layout::kKpiReplications), H5I_DATASET)) {
    const h5::Handle table = h5::open_dataset(kpi_group, std::string(layout::kKpiReplications));
    replications = h5::dataset_dims(table.get()).at(0);
  }
  const h5::Handle dataset = h5::open_dataset(kpi_group, std::string(layout::kKpiSummary));
  const h5::Handle mem_type = summary_row_type(false);
  std::vector<SummaryRow> rows(h5::dataset_dims(dataset.get()).at(0));
  std::vector<KpiSummary> out;
  if (rows.empty()) return out;
  h5::check_status(H5Dread(dataset.get(), mem_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
                   "reading /kpi/summary");
  for (const SummaryRow& row : rows)
    out.push_back({row.kpi != nullptr ? row.kpi : "", {replications, row.mean, row.sd, row.ci95_half, row.p5, row.p50, row.p95}});
  const h5::Handle space(H5Dget_space(dataset.get()), H5Sclose, "reading /kpi/summary");
  H5Dvlen_reclaim(mem_type.get(), space.get(), H5P_DEFAULT, rows.data());  // HDF5 allocated the kpi strings
  return out;
}

}  // namespace pfsim::output
