#include "job.hpp"

namespace pfsim::serve {

std::string state_name(JobState state) {
  switch (state) {
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Done: return "done";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
  }
  return "unknown";
}

void Job::start(std::size_t total) {
  std::lock_guard lock(mutex_);
  state_ = JobState::Running;
  total_ = total;
  started_ = std::chrono::steady_clock::now();
}

void Job::advance() {
  check_cancelled();
  std::lock_guard lock(mutex_);
  ++done_;
}

void Job::check_cancelled() const {
  if (cancel_requested_) throw JobCancelled{};
}

void Job::publish_partial(nlohmann::json partial) {
  std::lock_guard lock(mutex_);
  partial_ = std::move(partial);
  ++partial_version_;
}

std::optional<nlohmann::json> Job::partial_since(std::size_t& seen) const {
  std::lock_guard lock(mutex_);
  if (partial_version_ == seen || state_ != JobState::Running) return std::nullopt;
  seen = partial_version_;
  return partial_;
}

void Job::finish(nlohmann::json result, JobFiles files) {
  std::lock_guard lock(mutex_);
  state_ = JobState::Done;
  result_ = std::move(result);
  files_ = std::move(files);
}

void Job::fail(JobState state, std::string error) {
  std::lock_guard lock(mutex_);
  state_ = state;
  error_ = std::move(error);
}

JobState Job::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

JobFiles Job::files() const {
  std::lock_guard lock(mutex_);
  return files_;
}

nlohmann::json Job::status() const {
  std::lock_guard lock(mutex_);
  nlohmann::json status = {{"id", id_}, {"kind", request_.kind == JobKind::Run ? "run" : "compare"}, {"state", state_name(state_)},
                           {"done", done_}, {"total", total_}};
  if (state_ != JobState::Queued) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    status["elapsed_s"] = elapsed;
    // Replications take about the same time each, so the rate so far predicts the rest.
    if (done_ > 0 && done_ < total_) status["eta_s"] = elapsed * static_cast<double>(total_ - done_) / static_cast<double>(done_);
  }
  if (state_ == JobState::Done) status["result"] = result_;
  if (!error_.empty()) status["error"] = error_;
  return status;
}

}  // namespace pfsim::serve
