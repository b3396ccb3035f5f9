#pragma once
// Byte encoding of one replication's results, for checkpoints (resume after a crash) and for MPI transfer.
// The encoding is exact (doubles and floats copied bit for bit), so resumed and distributed runs write the
// same datasets as a single uninterrupted run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pfsim/models/replication_result.hpp"

namespace pfsim::run {

std::string encode_replication(std::uint64_t replication, const models::ReplicationResult& result);
/// Decodes bytes written by encode_replication; nullopt when they are truncated or from another layout.
std::optional<std::pair<std::uint64_t, models::ReplicationResult>> decode_replication(const std::string& bytes);

}  // namespace pfsim::run
