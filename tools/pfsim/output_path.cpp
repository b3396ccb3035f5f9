#include "output_path.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace pfsim::cli {

void check_output_path(const std::filesystem::path& path, std::string_view option, std::string_view example) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // The hint names the option that gave the path (--save-census, not -o) and a file name of its kind.
  if (fs::is_directory(path, ec))
    throw BadArgument(fmt::format("{}: is a directory (hint: give a file name, e.g. {} {}/{})", path.string(), option, path.string(), example));
  const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(parent, ec))
    throw BadArgument(fmt::format("{}: directory {} does not exist (hint: create it or choose another {})", path.string(), parent.string(), option));
  if (::access(parent.c_str(), W_OK) != 0)
    throw BadArgument(fmt::format("{}: directory {} is not writable (hint: choose another {})", path.string(), parent.string(), option));
}

output::RunRecord read_results_argument(const std::filesystem::path& path) {
  std::error_code ec;
  (void)std::filesystem::status(path, ec);
  if (ec == std::errc::too_many_symbolic_link_levels)
    throw BadArgument(fmt::format("pfsim: {}: symlink loop (too many levels of symbolic links) (hint: fix the link)", path.string()));
  try {
    return output::read_results(path);
  } catch (const output::OutputError& e) {
    throw BadArgument(e.what());
  }
}

}  // namespace pfsim::cli
