#include "pfsim/run/replication_codec.hpp"

#include <cstring>

namespace pfsim::run {

namespace {
// Bumped whenever ReplicationResult changes shape, so stale checkpoints are ignored instead of misread.
constexpr std::uint64_t kMagic = 0x7066'7369'6d52'000cULL;  // "pfsimR" v12: v10 + the ambulance KPIs (with response centiles)

class Writer {
 public:
  template <typename T>
  void value(const T& v) {
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <typename T>
  void array(const std::vector<T>& v) {
    value<std::uint64_t>(v.size());
    if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  bool value(T& v) {
    if (pos_ + sizeof v > bytes_.size()) return false;
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  template <typename T>
  bool array(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!value(n) || n > (bytes_.size() - pos_) / sizeof(T)) return false;
    v.resize(n);
    // An empty vector's data() may be null, and memcpy's pointers must never be (even for 0 bytes).
    if (n > 0) std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
};
}  // namespace

std::string encode_replication(std::uint64_t replication, const models::ReplicationResult& r) {
  Writer w;
  w.value(kMagic);
  w.value(replication);
  w.value(r.kpi);
  for (const auto& d : r.daily) w.array(d);
  for (const auto& s : r.by_site) w.array(s);
  for (const auto& l : r.by_locality) w.array(l);
  for (const auto& m : r.monthly) w.array(m);
  w.value(r.events);
  w.value(r.patients_created);
  w.value(r.bed_days);
  w.array(r.schemes.delivered);
  w.array(r.schemes.money_gbp);
  w.value(r.schemes.activity);
  w.array(r.schemes.counterfactual_kpi);
  w.value(r.schemes.flow_gbp);
  w.value(r.schemes.total_gbp);
  for (const auto& t : r.travel.tables) w.array(t);
  w.value<std::uint64_t>(r.queues.size());
  for (const auto& q : r.queues) w.array(q);
  return w.take();
}

std::optional<std::pair<std::uint64_t, models::ReplicationResult>> decode_replication(const std::string& bytes) {
  Reader in(bytes);
  std::uint64_t magic = 0, replication = 0;
  models::ReplicationResult r;
  if (!in.value(magic) || magic != kMagic || !in.value(replication) || !in.value(r.kpi)) return std::nullopt;
  for (auto& d : r.daily)
    if (!in.array(d)) return std::nullopt;
  for (auto& s : r.by_site)
    if (!in.array(s)) return std::nullopt;
  for (auto& l : r.by_locality)
    if (!in.array(l)) return std::nullopt;
  for (auto& m : r.monthly)
    if (!in.array(m)) return std::nullopt;
  if (!in.value(r.events) || !in.value(r.patients_created) || !in.value(r.bed_days) || !in.array(r.schemes.delivered) ||
      !in.array(r.schemes.money_gbp) || !in.value(r.schemes.activity) ||
      !in.array(r.schemes.counterfactual_kpi) || !in.value(r.schemes.flow_gbp) ||
      !in.value(r.schemes.total_gbp))
    return std::nullopt;
  for (auto& t : r.travel.tables)
    if (!in.array(t)) return std::nullopt;
  std::uint64_t queues = 0;
  if (!in.value(queues) || queues > bytes.size()) return std::nullopt;
  r.queues.resize(queues);
  for (auto& q : r.queues)
    if (!in.array(q)) return std::nullopt;
  if (!in.at_end()) return std::nullopt;
  return std::make_pair(replication, std::move(r));
}

}  // namespace pfsim::run
