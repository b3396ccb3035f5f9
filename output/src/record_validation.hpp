#pragma once
#include <optional>
#include <string>

#include "pfsim/output/run_record.hpp"

namespace pfsim::output {

/// The first reason `record` cannot be stored as DESIGN §7 lays it out ("<problem> (<fix>)"), or nothing.
/// Checked before anything touches the disk, so a bad record never costs a half-written file.
std::optional<std::string> find_record_problem(const RunRecord& record);

}  // namespace pfsim::output
