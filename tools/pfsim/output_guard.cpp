#include "output_guard.hpp"

#include <sys/stat.h>

#include <array>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "pfsim/output/export.hpp"

namespace pfsim::cli {

namespace {
namespace fs = std::filesystem;

struct Identity {
  dev_t device;
  ino_t inode;
  bool operator==(const Identity&) const = default;
};

std::optional<Identity> identity(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return Identity{st.st_dev, st.st_ino};
}

// Where a path that may not exist yet would land: its parent directory resolved (symlinks included) + its name.
fs::path landing_place(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : resolved;
}

// "via a symlink" / "via a hard link" when the two paths do not name the file the same way.
std::string how_aliased(const fs::path& output, const fs::path& input) {
  std::error_code ec;
  if (fs::is_symlink(output, ec) || fs::is_symlink(input, ec)) return ", through a symlink";
  if (landing_place(output) == landing_place(input)) return "";
  if (fs::weakly_canonical(output, ec) == fs::weakly_canonical(input, ec)) return ", through a symlinked directory";
  return ", through a hard link";
}

std::string describe_type(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

std::string first_bytes(const fs::path& path, std::size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return bytes;
}

// Whether an existing regular file at `path` may be replaced by pfsim output of `kind` without --force;
// otherwise the reason, e.g. "is not an HDF5 file".
// Whether the file ends with the zip comment write_workbook() gives the workbooks it writes.
bool is_our_workbook(const fs::path& path) {
  const std::string_view marker = output::kWorkbookMarker;
  std::ifstream in(path, std::ios::binary);
  in.seekg(-static_cast<std::streamoff>(marker.size()), std::ios::end);
  std::string tail(marker.size(), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  return in && tail == marker && first_bytes(path, 4) == std::string("PK\x03\x04", 4);
}

std::optional<std::string> why_not_replaceable(const OutputFile& out) {
  const fs::path& path = out.path;
  std::error_code ec;
  if (fs::file_size(path, ec) == 0 && !ec) return std::nullopt;  // an empty file (e.g. from mktemp) holds nothing to lose
  switch (out.kind) {
    case OutputKind::Results: {
      static constexpr std::array<char, 8> kHdf5Signature = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
      const std::string head = first_bytes(path, kHdf5Signature.size());
      if (head.size() == kHdf5Signature.size() && std::memcmp(head.data(), kHdf5Signature.data(), head.size()) == 0)
        return std::nullopt;
      return "exists and is not an HDF5 results file";
    }
    case OutputKind::Report: {
      const std::string head = first_bytes(path, 512);
      if (head.starts_with("<!DOCTYPE html>") && head.find("content=\"pfsim ") != std::string::npos) return std::nullopt;
      return "exists and is not a pfsim report";
    }
    case OutputKind::Census:
      if (first_bytes(path, 64).starts_with("kind,site,locality,age_band,")) return std::nullopt;
      return "exists and is not a census CSV";
    case OutputKind::CalibratedScenario:
    case OutputKind::CalibrationDiagnostics: return "exists (calibrate does not overwrite a file without --force)";
    case OutputKind::Workbook:
      if (is_our_workbook(path)) return std::nullopt;
      return "exists and is not a workbook written by pfsim export (one saved from Excel or LibreOffice counts as yours)";
    case OutputKind::ExportCsv:
      if (!out.csv_header.empty() && first_bytes(path, out.csv_header.size()) == out.csv_header) return std::nullopt;
      return "exists and is not this table's CSV from pfsim export";
  }
  return std::nullopt;
}

[[noreturn]] void refuse(const OutputFile& out, const std::string& what, const std::string& hint) {
  throw BadArgument(fmt::format("pfsim: {} {}: {} (hint: {})", out.option, out.path.string(), what, hint));
}

void check_against_inputs(const OutputFile& out, const fs::path& written, const std::vector<InputFile>& inputs) {
  const auto id = identity(written);
  if (!id) return;  // a path that does not exist yet cannot be an existing input
  for (const InputFile& input : inputs)
    if (identity(input.path) == id) {
      const bool is_tmp = written != out.path;
      refuse(out,
             fmt::format("{}is the same file as {}, {}{}; writing it would destroy that input",
                         is_tmp ? fmt::format("its temporary file {} ", written.string()) : "", input.path.string(), input.role,
                         how_aliased(written, input.path)),
             "choose another output path");
    }
}

// <out>.ckpt is removed and recreated by `run`: it must be pfsim's own checkpoint directory, if it exists.
void check_checkpoint_directory(const OutputFile& out, const std::vector<InputFile>& inputs) {
  const fs::path dir = out.path.string() + ".ckpt";
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (ec || !fs::exists(status)) return;
  const std::string hint = fmt::format("move {} away or choose another -o", dir.string());
  if (!fs::is_directory(status)) refuse(out, fmt::format("{}, where the run keeps its checkpoints, is {}", dir.string(), describe_type(status)), hint);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "fingerprint" || name == "command_line" || entry.path().extension() == ".rep" || entry.path().extension() == ".tmp") continue;
    refuse(out, fmt::format("{}, where the run keeps its checkpoints, holds {}, which is not a pfsim checkpoint", dir.string(), name), hint);
  }
  const fs::path canonical_dir = landing_place(dir);
  for (const InputFile& input : inputs) {
    const fs::path in = landing_place(input.path);
    if (std::mismatch(canonical_dir.begin(), canonical_dir.end(), in.begin(), in.end()).first == canonical_dir.end())
      refuse(out, fmt::format("{} ({}) is inside {}, which the run replaces", input.path.string(), input.role, dir.string()), hint);
  }
}

}  // namespace

void add_scenario_inputs(std::vector<InputFile>& inputs, const std::vector<fs::path>& files_read, const std::string& role_of_scenario) {
  for (std::size_t k = 0; k < files_read.size(); ++k)
    inputs.push_back({files_read[k], k == 0 ? role_of_scenario
                                            : fmt::format("which {} reads (extends:, census or schemes)", files_read.front().string())});
}

void guard_outputs(const std::vector<OutputFile>& outputs, const std::vector<InputFile>& inputs, bool force, bool checkpoints) {
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    const OutputFile& out = outputs[k];
    std::error_code ec;
    const auto status = fs::status(out.path, ec);
    if (ec == std::errc::too_many_symbolic_link_levels)
      refuse(out, "is a symlink loop (too many levels of symbolic links)", "remove the link or choose another output path");
    if (fs::exists(status) && !fs::is_regular_file(status))
      refuse(out,
             fmt::format("is {}; pfsim writes a new file and renames it over the path, which would replace it", describe_type(status)),
             fs::is_directory(status) ? fmt::format("give a file name, e.g. {} {}/results.h5", out.option, out.path.string())
                                      : "give the path of a regular file");
    check_against_inputs(out, out.path, inputs);
    check_against_inputs(out, out.path.string() + ".tmp", inputs);
    for (std::size_t j = 0; j < k; ++j) {
      const auto a = identity(out.path), b = identity(outputs[j].path);
      if ((a && a == b) || landing_place(out.path) == landing_place(outputs[j].path))
        refuse(out, fmt::format("is the same file as {} {}; one output would overwrite the other", outputs[j].option, outputs[j].path.string()),
               "give the two outputs different names");
    }
    if (checkpoints && out.kind == OutputKind::Results) check_checkpoint_directory(out, inputs);
    if (!force && fs::is_regular_file(status))
      if (auto why = why_not_replaceable(out))
        refuse(out, fmt::format("{}; refusing to overwrite it", *why), "choose another output path, or add --force to replace it");
  }
}

}  // namespace pfsim::cli
