#pragma once
// Counts the YAML documents in a text without building them, so a scenario that silently holds more than one, or
// that yaml-cpp cannot read past, is caught before YAML::Load drops the rest.
#include <optional>
#include <string>

#include <yaml-cpp/mark.h>

namespace pfsim::loader::detail {

struct DocumentScan {
  /// Where a second document with content starts (its `---` line), if there is one.
  std::optional<YAML::Mark> second_document;
  /// Where yaml-cpp stopped making progress: text it can neither parse nor reject (e.g. a stray `,` or `]` at the
  /// top level). YAML::Load returns an empty document for such a text and YAML::LoadAll never returns.
  std::optional<YAML::Mark> stuck_at;
};

/// Scans `text` document by document; throws YAML::ParserException on a syntax error, as YAML::Load would.
DocumentScan scan_documents(const std::string& text);

}  // namespace pfsim::loader::detail
