#pragma once
// The folder pfsim serve may read and write: every path a request names is resolved inside it or refused.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::serve {

/// A request named a path outside the workspace (absolute, with "..", or through a symlink leading out): HTTP 403.
class PathRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Workspace {
 public:
  /// `root` must be an existing directory. Throws run::BadArgument (a one-line message) otherwise.
  explicit Workspace(const std::filesystem::path& root);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  /// `relative` as a path inside the workspace, symlinks resolved. Throws PathRefused for an empty or absolute
  /// path, a ".." step, or a path that resolves outside the root.
  [[nodiscard]] std::filesystem::path resolve(std::string_view relative) const;

  /// True when `path` (relative to the current directory, or absolute), symlinks resolved, lies inside the root.
  [[nodiscard]] bool contains(const std::filesystem::path& path) const;

  /// The scenario files (*.yaml, *.yml) under the root, as relative paths in sorted order; files whose real path lies
  /// outside the workspace and the results folder are left out.
  [[nodiscard]] std::vector<std::string> scenario_files() const;

  /// Where the server writes results, reports and edited scenarios (created when missing).
  [[nodiscard]] std::filesystem::path results_folder() const;

 private:
  [[nodiscard]] bool inside(const std::filesystem::path& real) const;
  std::filesystem::path root_;  // canonical
};

}  // namespace pfsim::serve
