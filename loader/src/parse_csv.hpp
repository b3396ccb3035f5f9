#pragma once
// Census CSV text → SourceNode (README "Starting from today"): one map per row, empty fields left out, every value
// with its file:line:column, so the census builder checks CSV rows and YAML lists of people with one reader.
#include <string>
#include <vector>

#include "source_node.hpp"

namespace pfsim::loader::detail {

/// The census CSV columns, in the order `pfsim run --save-census` writes them.
extern const std::vector<std::string> kCensusColumns;

/// Parses census CSV `text` named `file`, its first line being line `first_line` of that file; throws ScenarioError
/// (key path "census") for a bad header, a row of the wrong width or an unterminated quote. `columns` false: the
/// text sits indented inside a YAML block, so its columns are not the file's (left out of messages).
SourceNode csv_rows(const std::string& text, const std::string& file, int first_line, bool columns = true);

}  // namespace pfsim::loader::detail
