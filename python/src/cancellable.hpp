#pragma once
// Runs a simulation job off the Python thread: the job runs on a worker thread with the GIL released, while the
// calling thread wakes ten times a second to run Python's signal handlers (so Ctrl-C raises KeyboardInterrupt) and
// report progress. An interrupt stops the job at the next simulated midnight or finished replication.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <optional>

#include <pybind11/pybind11.h>

namespace pfsim::python {

/// Hooks the job passes to the run library: each throws Interrupted once the caller has been interrupted.
struct JobHooks {
  std::function<void()> on_done;  // after each replication
  std::function<void()> on_day;   // after each simulated day
};

/// Thrown by a hook to unwind the run library when the Python caller was interrupted.
struct Interrupted : std::exception {
  [[nodiscard]] const char* what() const noexcept override { return "interrupted"; }
};

/// Runs `job` to completion and returns its result, or rethrows its exception; raises the pending Python error
/// (KeyboardInterrupt, or whatever a signal handler or `progress` raised) after stopping the job. `progress`, when
/// not None, is called as progress(replications_done, total) from the calling thread, holding the GIL.
template <class Result>
Result run_cancellable(const std::function<Result(const JobHooks&)>& job, std::size_t total, const pybind11::object& progress);

/// The untyped core of run_cancellable: `body` stores its own result.
void run_cancellable_body(const std::function<void(const JobHooks&)>& body, std::size_t total, const pybind11::object& progress);

template <class Result>
Result run_cancellable(const std::function<Result(const JobHooks&)>& job, std::size_t total, const pybind11::object& progress) {
  std::optional<Result> result;
  run_cancellable_body([&](const JobHooks& hooks) { result.emplace(job(hooks)); }, total, progress);
  return std::move(*result);
}

}  // namespace pfsim::python
