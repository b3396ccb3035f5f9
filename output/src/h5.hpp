#pragma once
// Thin RAII and error helpers over the HDF5 C API, private to the output library. Every id is closed exactly
// once, every creation property list is the deterministic one, and an HDF5 failure becomes one h5::Error line
// (the innermost message of the HDF5 error stack) instead of a stack dump on stderr.
#include <hdf5.h>

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::output::h5 {

/// An HDF5 call failed. Caught at the public API and turned into an OutputError that names the file.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws Error("<doing>: <innermost HDF5 message>") if `id` is negative; returns it otherwise.
hid_t check_id(hid_t id, std::string_view doing);
/// Same for calls returning a status.
void check_status(herr_t status, std::string_view doing);

/// Owns one HDF5 id and closes it with the matching H5?close.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  /// Takes ownership of `id` after check_id(id, doing).
  Handle(hid_t id, Closer closer, std::string_view doing);
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept;
  Handle& operator=(Handle&& other) noexcept;
  /// Closes quietly: on the error path the first failure has already been reported.
  ~Handle();

  [[nodiscard]] hid_t get() const noexcept { return id_; }
  /// Closes now and throws on failure. For a file this is where the metadata cache reaches the disk, so a
  /// full disk shows up here.
  void close(std::string_view doing);

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

/// Turns off HDF5's automatic error-stack printing while alive, restoring the caller's setting after: our errors
/// are reported once, as one line, by the exception (the scoped form of H5::Exception::dontPrint()).
class QuietErrors {
 public:
  QuietErrors();
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
  ~QuietErrors();

 private:
  H5E_auto2_t saved_func_ = nullptr;
  void* saved_data_ = nullptr;
};

// ---- deterministic property lists and types ----------------------------------------------------------------

/// File access: library-version bounds (earliest, latest), the 1.10 default stated explicitly, so each object
/// uses the oldest format that can hold it and h5py / HDF5 1.8 tools read the file.
Handle file_access_plist();
/// File creation: the root group's creation properties (see group_create_plist()).
Handle file_create_plist();
/// Group creation: no modification times (they would make two identical runs differ), and links and attributes
/// tracked in creation order so the reader returns series and extra attributes in the order they were written.
Handle group_create_plist();
/// Dataset creation: no modification times.
Handle dataset_create_plist();
/// The transfer properties every H5Dwrite uses: a 64 KiB type-conversion buffer instead of HDF5's 1 MiB. Why: HDF5
/// 1.10 allocates and zeroes that buffer whole for every write that converts (each variable-length string and
/// compound write does): ~7 of the ~24 ms a baseline results file took (bench/RESULTS.md, "Issue 25, fourth round").
/// A smaller buffer only converts in more passes; the file's bytes are the same.
Handle dataset_transfer_plist();
/// Variable-length UTF-8 string (h5py reads it as str).
Handle vl_string_type();

// ---- groups and links ----------------------------------------------------------------------------------------

Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);
Handle open_dataset(hid_t parent, const std::string& name);
/// True if `name` is a link in `parent` that resolves to an object of `type` (H5I_GROUP or H5I_DATASET).
bool has_object(hid_t parent, const std::string& name, H5I_type_t type);
/// Link names in creation order when the group tracks it, else in name order (files from other writers).
std::vector<std::string> link_names(hid_t group);

// ---- attributes ----------------------------------------------------------------------------------------------

void write_string_attr(hid_t object, const std::string& name, const std::string& value);
/// Writes a scalar numeric attribute stored as `file_type`, converting from `*value` of `mem_type`.
void write_scalar_attr(hid_t object, const std::string& name, hid_t file_type, hid_t mem_type, const void* value);
bool has_attr(hid_t object, const std::string& name);
/// Reads a string attribute, variable-length or fixed-length.
std::string read_string_attr(hid_t object, const std::string& name);
void read_scalar_attr(hid_t object, const std::string& name, hid_t mem_type, void* value);
/// Attribute names in creation order when tracked, else in name order.
std::vector<std::string> attr_names(hid_t object);

// ---- datasets ------------------------------------------------------------------------------------------------

void write_string_scalar(hid_t parent, const std::string& name, const std::string& value);
void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
/// Contiguous float64 dataset of shape `dims` (row-major `values`).
Handle write_doubles(hid_t parent, const std::string& name, std::span<const hsize_t> dims, std::span<const double> values);
/// 2-D float32 dataset, chunked and deflate(4)-compressed with chunk sizes that depend only on the shape.
Handle write_floats_compressed(hid_t parent, const std::string& name, std::span<const hsize_t, 2> dims,
                               std::span<const float> values);

std::string read_string_scalar(hid_t parent, const std::string& name);
std::vector<std::string> read_strings(hid_t parent, const std::string& name);
/// Shape of a dataset.
std::vector<hsize_t> dataset_dims(hid_t dataset);
/// Whole dataset, converted by HDF5 from any stored numeric type, row-major.
std::vector<double> read_doubles(hid_t dataset);
std::vector<float> read_floats(hid_t dataset);

}  // namespace pfsim::output::h5
