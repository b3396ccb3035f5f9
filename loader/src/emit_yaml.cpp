#include "emit_yaml.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

namespace pfsim::loader::detail {
namespace {

// A literal block (|) reads back exactly only for text that ends in one line break, starts with no space or break
// (its indentation is taken from the first line) and holds no carriage return; anything else is written quoted.
bool reads_back_as_literal(const std::string& text) {
  if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\n') return false;
    if (c == ' ' && text[i + 1] == '\n') return false;  // trailing spaces on a line
    if (c == '\n' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) return false;
    if (c == 0x7f || c == 0xc2 || c == 0xe2 || c == 0xef) return false;  // DEL, and NEL/LS/PS/BOM lead bytes
  }
  return true;
}

std::string child_path(const std::string& parent, const std::string& key) { return parent.empty() ? key : parent + "." + key; }

// [9450, 25473, ...] on one line reads like the source; lists of maps (sites) stay in block style.
void emit(YAML::Emitter& out, const SourceNode& node, const std::string& path, const std::map<std::string, std::string>& comments) {
  switch (node.kind) {
    case SourceNode::Kind::Null: out << YAML::Null; break;
    case SourceNode::Kind::Scalar:
      if (node.text.find('\n') != std::string::npos)  // e.g. an embedded census CSV, one row a line
        out << (reads_back_as_literal(node.text) ? YAML::Literal : YAML::DoubleQuoted);
      else if (node.quoted) out << YAML::DoubleQuoted;
      out << node.text;
      break;
    case SourceNode::Kind::List: {
      const bool plain = std::all_of(node.items.begin(), node.items.end(),
                                     [](const SourceNode& item) { return item.kind == SourceNode::Kind::Scalar; });
      if (plain) out << YAML::Flow;
      out << YAML::BeginSeq;
      std::string element_comments;
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        const std::string* name = node.items[i].name();
        const std::string item_path = name ? child_path(path, *name) : fmt::format("{}[{}]", path, i);
        emit(out, node.items[i], item_path, comments);
        if (plain)
          if (auto c = comments.find(item_path); c != comments.end())
            element_comments += (element_comments.empty() ? "" : "; ") + fmt::format("[{}]: {}", i, c->second);
      }
      out << YAML::EndSeq;
      if (!element_comments.empty()) out << YAML::Comment(element_comments);
      break;
    }
    case SourceNode::Kind::Map:
      out << YAML::BeginMap;
      for (const auto& entry : node.entries) {
        const std::string entry_path = child_path(path, entry.key);
        out << YAML::Key << entry.key << YAML::Value;
        emit(out, entry.value, entry_path, comments);
        if (entry.value.kind == SourceNode::Kind::Scalar)
          if (auto c = comments.find(entry_path); c != comments.end()) out << YAML::Comment(c->second);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string emit_yaml(const SourceNode& root, const std::map<std::string, std::string>& comments) {
  YAML::Emitter out;
  emit(out, root, "", comments);
  if (!out.good()) throw std::logic_error("emit_yaml: " + out.GetLastError());
  return std::string(out.c_str()) + "\n";
}

}  // namespace pfsim::loader::detail
