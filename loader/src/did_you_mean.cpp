#include "did_you_mean.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace pfsim::loader::detail {
namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Full table (keys and names are short); the swap term catches "replciations"-style typos as distance 1.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Very long words cannot be typos of our short keys; skip the quadratic table for them.
  if (word.size() > 200) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  bool tied = false;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
      tied = false;
    } else if (distance == best_distance && best) {
      tied = true;
    }
  }
  // "P4" is one edit from each of P0..P3: naming one of them would be a guess, so list them all instead.
  if (best && tied) return std::nullopt;
  if (best) return best;
  // A shortened key ("start" for start_date, "bands" for age_bands): a whole word at either end of exactly one
  // candidate, which the edit distance alone is too strict to find.
  if (word.size() < 4) return std::nullopt;
  const auto lowered = [](std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
  };
  const std::string w = lowered(word);
  for (const auto& candidate : candidates) {
    const std::string c = lowered(candidate);
    if (c.size() <= w.size()) continue;
    if ((c.starts_with(w) && c[w.size()] == '_') || (c.ends_with(w) && c[c.size() - w.size() - 1] == '_')) {
      if (best) return std::nullopt;  // "days" starts days_elapsed and days_delayed: ambiguous
      best = candidate;
    }
  }
  return best;
}

std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates,
                            std::string_view allowed_what) {
  if (auto match = closest_match(word, candidates)) return fmt::format("did you mean \"{}\"?", *match);
  if (candidates.empty()) return {};
  // Long lists (e.g. hundreds of localities) would swamp the one-line message.
  if (candidates.size() > 16) return fmt::format("{}: \"{}\", \"{}\", … ({} in all)", allowed_what, candidates[0], candidates[1], candidates.size());
  return fmt::format("{}: \"{}\"", allowed_what, fmt::join(candidates, "\", \""));
}

}  // namespace pfsim::loader::detail
