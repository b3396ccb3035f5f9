#pragma once
// The files a scenario names (DESIGN §4): scheme files (`schemes: [{file: ...}]`) and census CSV files
// (`census: file.csv`). They are read and parsed by the read step, after `extends:` and `--set` and before
// anything is validated, and attached to the scalar that names them, so the build step reads no file.
// A file that cannot be read or parsed is not an error yet: the problem is kept and reported by the builder at
// the point it uses the file, so errors come in the same order as if the builder had read it.
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

#include "reader.hpp"
#include "source_node.hpp"

namespace pfsim::loader::detail {

struct IncludedFile {
  std::filesystem::path path;          // as opened: relative to the directory of the file that names it
  std::optional<std::string> problem;  // why it could not be read (then it was not parsed)
  std::exception_ptr parse_error;      // the ScenarioError its text raised when parsed, if any
  SourceNode content;                  // scheme file: its YAML document; census file: its CSV rows (parse_csv.hpp)
};

/// Reads and parses every included file named in `root` that has not been read yet (in document order: scheme
/// files, then the census), noting each read for load_scenario's `files_read`.
void read_included_files(SourceNode& root);

/// The file the scalar at `at` names, as the read step left it (read_included_files); throws std::logic_error if
/// the read step did not see it. Rethrows its parse error, if any; a read problem is left to the caller.
const IncludedFile& included_file(const At& at);

}  // namespace pfsim::loader::detail
