#include "source_node.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pfsim::loader::detail {

const std::string& Origin::file_name() const {
  static const std::string unknown = "<scenario>";
  return file ? *file : unknown;
}

const SourceNode::Entry* SourceNode::find_entry(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries.end() ? nullptr : &*it;
}

SourceNode::Entry* SourceNode::find_entry(std::string_view key) {
  return const_cast<Entry*>(static_cast<const SourceNode*>(this)->find_entry(key));
}

const SourceNode* SourceNode::find(std::string_view key) const {
  const Entry* entry = find_entry(key);
  return entry ? &entry->value : nullptr;
}

SourceNode* SourceNode::find(std::string_view key) {
  return const_cast<SourceNode*>(static_cast<const SourceNode*>(this)->find(key));
}

void SourceNode::erase(std::string_view key) {
  std::erase_if(entries, [&](const Entry& e) { return e.key == key; });
}

const std::string* SourceNode::name() const {
  const SourceNode* n = find("name");
  return n && n->kind == Kind::Scalar ? &n->text : nullptr;
}

std::string describe(const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::Null: return "nothing";
    case SourceNode::Kind::List: return "a list";
    case SourceNode::Kind::Map: return "a map";
    case SourceNode::Kind::Scalar: break;
  }
  return fmt::format("\"{}\"", shorten(node.text));
}

std::string shorten(std::string_view text) {
  // Keep messages one line and short even for a pasted paragraph or a multi-line key.
  std::string out(text.size() > 60 ? text.substr(0, 57) : text);
  if (text.size() > 60) out += "...";
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

}  // namespace pfsim::loader::detail
