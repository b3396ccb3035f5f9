#pragma once
// The JSON API the page calls: scenarios, their forms, validation through --set, jobs (run, compare), progress as
// server-sent events, cancel, and downloads. Every path a request names goes through the Workspace.
#include <httplib.h>

#include "run_queue.hpp"
#include "workspace.hpp"

namespace pfsim::serve {

void add_api_routes(httplib::Server& server, const Workspace& workspace, RunQueue& queue);

}  // namespace pfsim::serve
