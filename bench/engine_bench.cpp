// Hold-model benchmark (Vaucher & Duval 1975): keep N events pending; each executed event schedules one
// more at now + Exp(1). Measures the pfsim Simulator against a bare std::priority_queue in the same process.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

#include <fmt/format.h>

#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/simulator.hpp"

using namespace pfsim::engine;
using Clock = std::chrono::steady_clock;

namespace {

struct BareEvent {
  double time;
  std::uint64_t seq;
  std::uint32_t handler, entity;
  bool operator>(const BareEvent& o) const { return time > o.time || (time == o.time && seq > o.seq); }
};

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Exp(1) increments drawn once and cycled, so both contenders pay the same (zero) RNG cost and the
// figures measure the event list and dispatch, not log().
class Increments {
 public:
  Increments() : values_(1u << 16) {
    Stream s(1, 0, "hold/increments");
    for (double& v : values_) v = s.exponential(1.0);
  }
  double next() noexcept { return values_[next_++ & (values_.size() - 1)]; }

 private:
  std::vector<double> values_;
  std::size_t next_ = 0;
};

// Events per second of the pfsim Simulator (full event loop: heap, dispatch through a handler table).
double pfsim_hold(std::size_t pending, std::uint64_t events) {
  Simulator sim;
  Increments s;
  std::uint64_t executed = 0;
  HandlerId h = 0;
  h = sim.add_handler([&](std::uint32_t id) {
    if (++executed < events) sim.schedule_in(s.next(), h, id);
    else sim.stop();
  });
  for (std::size_t i = 0; i < pending; ++i) sim.schedule_at(s.next(), h, static_cast<std::uint32_t>(i));
  auto t0 = Clock::now();
  sim.run();
  return static_cast<double>(executed) / seconds_since(t0);
}

// The same hold model on std::priority_queue with no dispatch: the lower bound an engine is compared to.
double bare_hold(std::size_t pending, std::uint64_t events) {
  std::priority_queue<BareEvent, std::vector<BareEvent>, std::greater<>> q;
  Increments s;
  std::uint64_t seq = 0, executed = 0;
  for (std::size_t i = 0; i < pending; ++i) q.push({s.next(), seq++, 0, static_cast<std::uint32_t>(i)});
  auto t0 = Clock::now();
  volatile std::uint32_t sink = 0;
  while (!q.empty() && executed < events) {
    BareEvent e = q.top();
    q.pop();
    ++executed;
    sink = sink + e.entity;
    q.push({e.time + s.next(), seq++, e.handler, e.entity});
  }
  return static_cast<double>(executed) / seconds_since(t0);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

// usage: engine_bench [events per run = 20000000] [runs per size = 5]
int main(int argc, char** argv) {
  const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20'000'000ULL;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  fmt::print("hold model, {} events per run, median of {} runs (pfsim and bare heap alternate)\n", events, runs);
  fmt::print("{:>10} {:>16} {:>16} {:>8}   {:>21} {:>21}\n", "pending", "pfsim ev/s", "bare heap ev/s", "ratio",
             "pfsim min-max", "bare min-max");
  for (std::size_t pending : {std::size_t{100}, std::size_t{10'000}, std::size_t{1'000'000}}) {
    std::vector<double> pfsim, bare;
    for (int round = 0; round < runs; ++round) {
      pfsim.push_back(pfsim_hold(pending, events));
      bare.push_back(bare_hold(pending, events));
    }
    const double p = median(pfsim), b = median(bare);
    fmt::print("{:>10} {:>16.3e} {:>16.3e} {:>8.2f}   {:>10.3e}-{:<10.3e} {:>10.3e}-{:<10.3e}\n", pending, p, b, p / b,
               *std::min_element(pfsim.begin(), pfsim.end()), *std::max_element(pfsim.begin(), pfsim.end()),
               *std::min_element(bare.begin(), bare.end()), *std::max_element(bare.begin(), bare.end()));
  }
  return 0;
}
