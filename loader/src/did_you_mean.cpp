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
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
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
