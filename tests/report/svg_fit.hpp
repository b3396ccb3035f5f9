#pragma once
// Test helper: the boxes a chart's <text> elements take, from their position, anchor, rotation and the width
// estimate the charts are laid out with (svg_text.hpp), so a test can ask whether every label lies inside the
// viewBox. The Chromium layout check (layout_check.js) measures the same on the rendered page.
#include <regex>
#include <string>
#include <vector>

#include "pfsim/output/svg_text.hpp"

namespace pfsim::output::svg::testing {

struct TextBox {
  std::string text, css_class;
  double left, right, top, bottom;
};

inline std::string unescape(std::string s) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                 {"&#39;", "'"}, {"&amp;", "&"}})
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// Font sizes of the page's CSS classes (report_style.cpp).
inline double font_px(const std::string& css_class) { return css_class == "axis-title" ? 13 : 12; }

inline std::vector<TextBox> text_boxes(const std::string& svg) {
  static const std::regex text_re(
      R"re(<text x="([-0-9.]+)" y="([-0-9.]+)" class="([^"]*)" text-anchor="([a-z]+)"(?: transform="rotate\(-90 [-0-9.]+ [-0-9.]+\)")?>([^<]*)</text>)re");
  std::vector<TextBox> boxes;
  for (std::sregex_iterator it(svg.begin(), svg.end(), text_re), end; it != end; ++it) {
    const std::smatch& m = *it;
    const double x = std::stod(m[1]), y = std::stod(m[2]);
    const std::string css = m[3], anchor = m[4], text = unescape(m[5]);
    const double f = font_px(css), w = text_width(text, f);
    const double left = anchor == "start" ? x : anchor == "end" ? x - w : x - w / 2;
    // A font's ascent and descent (DejaVu Sans: 0.93 and 0.24 em) bound the line box Chromium measures.
    TextBox box{text, css, left, left + w, y - 0.93 * f, y + 0.24 * f};
    if (m[0].str().find("rotate(-90") != std::string::npos)  // about (x, y): x' = x + (py − y), y' = y − (px − x)
      box = {text, css, x + (box.top - y), x + (box.bottom - y), y - (box.right - x), y - (box.left - x)};
    boxes.push_back(box);
  }
  return boxes;
}

/// The viewBox's width and height.
inline std::pair<double, double> view_box(const std::string& svg) {
  static const std::regex re(R"re(viewBox="0 0 ([0-9.]+) ([0-9.]+)")re");
  std::smatch m;
  if (!std::regex_search(svg, m, re)) return {0, 0};
  return {std::stod(m[1]), std::stod(m[2])};
}

/// The texts that reach outside the viewBox, as "text (left..right, top..bottom)".
inline std::vector<std::string> texts_outside(const std::string& svg) {
  const auto [width, height] = view_box(svg);
  std::vector<std::string> out;
  for (const TextBox& b : text_boxes(svg))
    if (b.left < -0.5 || b.right > width + 0.5 || b.top < -0.5 || b.bottom > height + 0.5)
      out.push_back(b.text + " (" + std::to_string(b.left) + ".." + std::to_string(b.right) + ", " + std::to_string(b.top) +
                    ".." + std::to_string(b.bottom) + ")");
  return out;
}

}  // namespace pfsim::output::svg::testing
