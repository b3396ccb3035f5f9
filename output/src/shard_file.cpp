// write_shard() and read_shard(): /meta (string attributes, kShardMarker among them) and /shard with the
// overrides, the replication numbers and every replication's bytes in one deflated byte dataset.
#include "pfsim/output/shard_file.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "file_image.hpp"
#include "h5.hpp"
#include "layout.hpp"
#include "pfsim/output/error.hpp"

namespace pfsim::output {
namespace fs = std::filesystem;
namespace {

constexpr const char* kShardGroup = "shard";

h5::Handle simple_space(hsize_t size) { return {H5Screate_simple(1, &size, nullptr), H5Sclose, "creating dataspace"}; }

void write_uint64s(hid_t parent, const std::string& name, const std::vector<std::uint64_t>& values) {
  const h5::Handle space = simple_space(values.size());
  const h5::Handle dcpl = h5::dataset_create_plist();
  const h5::Handle dataset(H5Dcreate2(parent, name.c_str(), H5T_STD_U64LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                           H5Dclose, "creating dataset '" + name + "'");
  if (!values.empty())
    h5::check_status(H5Dwrite(dataset.get(), H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, h5::dataset_transfer_plist().get(), values.data()),
                     "writing dataset '" + name + "'");
}

// One byte dataset, deflated in chunks of a size fixed by its length alone (so equal shards give equal files).
void write_bytes(hid_t parent, const std::string& name, const std::string& bytes) {
  constexpr hsize_t kChunk = hsize_t{1} << 20;
  const h5::Handle space = simple_space(bytes.size());
  const h5::Handle dcpl = h5::dataset_create_plist();
  if (!bytes.empty()) {
    const hsize_t chunk = std::min<hsize_t>(bytes.size(), kChunk);
    h5::check_status(H5Pset_chunk(dcpl.get(), 1, &chunk), "setting chunk size of '" + name + "'");
    h5::check_status(H5Pset_deflate(dcpl.get(), 4), "setting compression of '" + name + "'");
  }
  const h5::Handle dataset(H5Dcreate2(parent, name.c_str(), H5T_STD_U8LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                           H5Dclose, "creating dataset '" + name + "'");
  if (!bytes.empty())
    h5::check_status(H5Dwrite(dataset.get(), H5T_NATIVE_UCHAR, H5S_ALL, H5S_ALL, h5::dataset_transfer_plist().get(), bytes.data()),
                     "writing dataset '" + name + "'");
}

std::size_t length_of(hid_t dataset) {
  const std::vector<hsize_t> dims = h5::dataset_dims(dataset);
  return dims.size() == 1 ? static_cast<std::size_t>(dims[0]) : 0;
}

std::vector<std::uint64_t> read_uint64s(hid_t parent, const std::string& name) {
  const h5::Handle dataset = h5::open_dataset(parent, name);
  std::vector<std::uint64_t> values(length_of(dataset.get()));
  if (!values.empty())
    h5::check_status(H5Dread(dataset.get(), H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                     "reading dataset '" + name + "'");
  return values;
}

std::string read_bytes(hid_t parent, const std::string& name) {
  const h5::Handle dataset = h5::open_dataset(parent, name);
  std::string bytes(length_of(dataset.get()), '\0');
  if (!bytes.empty())
    h5::check_status(H5Dread(dataset.get(), H5T_NATIVE_UCHAR, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()),
                     "reading dataset '" + name + "'");
  return bytes;
}

void fill(hid_t file, const ShardFile& shard) {
  {
    const h5::Handle meta = h5::create_group(file, std::string(layout::kMeta));
    for (const auto& [key, value] : shard.meta) h5::write_string_attr(meta.get(), key, value);
  }
  const h5::Handle group = h5::create_group(file, kShardGroup);
  h5::write_strings(group.get(), "scenario_overrides", shard.scenario_overrides);
  write_uint64s(group.get(), "replication", shard.replications);
  std::vector<std::uint64_t> lengths;
  std::string bytes;
  for (const std::string& one : shard.encoded) {
    lengths.push_back(one.size());
    bytes += one;
  }
  write_uint64s(group.get(), "length", lengths);
  write_bytes(group.get(), "bytes", bytes);
}

}  // namespace

void write_shard(const ShardFile& shard, const fs::path& path) {
  if (shard.replications.size() != shard.encoded.size())
    throw OutputError(fmt::format("cannot write the shard file '{}': {} replication numbers for {} replications (a pfsim bug)",
                                  path.string(), shard.replications.size(), shard.encoded.size()));
  write_file_atomically(path, "the shard file", [&](const fs::path& tmp) {
    return hdf5_file_image(tmp, [&](hid_t file) { fill(file, shard); });
  });
}

ShardFile read_shard(const fs::path& path) {
  const auto fail = [&](std::string_view reason, std::string_view fix) {
    return OutputError(fmt::format("{}: {} (hint: {})", path.string(), reason, fix));
  };
  constexpr std::string_view kFix = "give the files `pfsim run --shard K/N` wrote";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw fail("no such file", "check the path; a shard that never finished has none, rerun it with --resume");
  if (fs::is_directory(path, ec)) throw fail("is a directory", kFix);
  const h5::QuietErrors quiet;
  if (H5Fis_hdf5(path.c_str()) <= 0) throw fail("not an HDF5 file, so not a shard of an array job", kFix);
  try {
    const h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "opening");
    const bool has_meta = h5::has_object(file.get(), std::string(layout::kMeta), H5I_GROUP);
    const h5::Handle meta = has_meta ? h5::open_group(file.get(), std::string(layout::kMeta)) : h5::Handle();
    if (!has_meta || !h5::has_attr(meta.get(), kShardMarker) || !h5::has_object(file.get(), kShardGroup, H5I_GROUP))
      throw fail("not a shard of an array job (no /meta " + std::string(kShardMarker) + "; a finished results file, perhaps)", kFix);
    ShardFile shard;
    for (const std::string& name : h5::attr_names(meta.get())) shard.meta.emplace_back(name, h5::read_string_attr(meta.get(), name));
    const h5::Handle group = h5::open_group(file.get(), kShardGroup);
    shard.scenario_overrides = h5::read_strings(group.get(), "scenario_overrides");
    shard.replications = read_uint64s(group.get(), "replication");
    const std::vector<std::uint64_t> lengths = read_uint64s(group.get(), "length");
    const std::string bytes = read_bytes(group.get(), "bytes");
    std::uint64_t total = 0;
    for (std::uint64_t length : lengths) total += length;
    if (lengths.size() != shard.replications.size() || total != bytes.size())
      throw fail("damaged: its replication lengths do not add up to its bytes", "rerun this shard with --resume");
    std::size_t offset = 0;
    for (std::uint64_t length : lengths) {
      shard.encoded.push_back(bytes.substr(offset, length));
      offset += length;
    }
    return shard;
  } catch (const h5::Error& e) {
    throw fail(fmt::format("cannot read it as a shard file: {}", e.what()), "rerun this shard with --resume");
  }
}

}  // namespace pfsim::output
