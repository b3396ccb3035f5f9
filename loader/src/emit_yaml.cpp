#include "emit_yaml.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include <yaml-cpp/yaml.h>

namespace pfsim::loader::detail {
namespace {

std::string child_path(const std::string& parent, const std::string& key) { return parent.empty() ? key : parent + "." + key; }

// [9450, 25473, ...] on one line reads like the source; lists of maps (sites) stay in block style.
void emit(YAML::Emitter& out, const SourceNode& node, const std::string& path, const std::map<std::string, std::string>& comments) {
  switch (node.kind) {
    case SourceNode::Kind::Null: out << YAML::Null; break;
    case SourceNode::Kind::Scalar:
      if (node.text.find('\n') != std::string::npos) out << YAML::Literal;  // e.g. an embedded census CSV, one row a line
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
  return std::string(out.c_str()) + "\n";
}

}  // namespace pfsim::loader::detail
