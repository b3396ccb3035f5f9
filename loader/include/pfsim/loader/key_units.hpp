#pragma once
// The units of a scenario value, for people editing one (pfsim serve's form). The scenario schema names its units in
// its keys (DESIGN §4: every duration carries a unit, counts are plain, rates say "per year" or "per 1000"), so the
// rule is one table of key names and suffixes here, beside the loader that reads those keys.
#include <string>
#include <string_view>

namespace pfsim::loader {

/// The units of the value at `key_path` (as --set takes it: sites.Southend.beds.general, ae.outcomes.admit[2]),
/// e.g. "beds", "£", "share 0–1", "per 1,000 people a year"; `value` is its text, which decides for a distribution
/// ("lognormal(mean=5d, sd=6d)": its units are in the text). Empty when the key's units are not known.
std::string units_of_key(std::string_view key_path, std::string_view value);

}  // namespace pfsim::loader
