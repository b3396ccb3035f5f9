#pragma once
// Text → SourceNode: YAML syntax errors, duplicate keys and size limits are reported here with their marks.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <yaml-cpp/mark.h>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// Maps a yaml-cpp mark (0-based) to an Origin; files use line+1/column+1, `--set` shifts by its position.
using MarkToOrigin = std::function<Origin(const YAML::Mark&)>;

/// Reads a whole file, without a leading UTF-8 byte order mark; on failure returns a message such as "no such file" instead. A file read is noted for
/// load_scenario's `files_read` (the scenario, its bases, census and scheme files).
std::optional<std::string> read_text_file(const std::filesystem::path& file, std::string& text);

/// Appends `file` to the list load_scenario is collecting on this thread, if any (defined in load.cpp).
void note_file_read(const std::filesystem::path& file);

/// Parses YAML text; throws ScenarioError (syntax, duplicate keys, too large or too deeply nested).
/// `where` places each node; `fallback` is used for nodes without a mark and for syntax errors' file.
SourceNode parse_yaml(const std::string& text, const MarkToOrigin& where, const Origin& fallback);

/// Parses a file's text with marks mapped 1:1 into `file`.
SourceNode parse_yaml_file_text(const std::string& text, const std::string& file);

}  // namespace pfsim::loader::detail
