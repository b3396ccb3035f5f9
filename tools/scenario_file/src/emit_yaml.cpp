#include "emit_yaml.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace pfsim::scenario_file::detail {
namespace {

void emit(YAML::Emitter& out, const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::Null: out << YAML::Null; break;
    case SourceNode::Kind::Scalar:
      if (node.quoted) out << YAML::DoubleQuoted;
      out << node.text;
      break;
    case SourceNode::Kind::List: {
      // [9450, 25473, ...] on one line reads like the source; lists of maps (sites) stay in block style.
      const bool plain = std::all_of(node.items.begin(), node.items.end(),
                                     [](const SourceNode& item) { return item.kind == SourceNode::Kind::Scalar; });
      if (plain) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      break;
    }
    case SourceNode::Kind::Map:
      out << YAML::BeginMap;
      for (const auto& entry : node.entries) {
        out << YAML::Key << entry.key << YAML::Value;
        emit(out, entry.value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string emit_yaml(const SourceNode& root) {
  YAML::Emitter out;
  emit(out, root);
  return std::string(out.c_str()) + "\n";
}

}  // namespace pfsim::scenario_file::detail
