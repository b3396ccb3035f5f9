#include "h5.hpp"

#include <utility>

namespace pfsim::output::h5 {
namespace {

// H5Ewalk2 visits the stack innermost first; the innermost entry is the specific cause ("errno = 28, error
// message = 'No space left on device'"), the outer ones only say which API call it surfaced through.
herr_t keep_innermost(unsigned n, const H5E_error2_t* err, void* client) {
  if (n == 0 && err->desc != nullptr) *static_cast<std::string*>(client) = err->desc;
  return 0;
}

std::string innermost_hdf5_message() {
  std::string message;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &message);
  H5Eclear2(H5E_DEFAULT);
  for (char& c : message)
    if (c == '\n' || c == '\r') c = ' ';  // the exception must stay one line
  return message.empty() ? "unknown HDF5 error" : message;
}

[[noreturn]] void fail(std::string_view doing) {
  throw Error(std::string(doing) + ": " + innermost_hdf5_message());
}

}  // namespace

hid_t check_id(hid_t id, std::string_view doing) {
  if (id < 0) fail(doing);
  return id;
}

void check_status(herr_t status, std::string_view doing) {
  if (status < 0) fail(doing);
}

Handle::Handle(hid_t id, Closer closer, std::string_view doing) : id_(check_id(id, doing)), closer_(closer) {}

Handle::Handle(Handle&& other) noexcept
    : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(std::exchange(other.closer_, nullptr)) {}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    if (id_ >= 0) closer_(id_);
    id_ = std::exchange(other.id_, H5I_INVALID_HID);
    closer_ = std::exchange(other.closer_, nullptr);
  }
  return *this;
}

Handle::~Handle() {
  if (id_ >= 0) {
    closer_(id_);
    H5Eclear2(H5E_DEFAULT);
  }
}

void Handle::close(std::string_view doing) {
  // The id is released even when closing fails, so the destructor must not close it a second time.
  const hid_t id = std::exchange(id_, H5I_INVALID_HID);
  if (id >= 0) check_status(closer_(id), doing);
}

QuietErrors::QuietErrors() {
  H5Eget_auto2(H5E_DEFAULT, &saved_func_, &saved_data_);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, saved_func_, saved_data_); }

Handle file_access_plist() {
  Handle plist(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "creating file access properties");
  check_status(H5Pset_libver_bounds(plist.get(), H5F_LIBVER_EARLIEST, H5F_LIBVER_LATEST), "setting format bounds");
  return plist;
}

namespace {
void set_group_properties(hid_t plist) {
  check_status(H5Pset_obj_track_times(plist, false), "turning off time tracking");
  const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  check_status(H5Pset_link_creation_order(plist, order), "tracking link creation order");
  check_status(H5Pset_attr_creation_order(plist, order), "tracking attribute creation order");
}
}  // namespace

Handle file_create_plist() {
  // A file creation list is a group creation list for the root group, so "/" gets the same properties.
  Handle plist(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "creating file creation properties");
  set_group_properties(plist.get());
  return plist;
}

Handle group_create_plist() {
  Handle plist(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "creating group creation properties");
  set_group_properties(plist.get());
  return plist;
}

Handle dataset_create_plist() {
  Handle plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "creating dataset creation properties");
  check_status(H5Pset_obj_track_times(plist.get(), false), "turning off time tracking");
  return plist;
}

Handle dataset_transfer_plist() {
  constexpr std::size_t kConversionBuffer = 64 * 1024;  // > any element: a /kpi/replications row is 8 bytes a KPI
  Handle plist(H5Pcreate(H5P_DATASET_XFER), H5Pclose, "creating dataset transfer properties");
  check_status(H5Pset_buffer(plist.get(), kConversionBuffer, nullptr, nullptr), "setting the conversion buffer size");
  return plist;
}

Handle vl_string_type() {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "creating string type");
  check_status(H5Tset_size(type.get(), H5T_VARIABLE), "making string type variable-length");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "making string type UTF-8");
  return type;
}

Handle create_group(hid_t parent, const std::string& name) {
  const Handle gcpl = group_create_plist();
  return {H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), H5Gclose,
          "creating group '" + name + "'"};
}

Handle open_group(hid_t parent, const std::string& name) {
  return {H5Gopen2(parent, name.c_str(), H5P_DEFAULT), H5Gclose, "opening group '" + name + "'"};
}

Handle open_dataset(hid_t parent, const std::string& name) {
  return {H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "opening dataset '" + name + "'"};
}

bool has_object(hid_t parent, const std::string& name, H5I_type_t type) {
  if (H5Lexists(parent, name.c_str(), H5P_DEFAULT) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    return false;
  }
  const hid_t object = H5Oopen(parent, name.c_str(), H5P_DEFAULT);
  if (object < 0) {  // e.g. a dangling soft link
    H5Eclear2(H5E_DEFAULT);
    return false;
  }
  const bool matches = H5Iget_type(object) == type;
  H5Oclose(object);
  return matches;
}

std::vector<std::string> link_names(hid_t group) {
  H5G_info_t info{};
  check_status(H5Gget_info(group, &info), "listing group");
  // By index rather than H5Literate, whose callback signature changed between HDF5 1.10 and 1.12.
  auto list = [&](H5_index_t index) {
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
      const ssize_t size = H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
      if (size < 0) return std::vector<std::string>{};
      std::string name(static_cast<std::size_t>(size), '\0');
      H5Lget_name_by_idx(group, ".", index, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
      names.push_back(std::move(name));
    }
    return names;
  };
  auto names = list(H5_INDEX_CRT_ORDER);
  if (names.size() != info.nlinks) {  // creation order not tracked: the group came from another writer
    H5Eclear2(H5E_DEFAULT);
    names = list(H5_INDEX_NAME);
    if (names.size() != info.nlinks) fail("listing group");
  }
  return names;
}

}  // namespace pfsim::output::h5
