#pragma once
// One run or comparison asked for by the page: what to run, how far it has got, and what it produced.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pfsim::serve {

enum class JobKind { Run, Compare };
enum class JobState { Queued, Running, Done, Failed, Cancelled };

std::string state_name(JobState state);

/// One option of a comparison: its name (the /compare/<label>/ group) and its edits of the scenario.
struct OptionDraft {
  std::string label;
  std::vector<std::string> overrides;  ///< key=value, as --set; run.* left to the request (pairing needs one set)
};

struct JobRequest {
  JobKind kind = JobKind::Run;
  std::string scenario;                 ///< path relative to the workspace, as the page names it
  std::filesystem::path scenario_file;  ///< resolved inside the workspace
  std::vector<std::string> overrides;   ///< key=value, as --set; for a comparison its run.* apply to every scenario
  std::vector<OptionDraft> options;     ///< a comparison's options against the base (at least one)
};

/// The files a finished job wrote into the workspace's results folder.
struct JobFiles {
  std::filesystem::path results;   ///< HDF5, as pfsim run / compare writes it
  std::filesystem::path report;    ///< the HTML report, as pfsim report writes it
  std::filesystem::path workbook;  ///< the Excel workbook, as pfsim export writes it
};

/// Thrown from the run library's progress callbacks when a job is cancelled: the replications stop and it unwinds.
struct JobCancelled {};

class Job {
 public:
  Job(std::string id, JobRequest request) : id_(std::move(id)), request_(std::move(request)) {}
  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] const JobRequest& request() const { return request_; }

  void cancel() { cancel_requested_ = true; }
  [[nodiscard]] bool cancel_requested() const { return cancel_requested_; }

  void start(std::size_t total);
  /// One more replication done; throws JobCancelled when cancel() was called.
  void advance();
  /// A simulated day passed; throws JobCancelled when cancel() was called (so a long replication stops promptly).
  void check_cancelled() const;
  /// What the replications done so far show (run_result of them), for the page to fill in while the job runs.
  void publish_partial(nlohmann::json partial);
  /// The latest partial result if it is newer than `seen` (then `seen` is updated), else nothing: a progress stream
  /// sends each one once, not a copy of every chart a few times a second.
  [[nodiscard]] std::optional<nlohmann::json> partial_since(std::size_t& seen) const;
  void finish(nlohmann::json result, JobFiles files);
  void fail(JobState state, std::string error);

  /// State, progress (done, total, elapsed and ETA in seconds) and, once done, the result or the error.
  [[nodiscard]] nlohmann::json status() const;
  [[nodiscard]] JobState state() const;
  /// What the job wrote; every path empty until it is done.
  [[nodiscard]] JobFiles files() const;

 private:
  const std::string id_;
  const JobRequest request_;
  std::atomic<bool> cancel_requested_ = false;
  mutable std::mutex mutex_;
  JobState state_ = JobState::Queued;
  std::size_t done_ = 0, total_ = 0;
  std::chrono::steady_clock::time_point started_;
  nlohmann::json result_, partial_;
  std::size_t partial_version_ = 0;
  std::string error_;
  JobFiles files_;
};

}  // namespace pfsim::serve
