#pragma once
// The form of a scenario: one field per scalar of the resolved scenario, addressed by the key path `--set` takes, so
// an edit goes back through the loader's own override path and its errors.
#include <string>
#include <vector>

namespace pfsim::serve {

struct FormField {
  std::string key;    ///< e.g. sites.Southend.beds.general, ae.attendances_per_1000_per_year[1]
  std::string value;  ///< as the resolved YAML writes it
  std::string note;   ///< the scenario file's comment at that key (its source or `assumed` note), or empty
  std::string units;  ///< loader::units_of_key: "beds", "£", "share 0–1", ...; empty when not known
};

/// Every scalar of `resolved_yaml` in document order. Notes come from `source_text` (the scenario file as written):
/// the comment at the end of the value's line, else the comment lines just above its key.
std::vector<FormField> form_fields(const std::string& resolved_yaml, const std::string& source_text);

}  // namespace pfsim::serve
