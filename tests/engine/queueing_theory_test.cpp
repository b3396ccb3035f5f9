// Engine vs analytic queueing theory: M/M/c waits (Erlang C), M/G/c/c loss (Erlang B), Little's law.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "pfsim/engine/distribution.hpp"
#include "pfsim/engine/resource.hpp"
#include "pfsim/engine/rng.hpp"
#include "pfsim/engine/simulator.hpp"
#include "pfsim/engine/stats.hpp"

using namespace pfsim::engine;

namespace {

double erlang_b(int c, double a) {
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}
double erlang_c(int c, double a) {
  const double b = erlang_b(c, a);
  const double rho = a / c;
  return b / (1.0 - rho + rho * b);
}

struct QueueRun {
  double mean_wait;
  double mean_in_system;  // time-average L
  double arrival_rate;    // observed λ
  double mean_sojourn;    // observed W
};

// One replication of an M/G/c queue; statistics collected after `warmup` minutes.
QueueRun run_mgc(int servers, double lambda, const Distribution& service, double warmup, double horizon, std::uint64_t rep) {
  Simulator sim;
  Stream arrivals(99, rep, "arrivals"), services(99, rep, "service");
  std::vector<double> arrived_at;
  Tally wait, sojourn;
  TimeWeighted in_system(0, 0);
  double count = 0;
  std::uint64_t arrivals_after_warmup = 0;
  bool measuring = false;
  HandlerId depart = 0, start = 0, arrive = 0;
  Resource* servers_ptr = nullptr;
  auto begin_service = [&](std::uint32_t id) {
    if (measuring && arrived_at[id] >= warmup) wait.add(sim.now() - arrived_at[id]);
    sim.schedule_in(service.sample(services), depart, id);
  };
  start = sim.add_handler(begin_service);
  Resource server_pool(sim, "servers", servers, start);
  servers_ptr = &server_pool;
  depart = sim.add_handler([&](std::uint32_t id) {
    servers_ptr->release();
    in_system.update(sim.now(), --count);
    if (measuring && arrived_at[id] >= warmup) sojourn.add(sim.now() - arrived_at[id]);
  });
  arrive = sim.add_handler([&](std::uint32_t) {
    const auto id = static_cast<std::uint32_t>(arrived_at.size());
    arrived_at.push_back(sim.now());
    in_system.update(sim.now(), ++count);
    if (measuring) ++arrivals_after_warmup;
    if (servers_ptr->request(id)) begin_service(id);
    sim.schedule_in(arrivals.exponential(1.0 / lambda), arrive);
  });
  sim.schedule_at(arrivals.exponential(1.0 / lambda), arrive);
  sim.run_until(warmup);
  measuring = true;
  in_system.reset(warmup);
  sim.run_until(horizon);
  const double span = horizon - warmup;
  return {wait.mean(), in_system.mean(horizon), static_cast<double>(arrivals_after_warmup) / span, sojourn.mean()};
}

}  // namespace

TEST(ErlangC, MMcMeanWaitMatchesTheoryWithinReplicationCi) {
  const int c = 5;
  const double mu = 1.0 / 20.0, lambda = 0.2;  // a = 4 Erlangs, ρ = 0.8
  const double a = lambda / mu;
  const double theory = erlang_c(c, a) / (c * mu - lambda);
  std::vector<double> waits;
  for (std::uint64_t rep = 0; rep < 20; ++rep)
    waits.push_back(run_mgc(c, lambda, Distribution::exponential(1.0 / mu), 2000, 202000, rep).mean_wait);
  const Summary s = summarise(waits);
  EXPECT_NEAR(s.mean, theory, 2.0 * s.ci95_half) << "theory " << theory << " sim " << s.mean << " ± " << s.ci95_half;
  EXPECT_LT(s.ci95_half, 0.08 * theory);  // the check is sharp enough to mean something
}

TEST(ErlangB, LossSystemBlockingMatchesTheoryForLognormalService) {
  // M/G/c/c: blocking depends on the service distribution only through its mean (insensitivity).
  const int c = 10;
  const double lambda = 0.5, mean_service = 16.0;  // a = 8 Erlangs
  const double theory = erlang_b(c, lambda * mean_service);
  const Distribution service = Distribution::lognormal(mean_service, 24.0);
  std::vector<double> blocked_share;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    Simulator sim;
    Stream arrivals(7, rep, "arrivals"), services(7, rep, "service");
    double offered = 0, blocked = 0;
    const double warmup = 1000;
    HandlerId depart = 0, arrive = 0;
    Resource beds(sim, "beds", c, sim.add_handler([](std::uint32_t) {}));
    depart = sim.add_handler([&](std::uint32_t) { beds.release(); });
    arrive = sim.add_handler([&](std::uint32_t) {
      const bool measured = sim.now() >= warmup;
      offered += measured;
      if (beds.try_acquire()) sim.schedule_in(service.sample(services), depart);
      else blocked += measured;
      sim.schedule_in(arrivals.exponential(1.0 / lambda), arrive);
    });
    sim.schedule_at(0, arrive);
    sim.run_until(warmup + 100000);
    blocked_share.push_back(blocked / offered);
  }
  const Summary s = summarise(blocked_share);
  EXPECT_NEAR(s.mean, theory, 2.0 * s.ci95_half) << "theory " << theory;
  EXPECT_LT(s.ci95_half, 0.1 * theory);
}

TEST(LittlesLaw, TimeAverageInSystemEqualsArrivalRateTimesSojourn) {
  const QueueRun r = run_mgc(3, 0.12, Distribution::gamma(20.0, 15.0), 5000, 505000, 1);
  EXPECT_NEAR(r.mean_in_system, r.arrival_rate * r.mean_sojourn, 0.01 * r.mean_in_system);
}
