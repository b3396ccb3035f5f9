#include "yaml_merge.hpp"

namespace pfsim::loader::detail {

void merge_into(SourceNode& base, SourceNode over) {
  if (base.kind != SourceNode::Kind::Map || over.kind != SourceNode::Kind::Map) {
    // A list is replaced whole: merging element-wise would silently mix two age-band layouts or rotas.
    base = std::move(over);
    return;
  }
  base.origin = over.origin;  // a "missing key" in the merged map is reported where it was last written
  for (auto& entry : over.entries) {
    if (auto* existing = base.find_entry(entry.key)) {
      existing->key_origin = entry.key_origin;
      merge_into(existing->value, std::move(entry.value));
    } else {
      base.entries.push_back(std::move(entry));
    }
  }
}

}  // namespace pfsim::loader::detail
