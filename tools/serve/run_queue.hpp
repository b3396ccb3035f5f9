#pragma once
// The one run queue of a pfsim serve session: jobs run one at a time, each on every core, in the order asked; the
// queue holds at most `bound` jobs waiting or running, so a burst of requests cannot pile up work without end.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "job.hpp"

namespace pfsim::serve {

class RunQueue {
 public:
  using Runner = std::function<void(Job&)>;
  RunQueue(std::size_t bound, Runner runner);
  ~RunQueue();
  RunQueue(const RunQueue&) = delete;
  RunQueue& operator=(const RunQueue&) = delete;

  /// The new job, or nullptr when `bound` jobs are already waiting or running.
  std::shared_ptr<Job> submit(JobRequest request);
  /// The job with this id, or nullptr.
  std::shared_ptr<Job> find(const std::string& id) const;

 private:
  void work();
  const std::size_t bound_;
  Runner runner_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> waiting_;
  std::size_t running_ = 0;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::size_t next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace pfsim::serve
