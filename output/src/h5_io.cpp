// Attribute and dataset reads and writes for h5.hpp.
#include <algorithm>
#include <cstring>

#include "h5.hpp"

namespace pfsim::output::h5 {
namespace {

Handle scalar_space() { return {H5Screate(H5S_SCALAR), H5Sclose, "creating scalar dataspace"}; }

Handle simple_space(std::span<const hsize_t> dims) {
  return {H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose, "creating dataspace"};
}

hsize_t element_count(std::span<const hsize_t> dims) {
  hsize_t n = 1;
  for (hsize_t d : dims) n *= d;
  return n;
}

// Converts a string read with a fixed-length type: HDF5 pads with NULs (or spaces, if the writer asked).
std::string trim_fixed(const char* data, std::size_t size) {
  std::string s(data, strnlen(data, size));
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Reads string data from an attribute or dataset whose stored type is `file_type`, `count` elements.
template <class ReadFn>
std::vector<std::string> read_string_data(hid_t file_type, hid_t space, std::size_t count, ReadFn read) {
  std::vector<std::string> out;
  out.reserve(count);
  if (count == 0) return out;
  if (H5Tget_class(file_type) != H5T_STRING) throw Error("expected string data");
  if (H5Tis_variable_str(file_type) > 0) {
    const Handle mem = vl_string_type();
    std::vector<char*> buffer(count, nullptr);
    check_status(read(mem.get(), buffer.data()), "reading strings");
    for (char* s : buffer) out.emplace_back(s != nullptr ? s : "");
    H5Dvlen_reclaim(mem.get(), space, H5P_DEFAULT, buffer.data());  // HDF5 allocated each string
  } else {
    const std::size_t size = H5Tget_size(file_type);
    Handle mem(H5Tcopy(H5T_C_S1), H5Tclose, "creating string type");
    check_status(H5Tset_size(mem.get(), size), "sizing string type");
    std::vector<char> buffer(count * size);
    check_status(read(mem.get(), buffer.data()), "reading strings");
    for (std::size_t i = 0; i < count; ++i) out.push_back(trim_fixed(buffer.data() + i * size, size));
  }
  return out;
}

}  // namespace

// ---- attributes ----------------------------------------------------------------------------------------------

void write_string_attr(hid_t object, const std::string& name, const std::string& value) {
  const Handle type = vl_string_type();
  const Handle space = scalar_space();
  const Handle attr(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                    "creating attribute '" + name + "'");
  const char* text = value.c_str();
  check_status(H5Awrite(attr.get(), type.get(), &text), "writing attribute '" + name + "'");
}

void write_scalar_attr(hid_t object, const std::string& name, hid_t file_type, hid_t mem_type, const void* value) {
  const Handle space = scalar_space();
  const Handle attr(H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                    "creating attribute '" + name + "'");
  check_status(H5Awrite(attr.get(), mem_type, value), "writing attribute '" + name + "'");
}

bool has_attr(hid_t object, const std::string& name) {
  const htri_t exists = H5Aexists(object, name.c_str());
  check_status(exists < 0 ? -1 : 0, "looking for attribute '" + name + "'");
  return exists > 0;
}

std::string read_string_attr(hid_t object, const std::string& name) {
  const std::string doing = "reading attribute '" + name + "'";
  const Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, doing);
  const Handle type(H5Aget_type(attr.get()), H5Tclose, doing);
  const Handle space(H5Aget_space(attr.get()), H5Sclose, doing);
  const auto values = read_string_data(type.get(), space.get(), 1, [&](hid_t mem, void* buffer) {
    return H5Aread(attr.get(), mem, buffer);
  });
  return values.front();
}

void read_scalar_attr(hid_t object, const std::string& name, hid_t mem_type, void* value) {
  const std::string doing = "reading attribute '" + name + "'";
  const Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, doing);
  check_status(H5Aread(attr.get(), mem_type, value), doing);
}

namespace {
herr_t collect_attr_name(hid_t, const char* name, const H5A_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}
}  // namespace

std::vector<std::string> attr_names(hid_t object) {
  // H5Aiterate2's callback is the same from HDF5 1.8 to 1.14, unlike H5Oget_info's struct.
  std::vector<std::string> names;
  if (H5Aiterate2(object, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_attr_name, &names) < 0) {
    H5Eclear2(H5E_DEFAULT);  // creation order not tracked: the object came from another writer
    names.clear();
    check_status(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_attr_name, &names),
                 "listing attributes");
  }
  return names;
}

// ---- datasets ------------------------------------------------------------------------------------------------

void write_string_scalar(hid_t parent, const std::string& name, const std::string& value) {
  const Handle type = vl_string_type();
  const Handle space = scalar_space();
  const Handle dcpl = dataset_create_plist();
  const Handle dataset(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                       H5Dclose, "creating dataset '" + name + "'");
  const char* text = value.c_str();
  check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, dataset_transfer_plist().get(), &text),
               "writing dataset '" + name + "'");
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  const Handle type = vl_string_type();
  const hsize_t dims[1] = {values.size()};
  const Handle space = simple_space(dims);
  const Handle dcpl = dataset_create_plist();
  const Handle dataset(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                       H5Dclose, "creating dataset '" + name + "'");
  if (values.empty()) return;  // H5Dwrite rejects a null buffer even for zero elements
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v.c_str());
  check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, dataset_transfer_plist().get(), pointers.data()),
               "writing dataset '" + name + "'");
}

Handle write_doubles(hid_t parent, const std::string& name, std::span<const hsize_t> dims,
                     std::span<const double> values) {
  const Handle space = simple_space(dims);
  const Handle dcpl = dataset_create_plist();
  Handle dataset(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                 H5Dclose, "creating dataset '" + name + "'");
  if (!values.empty())
    check_status(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, dataset_transfer_plist().get(), values.data()),
                 "writing dataset '" + name + "'");
  return dataset;
}

Handle write_floats_compressed(hid_t parent, const std::string& name, std::span<const hsize_t, 2> dims,
                               std::span<const float> values) {
  // Chunks of up to 16 replications × 366 days (≤ 23 KiB): a year of one replication is one read, and the size
  // depends only on the shape, never on the library's heuristics, so identical records give identical files.
  constexpr hsize_t kChunkReplications = 16, kChunkDays = 366;
  const Handle space = simple_space(dims);
  const Handle dcpl = dataset_create_plist();
  if (dims[0] > 0 && dims[1] > 0) {  // a fixed-size chunk may not exceed the extent, so empty series stay contiguous
    const hsize_t chunk[2] = {std::min(dims[0], kChunkReplications), std::min(dims[1], kChunkDays)};
    check_status(H5Pset_chunk(dcpl.get(), 2, chunk), "setting chunk size of '" + name + "'");
    check_status(H5Pset_deflate(dcpl.get(), 4), "setting compression of '" + name + "'");
  }
  Handle dataset(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                 H5Dclose, "creating dataset '" + name + "'");
  if (!values.empty())
    check_status(H5Dwrite(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, dataset_transfer_plist().get(), values.data()),
                 "writing dataset '" + name + "'");
  return dataset;
}

std::string read_string_scalar(hid_t parent, const std::string& name) {
  const std::string doing = "reading dataset '" + name + "'";
  const Handle dataset = open_dataset(parent, name);
  const Handle type(H5Dget_type(dataset.get()), H5Tclose, doing);
  const Handle space(H5Dget_space(dataset.get()), H5Sclose, doing);
  const auto values = read_string_data(type.get(), space.get(), 1, [&](hid_t mem, void* buffer) {
    return H5Dread(dataset.get(), mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  });
  return values.front();
}

std::vector<std::string> read_strings(hid_t parent, const std::string& name) {
  const std::string doing = "reading dataset '" + name + "'";
  const Handle dataset = open_dataset(parent, name);
  const Handle type(H5Dget_type(dataset.get()), H5Tclose, doing);
  const Handle space(H5Dget_space(dataset.get()), H5Sclose, doing);
  const auto count = static_cast<std::size_t>(element_count(dataset_dims(dataset.get())));
  return read_string_data(type.get(), space.get(), count, [&](hid_t mem, void* buffer) {
    return H5Dread(dataset.get(), mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  });
}

std::vector<hsize_t> dataset_dims(hid_t dataset) {
  const Handle space(H5Dget_space(dataset), H5Sclose, "reading dataset shape");
  const int rank = H5Sget_simple_extent_ndims(space.get());
  check_status(rank, "reading dataset shape");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check_status(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "reading dataset shape");
  return dims;
}

namespace {
template <class T>
std::vector<T> read_numbers(hid_t dataset, hid_t mem_type) {
  std::vector<T> values(static_cast<std::size_t>(element_count(dataset_dims(dataset))));
  if (!values.empty())
    check_status(H5Dread(dataset, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "reading dataset");
  return values;
}
}  // namespace

std::vector<double> read_doubles(hid_t dataset) { return read_numbers<double>(dataset, H5T_NATIVE_DOUBLE); }
std::vector<float> read_floats(hid_t dataset) { return read_numbers<float>(dataset, H5T_NATIVE_FLOAT); }

}  // namespace pfsim::output::h5
