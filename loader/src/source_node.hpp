#pragma once
// A YAML document tree that remembers, for every node and key, the file and 1-based line/column it came from.
// yaml-cpp nodes carry a mark but not a file, and `extends:` merges nodes from several files; copying the tree
// into SourceNode lets a merged document still report the file that actually holds a bad value.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::loader::detail {

struct IncludedFile;

/// Where a node was written: file as passed (or "--set") and 1-based line/column (0 = unknown).
struct Origin {
  std::shared_ptr<const std::string> file;  // shared: every node of a file points at one string
  int line = 0;
  int column = 0;
  [[nodiscard]] const std::string& file_name() const;
};

struct SourceNode {
  enum class Kind { Null, Scalar, List, Map };
  struct Entry;

  Kind kind = Kind::Null;
  std::string text;      // Scalar: the text as written (after YAML unquoting/folding)
  bool quoted = false;   // Scalar written quoted or tagged: re-emitted quoted so it stays a string
  std::vector<SourceNode> items;   // List
  std::vector<Entry> entries;      // Map, in document order
  Origin origin;
  /// A scalar that names a scheme file or census CSV: that file as the read step read it (includes.hpp).
  std::shared_ptr<const IncludedFile> included;

  /// The value under `key` of a map, or nullptr (also for non-maps).
  [[nodiscard]] const SourceNode* find(std::string_view key) const;
  [[nodiscard]] SourceNode* find(std::string_view key);
  /// The entry under `key`, or nullptr.
  [[nodiscard]] const Entry* find_entry(std::string_view key) const;
  [[nodiscard]] Entry* find_entry(std::string_view key);
  /// Removes `key` from a map if present.
  void erase(std::string_view key);
  /// The text of a scalar `name:` child, or nullptr: how list items such as sites and localities are addressed.
  [[nodiscard]] const std::string* name() const;
};

struct SourceNode::Entry {
  std::string key;
  Origin key_origin;
  SourceNode value;
};

/// "a map", "a list", "nothing", or the quoted scalar text: the "got …" part of type errors.
std::string describe(const SourceNode& node);
/// Text safe to quote in a one-line message: line breaks become spaces, long text is cut to 60 characters.
std::string shorten(std::string_view text);

}  // namespace pfsim::loader::detail
