#include "workspace.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "pfsim/run/bad_argument.hpp"

namespace pfsim::serve {
namespace fs = std::filesystem;

namespace {
constexpr const char* kResultsFolder = "pfsim-serve-results";
}

Workspace::Workspace(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec))
    throw run::BadArgument(fmt::format("pfsim serve: {}: not a directory (hint: give the folder that holds your scenario files, "
                                       "e.g. pfsim serve scenarios)", root.string()));
  root_ = fs::canonical(root);
}

bool Workspace::inside(const fs::path& real) const {
  // Component by component: "/work/space-2" is not inside "/work/space".
  const auto [root_end, real_at] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
  return root_end == root_.end();
}

bool Workspace::contains(const fs::path& path) const { return inside(fs::weakly_canonical(fs::absolute(path))); }

fs::path Workspace::resolve(std::string_view relative) const {
  const fs::path path(relative);
  if (relative.empty() || path.is_absolute() || path.has_root_name() || path.has_root_directory())
    throw PathRefused(fmt::format("{}: not a path inside the workspace", relative));
  for (const auto& step : path)
    if (step == "..") throw PathRefused(fmt::format("{}: \"..\" is not allowed", relative));
  // weakly_canonical follows every symlink that exists, so a link pointing out of the workspace is caught here.
  const fs::path real = fs::weakly_canonical(root_ / path);
  if (!inside(real)) throw PathRefused(fmt::format("{}: resolves outside the workspace", relative));
  return real;
}

std::vector<std::string> Workspace::scenario_files() const {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (it->is_directory() && p.filename() == kResultsFolder) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string ext = p.extension().string();
    if (!it->is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    if (!inside(fs::weakly_canonical(p))) continue;
    files.push_back(fs::relative(p, root_).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path Workspace::results_folder() const {
  const fs::path folder = root_ / kResultsFolder;
  fs::create_directories(folder);
  return folder;
}

}  // namespace pfsim::serve
