// write_results(): lays a RunRecord out as DESIGN §7 in memory, writes the bytes to "<path>.tmp", then renames
// that onto the final name.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <span>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "h5.hpp"
#include "kpi_tables.hpp"
#include "layout.hpp"
#include "pfsim/output/results_file.hpp"
#include "file_image.hpp"
#include "record_validation.hpp"

namespace pfsim::output {
namespace fs = std::filesystem;
namespace {

void write_meta(hid_t file, const RunRecord& r) {
  const h5::Handle meta = h5::create_group(file, std::string(layout::kMeta));
  const hid_t m = meta.get();
  // Same order as layout::kMetaAttributes; the group tracks attribute creation order for the reader.
  h5::write_string_attr(m, "pfsim_version", r.pfsim_version);
  h5::write_scalar_attr(m, "schema", H5T_STD_I32LE, H5T_NATIVE_INT, &r.schema);
  h5::write_string_attr(m, "scenario_name", r.scenario_name);
  h5::write_scalar_attr(m, "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, &r.seed);
  h5::write_scalar_attr(m, "replications", H5T_STD_I64LE, H5T_NATIVE_INT64, &r.replications);
  h5::write_scalar_attr(m, "warmup_days", H5T_STD_I64LE, H5T_NATIVE_INT64, &r.warmup_days);
  h5::write_scalar_attr(m, "days", H5T_STD_I64LE, H5T_NATIVE_INT64, &r.days);
  h5::write_string_attr(m, "start_date", r.start_date);
  h5::write_string_attr(m, "created", r.created);
  for (const auto& [name, value] : r.extra_meta) h5::write_string_attr(m, name, value);
  h5::write_string_scalar(m, std::string(layout::kScenarioYaml), r.scenario_yaml);
}

void write_labelled(hid_t dataset, const std::string& units, const std::string& description) {
  h5::write_string_attr(dataset, std::string(layout::kUnits), units);
  h5::write_string_attr(dataset, std::string(layout::kDescription), description);
}

void write_daily(hid_t file, const std::vector<DailySeries>& daily) {
  const h5::Handle group = h5::create_group(file, std::string(layout::kDaily));
  for (const DailySeries& series : daily) {
    const hsize_t dims[2] = {series.replications, series.days};
    const h5::Handle dataset = h5::write_floats_compressed(group.get(), series.name, dims, series.values);
    write_labelled(dataset.get(), series.units, series.description);
  }
}

void write_breakdowns(hid_t file, std::string_view group_name, const std::vector<std::string>& labels,
                      const std::vector<Breakdown>& breakdowns, bool mark_as_table_group = false) {
  const h5::Handle group = h5::create_group(file, std::string(group_name));
  if (mark_as_table_group) h5::write_string_attr(group.get(), std::string(layout::kGroupKind), std::string(layout::kLabelledTables));
  // The label list is written even when empty so scripts can always index /by_site/names.
  h5::write_strings(group.get(), std::string(layout::kLabelNames), labels);
  for (const Breakdown& b : breakdowns) {
    const hsize_t columns = labels.size();
    const hsize_t dims[2] = {columns > 0 ? b.values.size() / columns : 0, columns};
    const h5::Handle dataset = h5::write_doubles(group.get(), b.name, dims, b.values);
    write_labelled(dataset.get(), b.units, b.description);
  }
}

void write_extra_datasets(hid_t file, const RunRecord& r) {
  for (const auto& [path, values] : r.extra_datasets) {
    // Create missing parent groups ourselves: HDF5's create-intermediate-groups option would give them the
    // default (time-stamped) creation properties.
    std::vector<h5::Handle> parents;
    hid_t parent = file;
    std::size_t start = 1;
    for (std::size_t slash = path.find('/', start); slash != std::string::npos; slash = path.find('/', start)) {
      const std::string name = path.substr(start, slash - start);
      parents.push_back(h5::has_object(parent, name, H5I_GROUP) ? h5::open_group(parent, name)
                                                                 : h5::create_group(parent, name));
      parent = parents.back().get();
      start = slash + 1;
    }
    const hsize_t dims[1] = {values.size()};
    h5::write_doubles(parent, path.substr(start), dims, values);
  }
}

// The whole results file as bytes (hdf5_file_image: built in memory, so all disk I/O is write_file_atomically's).
std::vector<unsigned char> build_file_image(const RunRecord& record, const fs::path& name) {
  return hdf5_file_image(name, [&](hid_t file) {
    write_meta(file, record);
    {
      const h5::Handle kpi = h5::create_group(file, std::string(layout::kKpi));
      write_kpi_tables(kpi.get(), record.kpis, record.replications);
    }
    write_daily(file, record.daily);
    write_breakdowns(file, layout::kBySite, record.site_names, record.by_site);
    write_breakdowns(file, layout::kByLocality, record.locality_names, record.by_locality);
    for (const TableGroup& g : record.table_groups) write_breakdowns(file, g.name, g.labels, g.tables, true);
    write_extra_datasets(file, record);
  });
}

// An open file descriptor, closed once.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const noexcept { return fd_; }
  /// Closes now: on some file systems (NFS) a failed close is the first sign the data did not land.
  void close(const fs::path& path) {
    if (::close(std::exchange(fd_, -1)) != 0) throw_errno("closing", path);
  }
  [[noreturn]] static void throw_errno(std::string_view doing, const fs::path& path) {
    const int error = errno;  // before anything else can overwrite it
    throw std::system_error(error, std::generic_category(), fmt::format("{} '{}'", doing, path.string()));
  }

 private:
  int fd_;
};

// Writes all bytes and fsyncs: without the fsync a crash just after the rename could leave the final name on a
// file whose blocks never reached the disk, the half file the tmp-then-rename scheme exists to prevent.
void write_bytes(Descriptor& fd, const fs::path& path, std::span<const unsigned char> bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd.get(), bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) Descriptor::throw_errno("writing", path);  // ENOSPC, EFBIG, EIO, ...
    bytes = bytes.subspan(static_cast<std::size_t>(written));
  }
  if (::fsync(fd.get()) != 0) Descriptor::throw_errno("flushing", path);
  fd.close(path);
}

// Removes the tmp file on every failure path, exceptions of any kind included, unless the rename happened.
class TmpFileGuard {
 public:
  explicit TmpFileGuard(fs::path path) : path_(std::move(path)) {}
  TmpFileGuard(const TmpFileGuard&) = delete;
  TmpFileGuard& operator=(const TmpFileGuard&) = delete;
  ~TmpFileGuard() {
    std::error_code ignored;
    if (!committed_) fs::remove(path_, ignored);
  }
  void commit() noexcept { committed_ = true; }

 private:
  fs::path path_;
  bool committed_ = false;
};

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view what,
                           const std::function<std::vector<unsigned char>(const fs::path&)>& build_image) {
  const auto fail = [&](std::string_view reason, std::string_view fix) {
    return OutputError(fmt::format("cannot write {} to '{}': {} ({})", what, path.string(), reason, fix));
  };
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw fail("it is a directory", fmt::format("give a file name such as '{}'", (path / "results.h5").string()));
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::exists(directory, ec))
    throw fail(fmt::format("directory '{}' does not exist", directory.string()), "create it or choose another path");
  if (!fs::is_directory(directory, ec))
    throw fail(fmt::format("'{}' is not a directory", directory.string()), "choose another path");

  fs::path tmp = path;
  tmp += ".tmp";
  if (fs::is_directory(tmp, ec))
    throw fail(fmt::format("the temporary path '{}' is a directory", tmp.string()), "remove it and run again");
  // Create the tmp file before the (possibly long) build: errno says precisely why a directory is not writable,
  // and a file we created is ours to remove on failure (a stray directory of that name is not).
  Descriptor fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (fd.get() < 0) {
    const int error = errno;
    throw fail(fmt::format("cannot create '{}': {}", tmp.string(), std::strerror(error)), "choose a writable directory");
  }
  TmpFileGuard guard(tmp);

  constexpr std::string_view kFix = "check free disk space and that the directory is writable";
  try {
    std::vector<unsigned char> image;
    {
      const h5::QuietErrors quiet;
      image = build_image(tmp);
    }
    write_bytes(fd, tmp, image);
    fs::rename(tmp, path);  // atomic on POSIX: readers see the old file or the new one, never a mix
    guard.commit();
  } catch (const h5::Error& e) {
    throw fail(e.what(), "check free memory; if it persists, report a pfsim bug");
  } catch (const std::system_error& e) {  // write errors, and std::filesystem::filesystem_error from rename
    throw fail(e.what(), kFix);
  }
}

std::vector<unsigned char> hdf5_file_image(const fs::path& name, const std::function<void(hid_t)>& fill) {
  constexpr std::size_t kGrowBy = std::size_t{1} << 20;
  const h5::Handle fcpl = h5::file_create_plist(), fapl = h5::file_access_plist();
  h5::check_status(H5Pset_fapl_core(fapl.get(), kGrowBy, false), "choosing the in-memory driver");
  h5::Handle file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), H5Fclose, "creating the file");
  fill(file.get());
  h5::check_status(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
  const ssize_t size = H5Fget_file_image(file.get(), nullptr, 0);
  h5::check_status(size < 0 ? -1 : 0, "measuring the file image");
  std::vector<unsigned char> image(static_cast<std::size_t>(size));
  h5::check_status(H5Fget_file_image(file.get(), image.data(), image.size()) < 0 ? -1 : 0, "copying the file image");
  file.close("closing the file");
  return image;
}

void write_results(const RunRecord& record, const fs::path& path) {
  if (path.empty()) throw OutputError("cannot write results: no output path given (pass a file name such as results.h5)");
  if (const auto problem = find_record_problem(record))  // the problem text carries its own fix
    throw OutputError(fmt::format("cannot write results to '{}': {}", path.string(), *problem));
  write_file_atomically(path, "results", [&](const fs::path& tmp) { return build_file_image(record, tmp); });
}

}  // namespace pfsim::output
