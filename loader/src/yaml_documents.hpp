#pragma once
// One pass of yaml-cpp's parser over a scenario text: the first document as a node graph, and whether a second
// document with content follows or the parser got stuck.
// Why one pass: YAML::Load parses the text again and builds yaml-cpp's own nodes (shared memory holders, maps of
// node pointers), which cost half as much again as the scan; the graph below holds what the loader reads, built
// from the same parser events YAML::Load's builder receives, so every node, mark and alias is the same.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/mark.h>

namespace pfsim::loader::detail {

/// The first document's nodes. An alias is the anchored node itself (as in yaml-cpp), so the graph may have cycles
/// (`&a {b: *a}`); whoever walks it bounds depth.
struct YamlGraph {
  enum class Kind : std::uint8_t { Null, Scalar, List, Map };
  struct Node {
    Kind kind = Kind::Null;
    bool plain = true;  // Scalar with yaml-cpp's non-specific tag "?": written unquoted and untagged
    YAML::Mark mark;
    std::string text;                      // Scalar
    std::vector<std::uint32_t> children;   // List items; Map keys and values alternating, in document order
  };
  std::vector<Node> nodes;
  std::optional<std::uint32_t> root;  // none for a text without a document
};

struct DocumentScan {
  YamlGraph first;
  /// Where a second document with content starts (its `---` line), if there is one.
  std::optional<YAML::Mark> second_document;
  /// Where yaml-cpp stopped making progress: text it can neither parse nor reject (e.g. a stray `,` or `]` at the
  /// top level). YAML::Load returns an empty document for such a text and YAML::LoadAll never returns.
  std::optional<YAML::Mark> stuck_at;
};

/// Scans `text` document by document, keeping the first; throws YAML::ParserException on a syntax error anywhere in
/// the text, as YAML::Load would for the first document.
DocumentScan scan_documents(const std::string& text);

}  // namespace pfsim::loader::detail
