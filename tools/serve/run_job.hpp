#pragma once
// Runs one job with the run library, as `pfsim run` and `pfsim compare` do, and writes its results file and HTML
// report into the workspace's results folder.
#include <cstddef>

#include "job.hpp"
#include "workspace.hpp"

namespace pfsim::serve {

/// Records the outcome on `job` (done, failed with the one-line message, or cancelled); never throws.
void run_job(Job& job, const Workspace& workspace, std::size_t threads);

/// For a comparison, the overrides the base takes too: the run settings (run.*), which must match for pairing, so
/// the edited scenario's shorter or longer run is compared with the base over the same days and replications.
std::vector<std::string> base_overrides(const std::vector<std::string>& overrides);

/// An option's overrides as its scenario takes them: the request's run settings, then the option's own edits but for
/// run.* (every scenario of a comparison must share them to be paired).
std::vector<std::string> option_overrides(const JobRequest& request, const OptionDraft& option);

}  // namespace pfsim::serve
