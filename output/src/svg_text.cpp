#include "pfsim/output/svg_text.hpp"

#include <array>
#include <cstdint>

namespace pfsim::output::svg {
namespace {

// DejaVu Sans advance widths in font units (2048 per em) for ASCII 32..126, as Chromium measures them.
constexpr std::array<std::uint16_t, 95> kAscii = {
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716, 651,  739,  651,  690,   // ' ' .. '/'
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690,  690,  1716, 1716, 1716, 1087,  // '0' .. '?'
    2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612,  // '@' .. 'O'
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,  690,  799,  1716, 1024,  // 'P' .. '_'
    1024, 1255, 1300, 1126, 1300, 1260, 721,  1300, 1298, 569,  569,  1186, 569,  1995, 1298, 1253,  // '`' .. 'o'
    1300, 1300, 842,  1067, 803,  1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716};       // 'p' .. '~'
constexpr double kUnitsPerEm = 2048;
// Outside ASCII: the symbols the report writes, and for anything else the width of the widest common glyphs
// (sign-like symbols), so an unknown character errs on the wide side.
constexpr std::uint16_t kWideDefault = 1716;

std::uint16_t advance(char32_t c) {
  if (c >= 32 && c < 127) return kAscii[c - 32];
  switch (c) {
    case U'–': return 1024;  // en dash
    case U'—': case U'…': return 2048;
    case U'£': case U'µ': return 1303;
    case U'’': case U'‘': case U'·': return 651;
    default: return kWideDefault;
  }
}

// The next code point of UTF-8 `text` from `i` (advanced past it); a malformed byte counts as one character.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : 0;
  char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
  std::size_t k = i + 1;
  for (int n = 0; n < extra && k < text.size() && (byte(k) & 0xC0) == 0x80; ++n, ++k) c = (c << 6) | (byte(k) & 0x3F);
  i = k;
  return c;
}

}  // namespace

double text_width(std::string_view text, double font_px) {
  double units = 0;
  for (std::size_t i = 0; i < text.size();) units += advance(next_code_point(text, i));
  return units / kUnitsPerEm * font_px;
}

std::vector<std::string> wrap_text(std::string_view text, double max_px, double font_px) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && text_width(candidate, font_px) > max_px) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace pfsim::output::svg
