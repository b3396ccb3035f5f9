#pragma once
// How every HDF5 file pfsim writes reaches the disk (private to the output library): built whole in memory, then
// written to "<path>.tmp", fsynced and renamed, so a failure never leaves a partial file under the final name.
#include <hdf5.h>

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

namespace pfsim::output {

/// Builds an in-memory HDF5 file named `name` (HDF5's core driver, no backing store), lets `fill` write into it and
/// returns its bytes. HDF5 then never sees a disk error: after a failed write to disk HDF5 1.10 leaves the file id
/// half-closed and crashes at exit, so all disk I/O is write_file_atomically's, where a full disk is just errno.
std::vector<unsigned char> hdf5_file_image(const std::filesystem::path& name, const std::function<void(hid_t)>& fill);

/// Writes the image `build_image(tmp_path)` returns to "<path>.tmp", then renames it onto `path` (the .tmp is
/// removed on any failure). Throws OutputError "cannot write <what> to '<path>': <reason> (<fix>)".
void write_file_atomically(const std::filesystem::path& path, std::string_view what,
                           const std::function<std::vector<unsigned char>(const std::filesystem::path&)>& build_image);

}  // namespace pfsim::output
