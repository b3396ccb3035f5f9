#include "pfsim/run/calibration/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "pfsim/run/replications.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::run::calibration {

std::string format_value(double value, bool integer) {
  if (integer) return fmt::format("{}", static_cast<long long>(std::llround(value)));
  return fmt::format("{:.6g}", value);
}

Evaluator::Evaluator(const loader::ScenarioDocument& scenario, loader::Calibration calibration, std::size_t replications,
                     std::size_t threads, std::size_t budget)
    : document_(scenario), calibration_(std::move(calibration)), replications_(replications), threads_(threads),
      budget_(budget) {
  loader::apply_values(document_, {{"run.replications", static_cast<double>(replications_)}});
  const auto& catalogue = scenario::kpi_catalogue();
  for (const auto& target : calibration_.targets) {
    auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const scenario::KpiInfo& k) { return k.name == target.kpi; });
    if (it == catalogue.end()) throw std::logic_error("calibration KPI names and the model catalogue disagree: " + target.kpi);
    kpi_index_.push_back(static_cast<std::size_t>(it - catalogue.begin()));
  }
}

std::vector<double> Evaluator::from_search_space(const std::vector<double>& u) const {
  std::vector<double> values(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    const auto& p = calibration_.parameters[i];
    values[i] = p.lower + (p.upper - p.lower) / (1 + std::exp(-u[i]));
  }
  return values;
}

std::vector<double> Evaluator::to_search_space(const std::vector<double>& values) const {
  std::vector<double> u(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& p = calibration_.parameters[i];
    const double share = std::clamp((values[i] - p.lower) / (p.upper - p.lower), 0.01, 0.99);
    u[i] = std::log(share / (1 - share));
  }
  return u;
}

scenario::Scenario Evaluator::scenario_at(const std::vector<double>& values) const {
  loader::ScenarioDocument candidate = document_;
  std::vector<std::pair<std::string, double>> settings;
  for (std::size_t i = 0; i < values.size(); ++i) settings.emplace_back(calibration_.parameters[i].key_path, values[i]);
  loader::apply_values(candidate, settings);
  return loader::build_scenario(candidate);
}

const Evaluation& Evaluator::evaluate(const std::vector<double>& values, int phase) {
  Evaluation e;
  e.phase = phase;
  std::string key;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& p = calibration_.parameters[i];
    e.texts.push_back(format_value(std::clamp(values[i], p.lower, p.upper), p.integer));
    e.values.push_back(std::stod(e.texts.back()));
    key += e.texts.back() + ";";
  }
  if (auto hit = cache_.find(key); hit != cache_.end()) return trace_[hit->second];
  if (phase == 0) ++search_runs_;

  const scenario::Scenario scenario = scenario_at(e.values);
  std::vector<std::size_t> indices(replications_);
  for (std::size_t r = 0; r < indices.size(); ++r) indices[r] = r;  // the same replications for every candidate (CRN)
  std::vector<models::ReplicationResult> results = run_indices(scenario, indices, threads_, nullptr, {});

  for (std::size_t t = 0; t < calibration_.targets.size(); ++t) {
    std::vector<double> per_replication;
    for (const auto& r : results) per_replication.push_back(r.kpi[kpi_index_[t]]);
    e.kpis.push_back(engine::summarise(per_replication));
    const auto& target = calibration_.targets[t];
    e.objective += std::pow((e.kpis.back().mean - target.observed) / target.sd, 2);
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    if (const auto& prior = calibration_.parameters[i].prior) e.objective += std::pow((e.values[i] - prior->mean) / prior->sd, 2);

  trace_.push_back(std::move(e));
  cache_.emplace(key, trace_.size() - 1);
  if (trace_.size() == 1 || trace_.back().objective < trace_[best_].objective) {
    best_ = trace_.size() - 1;
    best_results_ = std::move(results);
  }
  return trace_.back();
}

const Evaluation& Evaluator::best() const {
  if (trace_.empty()) throw std::logic_error("no evaluation yet");
  return trace_[best_];
}

}  // namespace pfsim::run::calibration
