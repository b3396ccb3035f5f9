#pragma once
// Everything the output layer offers, for callers that want one include.
#include "pfsim/output/error.hpp"
#include "pfsim/output/results_file.hpp"
#include "pfsim/output/run_record.hpp"
#include "pfsim/output/shard_file.hpp"
#include "pfsim/output/summary_table.hpp"
