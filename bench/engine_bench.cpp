// Hold-model benchmark (Vaucher & Duval 1975): keep N events pending; each executed event schedules one
// more at now + Exp(1). Measures the pfsim Simulator against a bare std::priority_queue in the same process.
#include <time.h>

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

double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Events per second by the wall clock and by this thread's CPU time. On a shared machine the wall figure also
// counts time the thread waited for a core; the CPU figure is what the code does when it has one.
struct Rate {
  double wall = 0, cpu = 0;
};

class Stopwatch {
 public:
  Stopwatch() : wall0_(Clock::now()), cpu0_(thread_cpu_seconds()) {}
  Rate rate(std::uint64_t events) const {
    const double n = static_cast<double>(events);
    return {n / std::chrono::duration<double>(Clock::now() - wall0_).count(), n / (thread_cpu_seconds() - cpu0_)};
  }

 private:
  Clock::time_point wall0_;
  double cpu0_;
};

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

// The pfsim Simulator (full event loop: event list, dispatch through a handler table).
Rate pfsim_hold(std::size_t pending, std::uint64_t events) {
  Simulator sim;
  Increments s;
  std::uint64_t executed = 0;
  HandlerId h = 0;
  h = sim.add_handler([&](std::uint32_t id) {
    if (++executed < events) sim.schedule_in(s.next(), h, id);
    else sim.stop();
  });
  for (std::size_t i = 0; i < pending; ++i) sim.schedule_at(s.next(), h, static_cast<std::uint32_t>(i));
  Stopwatch watch;
  sim.run();
  return watch.rate(executed);
}

// The same hold model on std::priority_queue with no dispatch: the lower bound an engine is compared to.
Rate bare_hold(std::size_t pending, std::uint64_t events) {
  std::priority_queue<BareEvent, std::vector<BareEvent>, std::greater<>> q;
  Increments s;
  std::uint64_t seq = 0, executed = 0;
  for (std::size_t i = 0; i < pending; ++i) q.push({s.next(), seq++, 0, static_cast<std::uint32_t>(i)});
  Stopwatch watch;
  volatile std::uint32_t sink = 0;
  while (!q.empty() && executed < events) {
    BareEvent e = q.top();
    q.pop();
    ++executed;
    sink = sink + e.entity;
    q.push({e.time + s.next(), seq++, e.handler, e.entity});
  }
  return watch.rate(executed);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

struct Runs {
  std::vector<double> wall, cpu;
  void add(Rate r) {
    wall.push_back(r.wall);
    cpu.push_back(r.cpu);
  }
};

}  // namespace

// usage: engine_bench [events per run = 20000000] [runs per size = 5]
int main(int argc, char** argv) {
  const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20'000'000ULL;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  fmt::print("hold model, {} events per run, median of {} runs (pfsim and bare heap alternate)\n", events, runs);
  fmt::print("{:>10} | {:>12} {:>12} {:>6} | {:>12} {:>12} {:>6} | {:>19}\n", "", "wall clock", "", "",
             "thread CPU", "", "", "pfsim wall");
  fmt::print("{:>10} | {:>12} {:>12} {:>6} | {:>12} {:>12} {:>6} | {:>19}\n", "pending", "pfsim ev/s", "bare ev/s",
             "ratio", "pfsim ev/s", "bare ev/s", "ratio", "min - max");
  for (std::size_t pending : {std::size_t{100}, std::size_t{10'000}, std::size_t{1'000'000}}) {
    Runs pfsim, bare;
    for (int round = 0; round < runs; ++round) {
      pfsim.add(pfsim_hold(pending, events));
      bare.add(bare_hold(pending, events));
    }
    const double pw = median(pfsim.wall), bw = median(bare.wall), pc = median(pfsim.cpu), bc = median(bare.cpu);
    fmt::print("{:>10} | {:>12.3e} {:>12.3e} {:>6.2f} | {:>12.3e} {:>12.3e} {:>6.2f} | {:.2e} - {:.2e}\n", pending, pw,
               bw, pw / bw, pc, bc, pc / bc, *std::min_element(pfsim.wall.begin(), pfsim.wall.end()),
               *std::max_element(pfsim.wall.begin(), pfsim.wall.end()));
  }
  return 0;
}
