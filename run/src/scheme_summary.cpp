#include "pfsim/run/scheme_summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Dense>
#include <fmt/format.h>

#include "pfsim/engine/stats.hpp"
#include "pfsim/loader/load.hpp"
#include "pfsim/scenario/schemes.hpp"

namespace pfsim::run {

namespace {
constexpr double kZ95 = 1.959963984540054;

double mean(const std::vector<double>& v) { return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

std::string gbp(double value) {
  const double a = std::fabs(value);
  if (a >= 1e6) return fmt::format("£{:.2f}m", value / 1e6);
  if (a >= 1e3) return fmt::format("£{:.0f}k", value / 1e3);
  return fmt::format("£{:.0f}", value);
}

// Least squares of y on the delivered fractions (centred, tiny ridge so a fixed or collinear fraction gets 0):
// the slope per scheme, used for the tornado and the contributions. Columns with no spread get slope 0.
class Regression {
 public:
  Regression(const std::vector<models::ReplicationResult>& results, std::size_t schemes) : k_(schemes) {
    const auto n = static_cast<Eigen::Index>(results.size());
    Eigen::MatrixXd x(n, static_cast<Eigen::Index>(schemes));
    for (Eigen::Index r = 0; r < n; ++r)
      for (std::size_t s = 0; s < schemes; ++s) x(r, static_cast<Eigen::Index>(s)) = results[static_cast<std::size_t>(r)].schemes.delivered[s];
    x.rowwise() -= x.colwise().mean();
    for (std::size_t s = 0; s < schemes; ++s)
      if (x.col(static_cast<Eigen::Index>(s)).squaredNorm() > 1e-18) varying_.push_back(s);
    ok_ = !varying_.empty() && results.size() >= varying_.size() + scenario::kRegressionSpareReplications;
    if (!ok_) return;
    xv_.resize(n, static_cast<Eigen::Index>(varying_.size()));
    for (std::size_t j = 0; j < varying_.size(); ++j) xv_.col(static_cast<Eigen::Index>(j)) = x.col(static_cast<Eigen::Index>(varying_[j]));
    Eigen::MatrixXd xtx = xv_.transpose() * xv_;
    const double ridge = 1e-9 * xtx.diagonal().maxCoeff();
    xtx.diagonal().array() += ridge;
    solver_.compute(xtx);
  }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] std::vector<double> slopes(const std::vector<double>& y) const {
    std::vector<double> beta(k_, 0.0);
    if (!ok_) return beta;
    Eigen::VectorXd yv = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
    yv.array() -= yv.mean();
    const Eigen::VectorXd b = solver_.solve(xv_.transpose() * yv);
    for (std::size_t j = 0; j < varying_.size(); ++j) beta[varying_[j]] = b(static_cast<Eigen::Index>(j));
    return beta;
  }

 private:
  std::size_t k_;
  std::vector<std::size_t> varying_;
  bool ok_ = false;
  Eigen::MatrixXd xv_;
  Eigen::LDLT<Eigen::MatrixXd> solver_;
};
}  // namespace

Proportion wilson(std::size_t hits, std::size_t n) {
  Proportion out{hits, n, 0, 0, 0};
  if (n == 0) return out;
  const double nn = static_cast<double>(n), p = static_cast<double>(hits) / nn, z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = kZ95 * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  out.p = p;
  out.lo = hits == 0 ? 0.0 : std::max(0.0, centre - half);
  out.hi = hits == n ? 1.0 : std::min(1.0, centre + half);
  return out;
}

SchemeRisk analyse_schemes(const scenario::Scenario& scenario, const std::vector<models::ReplicationResult>& results) {
  SchemeRisk risk;
  const scenario::SchemeSettings& settings = *scenario.schemes;
  const std::size_t k = settings.schemes.size(), n = results.size();
  std::vector<double> money(n), flow(n);
  for (std::size_t r = 0; r < n; ++r) {
    risk.savings_gbp.push_back(results[r].schemes.total_gbp);
    flow[r] = results[r].schemes.flow_gbp;
    money[r] = results[r].schemes.total_gbp - flow[r];
  }
  risk.mean_savings = mean(risk.savings_gbp);
  risk.mean_money = mean(money);
  risk.mean_flow = mean(flow);
  risk.ci_half = n > 1 ? engine::ci_half_width(risk.savings_gbp) : 0.0;
  risk.p5 = engine::quantile(risk.savings_gbp, 0.05);
  risk.p95 = engine::quantile(risk.savings_gbp, 0.95);
  if (settings.qipp_target_gbp) {
    risk.has_target = true;
    std::size_t hits = 0;
    for (double s : risk.savings_gbp) hits += s >= *settings.qipp_target_gbp;
    risk.meet_target = wilson(hits, n);
  }
  const auto& catalogue = scenario::kpi_catalogue();
  for (const auto& t : settings.kpi_targets) {
    std::size_t index = 0;
    while (index < catalogue.size() && catalogue[index].name != t.kpi) ++index;
    risk.kpi_target_index.push_back(index);
    std::size_t hits = 0;
    for (const auto& r : results) hits += t.at_most ? r.kpi[index] <= t.value : r.kpi[index] >= t.value;
    risk.kpi_target_met.push_back(wilson(hits, n));
  }

  // Tornado: KPI change when one scheme's delivery goes from its 10th to its 90th percentile (of the recorded
  // samples) with the others held, from the regression slope; linear in the fractions by construction. The response
  // is the paired change (with schemes − the same replication without them), which removes the replication noise
  // common to both runs (CRN), so the slopes are much sharper than a regression of the raw KPI.
  std::vector<double> q10(k), q90(k), mean_fraction(k);
  for (std::size_t s = 0; s < k; ++s) {
    std::vector<double> f;
    for (const auto& r : results) f.push_back(r.schemes.delivered[s]);
    q10[s] = engine::quantile(f, 0.10);
    q90[s] = engine::quantile(f, 0.90);
    mean_fraction[s] = mean(f);
  }
  const Regression regression(results, k);
  risk.regression_ok = regression.ok();
  const auto swing = [&](const std::vector<double>& y) {
    std::vector<double> beta = regression.slopes(y);
    for (std::size_t s = 0; s < k; ++s) beta[s] *= q90[s] - q10[s];
    return beta;
  };
  for (std::size_t kpi = 0; kpi < catalogue.size(); ++kpi) {
    std::vector<double> y;
    for (const auto& r : results)
      y.push_back(r.kpi[kpi] - (r.schemes.counterfactual_kpi.size() > kpi ? r.schemes.counterfactual_kpi[kpi] : 0.0));
    risk.kpi_tornado.push_back(swing(y));
  }
  // Savings: the money part is exact (fraction × value); the flow part is attributed by the regression slope.
  const std::vector<double> flow_slope = regression.slopes(flow);
  risk.contribution_gbp.assign(k, 0.0);
  risk.savings_swing_gbp.assign(k, 0.0);
  for (std::size_t s = 0; s < k; ++s) {
    const double value = settings.schemes[s].value_gbp;
    risk.contribution_gbp[s] = value * mean_fraction[s] + flow_slope[s] * mean_fraction[s];
    risk.savings_swing_gbp[s] = (value + flow_slope[s]) * (q90[s] - q10[s]);
  }
  return risk;
}

void add_scheme_datasets(output::RunRecord& record, const scenario::Scenario& scenario,
                         const std::vector<models::ReplicationResult>& results, const SchemeRisk& risk) {
  const scenario::SchemeSettings& settings = *scenario.schemes;
  if (settings.schemes.empty()) return;
  output::TableGroup group{"schemes", {}, {}};
  for (const auto& s : settings.schemes) group.labels.push_back(s.name);
  output::Breakdown delivery{"delivery", "fraction", "sampled delivered fraction of each scheme", {}};
  output::Breakdown money{"savings_gbp", "GBP", "money saving of each scheme: delivered fraction x value_gbp (flow savings are in /qipp)", {}};
  for (const auto& r : results) {
    delivery.values.insert(delivery.values.end(), r.schemes.delivered.begin(), r.schemes.delivered.end());
    money.values.insert(money.values.end(), r.schemes.money_gbp.begin(), r.schemes.money_gbp.end());
  }
  group.tables.push_back(std::move(delivery));
  group.tables.push_back(std::move(money));
  record.table_groups.push_back(std::move(group));

  auto& extra = record.extra_datasets;
  std::vector<double> flow;
  for (const auto& r : results) flow.push_back(r.schemes.flow_gbp);
  extra.emplace_back("/qipp/savings_gbp", risk.savings_gbp);
  extra.emplace_back("/qipp/flow_savings_gbp", flow);
  const auto& activities = scenario::scheme_activity_names();
  for (std::size_t a = 0; a < activities.size(); ++a) {
    std::vector<double> v;
    for (const auto& r : results) v.push_back(r.schemes.activity[a]);
    extra.emplace_back(fmt::format("/qipp/activity/{}", activities[a]), std::move(v));
  }
  std::vector<double> cost, prior_mean;
  for (const auto& s : settings.schemes) {
    cost.push_back(s.cost_gbp);
    prior_mean.push_back(s.prior.mean());
  }
  extra.emplace_back("/qipp/scheme_cost_gbp", cost);
  extra.emplace_back("/qipp/scheme_prior_mean", prior_mean);
  extra.emplace_back("/qipp/contribution_gbp", risk.contribution_gbp);
  extra.emplace_back("/qipp/tornado/savings_gbp", risk.savings_swing_gbp);
  const auto& catalogue = scenario::kpi_catalogue();
  for (std::size_t kpi = 0; kpi < catalogue.size(); ++kpi)
    if (scenario::kpi_written(catalogue[kpi], scenario))
      extra.emplace_back(fmt::format("/qipp/tornado/{}", catalogue[kpi].name), risk.kpi_tornado[kpi]);
  if (risk.has_target)
    extra.emplace_back("/qipp/p_meet_target",
                       std::vector<double>{*settings.qipp_target_gbp, risk.meet_target.p, risk.meet_target.lo, risk.meet_target.hi});
  for (std::size_t t = 0; t < settings.kpi_targets.size(); ++t) {
    const auto& target = settings.kpi_targets[t];
    const Proportion& p = risk.kpi_target_met[t];
    extra.emplace_back(fmt::format("/qipp/kpi_targets/{}", target.kpi),
                       std::vector<double>{target.value, target.at_most ? 1.0 : 0.0, p.p, p.lo, p.hi});
  }
  record.extra_meta.emplace_back("scheme_tornado_method",
                                 "KPI change for each scheme's delivery p10 -> p90 (recorded samples), from a linear "
                                 "regression of the per-replication paired change (with schemes - same replication without) "
                                 "on all delivered fractions; labels in /schemes/names");
  record.extra_meta.emplace_back("scheme_savings_method",
                                 "per replication: sum of fraction x value_gbp, plus (run without schemes - run with them, "
                                 "same replication) x scheme_tariff");
}

std::string format_scheme_summary(const scenario::Scenario& scenario, const SchemeRisk& risk) {
  const scenario::SchemeSettings& settings = *scenario.schemes;
  std::string out = fmt::format("schemes: {} (delivery sampled per replication; savings vs the same replication without schemes)\n",
                                settings.schemes.size());
  const std::size_t n = risk.savings_gbp.size();
  if (risk.has_target)
    out += fmt::format("P(meet QIPP target {}) = {:.3f}  (95% Wilson CI {:.3f}-{:.3f}; {} of {} replications)\n",
                       gbp(*settings.qipp_target_gbp), risk.meet_target.p, risk.meet_target.lo, risk.meet_target.hi,
                       risk.meet_target.hits, n);
  out += fmt::format("expected savings {} ± {} (95% CI); p5 {}, p95 {}; money {} + flow {}\n", gbp(risk.mean_savings),
                     gbp(risk.ci_half), gbp(risk.p5), gbp(risk.p95), gbp(risk.mean_money), gbp(risk.mean_flow));
  const auto& catalogue = scenario::kpi_catalogue();
  for (std::size_t t = 0; t < settings.kpi_targets.size(); ++t) {
    const auto& target = settings.kpi_targets[t];
    const Proportion& p = risk.kpi_target_met[t];
    out += fmt::format("P({} {} {}) = {:.3f}  (95% Wilson CI {:.3f}-{:.3f})\n", catalogue[risk.kpi_target_index[t]].name,
                       target.at_most ? "<=" : ">=", target.value, p.p, p.lo, p.hi);
  }
  std::vector<std::size_t> order(settings.schemes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::fabs(risk.savings_swing_gbp[a]) > std::fabs(risk.savings_swing_gbp[b]);
  });
  out += "top schemes by risk (savings swing as delivery goes from its 10th to 90th percentile):\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i) {
    const auto& s = settings.schemes[order[i]];
    out += fmt::format("  {}. {:<44} {:<22} swing {:>9}  expected {:>9}\n", i + 1, s.name.substr(0, 44), s.delivery_label,
                       gbp(risk.savings_swing_gbp[order[i]]), gbp(risk.contribution_gbp[order[i]]));
  }
  if (!risk.regression_ok)
    out += "  (too few replications for the regression: flow savings and KPI tornados are not attributed to schemes)\n";
  return out;
}

}  // namespace pfsim::run
