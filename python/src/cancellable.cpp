#include "cancellable.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace pfsim::python {
namespace py = pybind11;

namespace {
constexpr auto kPoll = std::chrono::milliseconds(100);  // Ctrl-C answers within this, plus one simulated day
}  // namespace

void run_cancellable_body(const std::function<void(const JobHooks&)>& body, std::size_t total, const py::object& progress) {
  std::atomic<bool> interrupted{false};
  std::atomic<std::size_t> done{0};
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::exception_ptr failure;

  const JobHooks hooks{[&] {
                         done.fetch_add(1, std::memory_order_relaxed);
                         if (interrupted.load(std::memory_order_relaxed)) throw Interrupted();
                       },
                       [&] {
                         if (interrupted.load(std::memory_order_relaxed)) throw Interrupted();
                       }};
  std::size_t reported = static_cast<std::size_t>(-1);
  const auto report = [&] {
    const std::size_t now = done.load(std::memory_order_relaxed);
    if (progress.is_none() || now == reported) return;
    reported = now;
    progress(now, total);
  };

  std::thread worker;
  {
    py::gil_scoped_release released;
    worker = std::thread([&] {
      try {
        body(hooks);
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard lock(mutex);
      finished = true;
      finished_cv.notify_all();
    });
    for (;;) {
      {
        std::unique_lock lock(mutex);
        if (finished_cv.wait_for(lock, kPoll, [&] { return finished; })) break;
      }
      py::gil_scoped_acquire held;
      bool stop = PyErr_CheckSignals() != 0;
      if (!stop) {
        try {
          report();
        } catch (py::error_already_set& e) {
          e.restore();  // raised again below, once the worker has stopped
          stop = true;
        }
      }
      if (stop) {
        interrupted = true;
        {
          py::gil_scoped_release waiting;  // the worker needs no GIL, but other Python threads may
          worker.join();
        }
        throw py::error_already_set();
      }
    }
    worker.join();
  }
  if (failure) std::rethrow_exception(failure);
  report();
}

}  // namespace pfsim::python
