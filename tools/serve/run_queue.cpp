#include "run_queue.hpp"

#include <exception>

namespace pfsim::serve {

RunQueue::RunQueue(std::size_t bound, Runner runner) : bound_(bound), runner_(std::move(runner)), worker_([this] { work(); }) {}

RunQueue::~RunQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (const auto& [id, job] : jobs_) job->cancel();
  }
  wake_.notify_all();
  worker_.join();
}

std::shared_ptr<Job> RunQueue::submit(JobRequest request) {
  std::lock_guard lock(mutex_);
  if (waiting_.size() + running_ >= bound_) return nullptr;
  auto job = std::make_shared<Job>(std::to_string(next_id_++), std::move(request));
  jobs_.emplace(job->id(), job);
  waiting_.push_back(job);
  wake_.notify_one();
  return job;
}

std::shared_ptr<Job> RunQueue::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(id);
  return it == jobs_.end() ? nullptr : it->second;
}

void RunQueue::work() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      job = waiting_.front();
      waiting_.pop_front();
      ++running_;
    }
    if (job->cancel_requested()) job->fail(JobState::Cancelled, "cancelled before it started");
    else runner_(*job);  // the runner records success or failure on the job; it does not throw
    std::lock_guard lock(mutex_);
    --running_;
  }
}

}  // namespace pfsim::serve
