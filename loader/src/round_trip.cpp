#include "round_trip.hpp"

#include <fmt/format.h>

#include "emit_yaml.hpp"
#include "parse_yaml.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

std::string child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// The first node of `written` that `read` differs from, and its key path; nullptr when they agree.
const SourceNode* first_difference(const SourceNode& written, const SourceNode& read, const std::string& path, std::string& at) {
  at = path;
  if (written.kind != read.kind) return &written;
  switch (written.kind) {
    case SourceNode::Kind::Null: return nullptr;
    // A quoted scalar must stay quoted (so "1.0" stays a string); a plain one may come back quoted only with the
    // same text.
    case SourceNode::Kind::Scalar: return written.text != read.text || (written.quoted && !read.quoted) ? &written : nullptr;
    case SourceNode::Kind::List:
      if (written.items.size() != read.items.size()) return &written;
      for (std::size_t i = 0; i < written.items.size(); ++i)
        if (const SourceNode* d = first_difference(written.items[i], read.items[i], fmt::format("{}[{}]", path, i), at)) return d;
      return nullptr;
    case SourceNode::Kind::Map:
      if (written.entries.size() != read.entries.size()) return &written;
      for (std::size_t i = 0; i < written.entries.size(); ++i) {
        const std::string key_path = child(path, written.entries[i].key);
        at = key_path;
        if (written.entries[i].key != read.entries[i].key) return &written.entries[i].value;
        if (const SourceNode* d = first_difference(written.entries[i].value, read.entries[i].value, key_path, at)) return d;
      }
      return nullptr;
  }
  return nullptr;
}

}  // namespace

void check_round_trip(const SourceNode& root, const std::string& text) {
  std::string at;
  const SourceNode* bad = nullptr;
  try {
    const SourceNode read = parse_yaml_file_text(text, "resolved scenario");
    bad = first_difference(root, read, "", at);
  } catch (const ScenarioError&) {
    // The text does not parse at all: name the first top-level section that does not parse on its own.
    bad = &root;
    at.clear();
    for (const SourceNode::Entry& entry : root.entries) {
      SourceNode alone;
      alone.kind = SourceNode::Kind::Map;
      alone.entries.push_back(entry);
      try {
        (void)parse_yaml_file_text(emit_yaml(alone), "resolved scenario");
      } catch (const ScenarioError&) {
        bad = &entry.value;
        at = entry.key;
        break;
      }
    }
  }
  if (!bad) return;
  // Reached only by text YAML cannot write back exactly (control characters, odd line breaks in a string).
  throw ScenarioError(bad->origin.file_name(), bad->origin.line, bad->origin.column, at,
                      "this value cannot be written back to the scenario text that results files embed",
                      "remove control characters and unusual line breaks from it");
}

}  // namespace pfsim::loader::detail
