// The scenario `pfsim calibrate` writes: `extends:` the input and sets the fitted values, each with a comment.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "emit_yaml.hpp"
#include "extends.hpp"
#include "key_path.hpp"
#include "pfsim/loader/calibration.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader {
namespace {

using detail::KeyStep;
using detail::SourceNode;

std::string child_path(const std::string& parent, const std::string& key) { return parent.empty() ? key : parent + "." + key; }

SourceNode scalar(std::string text, bool quoted = false) {
  SourceNode node;
  node.kind = SourceNode::Kind::Scalar;
  node.text = std::move(text);
  node.quoted = quoted;
  return node;
}

// Puts `value` at `steps` in `out`, copying from `input` any list met on the way (lists replace under extends).
std::string place(SourceNode& out, const SourceNode& input, const std::vector<KeyStep>& steps, const std::string& value) {
  const SourceNode* from = &input;
  SourceNode* to = &out;
  bool copied = false;
  std::string path;
  for (const KeyStep& step : steps) {
    if (!copied && from->kind == SourceNode::Kind::List) {
      if (to->kind != SourceNode::Kind::List) *to = *from;
      copied = true;
    }
    if (step.is_index) {
      if (to->kind != SourceNode::Kind::List || step.index >= to->items.size())
        throw ScenarioError("", 0, 0, detail::join_key_path(steps), "no such list element in the input scenario");
      to = &to->items[step.index];
      path += fmt::format("[{}]", step.index);
      continue;
    }
    path = child_path(path, step.key);
    if (to->kind == SourceNode::Kind::List) {
      auto it = std::find_if(to->items.begin(), to->items.end(), [&](const SourceNode& item) {
        const std::string* name = item.name();
        return name && *name == step.key;
      });
      if (it == to->items.end()) throw ScenarioError("", 0, 0, path, "no such list item in the input scenario");
      to = &*it;
      continue;
    }
    if (!copied) {
      from = from ? from->find(step.key) : nullptr;
      if (!from) throw ScenarioError("", 0, 0, path, "no such key in the input scenario");
    }
    if (to->kind != SourceNode::Kind::Map) to->kind = SourceNode::Kind::Map;
    SourceNode* child = to->find(step.key);
    if (!child) {
      to->entries.push_back({step.key, {}, SourceNode{}});
      child = &to->entries.back().value;
    }
    to = child;
  }
  *to = scalar(value);
  return path;
}

}  // namespace

std::string calibrated_scenario_yaml(const std::filesystem::path& input, const std::string& extends_path,
                                     const std::string& name, const std::vector<std::string>& header,
                                     const std::vector<FittedValue>& values) {
  const SourceNode document = detail::load_with_extends(input);
  SourceNode out;
  out.kind = SourceNode::Kind::Map;
  out.entries.push_back({"pfsim", {}, scalar("1")});
  out.entries.push_back({"name", {}, scalar(name, true)});
  out.entries.push_back({"extends", {}, scalar(extends_path, true)});
  std::map<std::string, std::string> comments;
  for (const FittedValue& value : values) {
    const auto steps = detail::split_key_path(value.key_path);
    if (!steps) throw ScenarioError("", 0, 0, value.key_path, "malformed key path");
    comments[place(out, document, *steps, value.value)] = value.comment;
  }
  std::string text;
  for (const std::string& line : header) text += line.empty() ? "#\n" : "# " + line + "\n";
  return text + detail::emit_yaml(out, comments);
}

}  // namespace pfsim::loader
