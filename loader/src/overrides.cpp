#include "overrides.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <variant>
#include <memory>

#include <fmt/format.h>
#include <yaml-cpp/mark.h>

#include "did_you_mean.hpp"
#include "key_path.hpp"
#include "parse_yaml.hpp"
#include "pfsim/loader/load.hpp"
#include "yaml_merge.hpp"

namespace pfsim::loader::detail {
namespace {

constexpr const char* kSetFile = "--set";

struct Override {
  int position;            // 1-based: which --set this is
  std::string key_path;
  std::shared_ptr<const std::string> file = std::make_shared<const std::string>(kSetFile);

  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const {
    throw ScenarioError(kSetFile, position, 1, key_path, message, hint);
  }
  [[nodiscard]] Origin origin(int column) const { return Origin{file, position, column}; }
};

using Step = KeyStep;

std::vector<Step> split_path(const Override& o) {
  auto parsed = parse_key_path(o.key_path);
  if (auto* error = std::get_if<KeyPathError>(&parsed)) o.fail(error->message, error->hint);
  return std::get<std::vector<Step>>(std::move(parsed));
}

// The first `=` outside a quoted ["name"] (a name may hold an `=`), or npos.
std::size_t find_equals(const std::string& text) {
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && i > 0 && text[i - 1] == '[') {
      quote = c;
    } else if (c == '=') {
      return i;
    }
  }
  return quote ? text.find('=') : std::string::npos;  // an unclosed quote: the key path's error says so
}

// The hint for a list item name that is not there. Names with dots or spaces are shown as --set must write them,
// `sites["St. Mary"]`, and `sites.St. Mary` (split at the dot) is recognised as meaning that name.
std::string unknown_name_hint(const std::string& word, const std::vector<std::string>& names, const std::string& list_path) {
  const auto needs_brackets = [](const std::string& name) { return key_step_text(name) != name; };
  const auto path_to = [&](const std::string& name) {
    const std::string step = key_step_text(name);
    return needs_brackets(name) || list_path.empty() ? list_path + step : list_path + "." + step;
  };
  for (const std::string& name : names)
    if (needs_brackets(name) && !word.empty() && name.size() > word.size() && name.starts_with(word) &&
        (name[word.size()] == '.' || name[word.size()] == ' '))
      return fmt::format("a name with a dot or space is written in brackets and quotes: {}", path_to(name));
  if (auto match = closest_match(word, names); match && needs_brackets(*match)) return fmt::format("did you mean {}?", path_to(*match));
  if (std::none_of(names.begin(), names.end(), needs_brackets)) return suggestion_hint(word, names, "names here");
  if (auto match = closest_match(word, names)) return fmt::format("did you mean \"{}\"?", *match);
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < names.size() && i < 16; ++i) shown.push_back(key_step_text(names[i]));
  return fmt::format("names here: {}{}", fmt::join(shown, ", "), names.size() > 16 ? fmt::format(", … ({} in all)", names.size()) : "");
}

std::string step_text(const Step& step) { return step.is_index ? fmt::format("[{}]", step.index) : step.key; }

// Moves one step down, creating missing map keys (validation rejects them later if unknown).
SourceNode* descend(SourceNode* node, const Step& step, const Override& o, const std::string& walked) {
  if (step.is_index) {
    if (node->kind != SourceNode::Kind::List) o.fail(fmt::format("{} is not a list here", step_text(step)));
    if (step.index >= node->items.size())
      o.fail(fmt::format("index {} is out of range: the list has {} items", step.index, node->items.size()),
             "indices start at 0");
    return &node->items[step.index];
  }
  if (node->kind == SourceNode::Kind::List) {
    std::vector<std::string> names;
    for (auto& item : node->items) {
      if (const std::string* name = item.name()) {
        if (*name == step.key) return &item;
        names.push_back(*name);
      }
    }
    o.fail(fmt::format("no list item named \"{}\"", step.key), unknown_name_hint(step.key, names, walked));
  }
  if (node->kind == SourceNode::Kind::Scalar)
    o.fail(fmt::format("cannot go into \"{}\": the value before it is a single value, not a map", step.key),
           walked.empty() ? std::string("check the key path") : fmt::format("set {} itself, e.g. --set {}=VALUE", walked, walked));
  if (node->kind == SourceNode::Kind::Null) {
    node->kind = SourceNode::Kind::Map;
    node->origin = o.origin(1);
  }
  if (SourceNode* child = node->find(step.key)) return child;
  SourceNode placeholder;
  placeholder.origin = o.origin(1);
  node->entries.push_back({step.key, o.origin(1), std::move(placeholder)});
  return &node->entries.back().value;
}

void check_not_extends(const Override& o) {
  if (o.key_path == "extends" || o.key_path.starts_with("extends."))
    o.fail("extends cannot be changed with --set", "write a small scenario file that extends the one you want");
}

// Puts `value` at o.key_path, creating missing map keys; deep-merged like an extending file.
void set_at(SourceNode& root, const Override& o, SourceNode value) {
  SourceNode* target = &root;
  std::vector<Step> walked;
  for (const Step& step : split_path(o)) {
    target = descend(target, step, o, join_key_path(walked));
    walked.push_back(step);
  }
  merge_into(*target, std::move(value));
}

void apply_one(SourceNode& root, const std::string& text, int position) {
  const std::size_t equals = find_equals(text);
  Override o{position, equals == std::string::npos ? text : text.substr(0, equals)};
  if (equals == std::string::npos || equals == 0)
    throw ScenarioError(kSetFile, position, 1, "", fmt::format("\"{}\" is not KEY.PATH=VALUE", text),
                        "e.g. --set run.replications=200");
  check_not_extends(o);

  // Columns count from the start of "key=value", so the caret lands on the value.
  const int value_column = static_cast<int>(equals) + 2;
  const MarkToOrigin where = [&o, value_column](const YAML::Mark& m) {
    return o.origin(m.line == 0 ? value_column + m.column : m.column + 1);
  };
  SourceNode value = parse_yaml(text.substr(equals + 1), where, o.origin(value_column));
  if (value.kind == SourceNode::Kind::Null) value.origin = o.origin(value_column);
  set_at(root, o, std::move(value));
}

// Whole numbers as integers ("6", not "6.0" or "1e+01"); others in the fewest significant digits that read back
// as the same double (%g style: "0.25", "1.5e-05").
std::string number_text(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<long long>(value));
  for (int digits = 1; digits <= 17; ++digits) {
    std::string text = fmt::format("{:.{}g}", value, digits);
    if (std::strtod(text.c_str(), nullptr) == value) return text;
  }
  return fmt::format("{}", value);  // not finite: rejected by the builder as "expected a finite number"
}

}  // namespace

void apply_overrides(SourceNode& root, const std::vector<std::string>& overrides) {
  for (std::size_t i = 0; i < overrides.size(); ++i) apply_one(root, overrides[i], static_cast<int>(i) + 1);
}

void apply_number(SourceNode& root, const std::string& key_path, double value, int position) {
  const Override o{position, key_path};
  check_not_extends(o);
  // As `--set key_path=TEXT` would place it: the value starts after "key_path=".
  SourceNode node;
  node.kind = SourceNode::Kind::Scalar;
  node.text = number_text(value);
  node.origin = o.origin(static_cast<int>(key_path.size()) + 2);
  set_at(root, o, std::move(node));
}

}  // namespace pfsim::loader::detail
