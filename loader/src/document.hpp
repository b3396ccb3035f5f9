#pragma once
// What a loader::ScenarioDocument holds (load.hpp): the merged document and how it was named.
#include <string>

#include "pfsim/loader/load.hpp"
#include "source_node.hpp"

namespace pfsim::loader {

struct ScenarioDocument::Impl {
  detail::SourceNode root;
  std::string source;   // the file as given, or the label of text held in memory
  int values_set = 0;   // --set overrides and apply_values so far (the "--set" line of the next value)
};

}  // namespace pfsim::loader
