#include "number_at_key.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "build.hpp"
#include "did_you_mean.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {

std::optional<double> plain_number(const SourceNode& node) {
  if (node.kind != SourceNode::Kind::Scalar || node.quoted || node.text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(node.text.c_str(), &end);
  if (end != node.text.c_str() + node.text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

SourceNode* resolve_key_path(SourceNode& root, const std::vector<KeyStep>& steps, const At& where) {
  SourceNode* node = &root;
  std::vector<KeyStep> walked;
  for (const KeyStep& step : steps) {
    const std::string here = walked.empty() ? "the top level" : join_key_path(walked);
    if (step.is_index) {
      if (node->kind != SourceNode::Kind::List) where.fail(fmt::format("{} is not a list, so [{}] does not exist", here, step.index), std::string(kKeyPathHint));
      if (step.index >= node->items.size())
        where.fail(fmt::format("index [{}] is out of range: {} has {} items", step.index, here, node->items.size()), "indices start at 0");
      node = &node->items[step.index];
    } else if (node->kind == SourceNode::Kind::List) {
      std::vector<std::string> names;
      SourceNode* found = nullptr;
      for (auto& item : node->items)
        if (const std::string* name = item.name()) {
          names.push_back(*name);
          if (*name == step.key) found = &item;
        }
      if (!found) where.fail(fmt::format("no item named \"{}\" in {}", shorten(step.key), here), suggestion_hint(step.key, names, "names here"));
      node = found;
    } else if (node->kind == SourceNode::Kind::Map) {
      SourceNode* child = node->find(step.key);
      if (!child) {
        std::vector<std::string> keys;
        for (const auto& entry : node->entries) keys.push_back(entry.key);
        where.fail(fmt::format("key path does not exist: no \"{}\" under {}", shorten(step.key), here),
                   suggestion_hint(step.key, keys, "keys here"));
      }
      node = child;
    } else {
      where.fail(fmt::format("key path does not exist: {} is a single value, not a map", here), std::string(kKeyPathHint));
    }
    walked.push_back(step);
  }
  return node;
}

SourceNode trial_document(const SourceNode& root) {
  SourceNode trial = root;
  trial.erase("calibration");
  trial.erase("parameter_uncertainty");
  trial.erase("census");
  return trial;
}

Bounds read_bounds(const At& bounds, const std::string& key_path, bool integer, SourceNode& leaf, const SourceNode& trial,
                   std::string_view integer_fix) {
  const auto ends = bounds.items(2, "bound", "bounds ([lower, upper])");
  const Bounds b{read_number(ends[0]), read_number(ends[1])};
  if (b.lower >= b.upper)
    bounds.fail(fmt::format("bounds are reversed or empty: lower {} is not below upper {}", show(b.lower), show(b.upper)),
                "write [lower, upper] with lower < upper");
  for (std::size_t i = 0; i < 2; ++i) {
    const double value = i == 0 ? b.lower : b.upper;
    if (integer && std::floor(value) != value)
      ends[i].fail(fmt::format("{} is an integer parameter, so its bounds must be whole numbers, got {}", key_path, show(value)),
                   std::string(integer_fix));
    // Each end must make a valid scenario (a probability bound of 1.5 would otherwise fail only mid-search or in a draw).
    leaf.text = show(value);
    try {
      (void)build_scenario(trial);
    } catch (const ScenarioError& e) {
      ends[i].fail(fmt::format("{} bound {} is not a valid value for {}: {}", i == 0 ? "lower" : "upper", show(value), key_path,
                               e.message()),
                   e.hint());
    }
  }
  return b;
}

}  // namespace pfsim::loader::detail
