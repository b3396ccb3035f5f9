#include "pfsim/output/svg.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace pfsim::output::svg {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string coord(double value) {
  if (!std::isfinite(value)) return "0";
  std::string s = fmt::format("{:.2f}", value);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string number(double value, int decimals) {
  if (!std::isfinite(value)) return "–";
  std::string digits = fmt::format("{:.{}f}", std::abs(value), std::max(decimals, 0));
  const std::size_t point = std::min(digits.find('.'), digits.size());
  // Group the integer part in threes from the right: 108827.4 → 108,827.4 (commissioners read big counts).
  std::string grouped;
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  grouped += digits.substr(point);
  const bool negative = value < 0 && grouped.find_first_not_of("0.,") != std::string::npos;
  return negative ? "-" + grouped : grouped;
}

int decimals_for(double spread, int significant) {
  if (!std::isfinite(spread) || spread <= 0) return 2;
  return std::clamp(significant - 1 - static_cast<int>(std::floor(std::log10(spread))), 0, 6);
}

Builder::Builder(double width, double height, std::string_view title, std::string_view css_class) {
  out_ = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" class="{}" viewBox="0 0 {} {}" role="img">)",
                     escape_xml(css_class), coord(width), coord(height));
  out_ += fmt::format("<title>{}</title>", escape_xml(title));
}

void Builder::write_open(std::string_view name, const std::vector<Attribute>& attributes, bool self_closing) {
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) out_ += fmt::format(R"( {}="{}")", key, escape_xml(value));
  out_ += self_closing ? "/>" : ">";
}

Builder& Builder::open(std::string_view name, const std::vector<Attribute>& attributes) {
  write_open(name, attributes, false);
  open_elements_.emplace_back(name);
  return *this;
}

Builder& Builder::close() {
  if (!open_elements_.empty()) {
    out_ += fmt::format("</{}>", open_elements_.back());
    open_elements_.pop_back();
  }
  return *this;
}

Builder& Builder::element(std::string_view name, const std::vector<Attribute>& attributes) {
  write_open(name, attributes, true);
  return *this;
}

Builder& Builder::text_element(std::string_view name, const std::vector<Attribute>& attributes, std::string_view text) {
  write_open(name, attributes, false);
  out_ += escape_xml(text);
  out_ += fmt::format("</{}>", name);
  return *this;
}

Builder& Builder::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  return element("line", {{"x1", coord(x1)}, {"y1", coord(y1)}, {"x2", coord(x2)}, {"y2", coord(y2)},
                          {"class", std::string(css_class)}});
}

Builder& Builder::rect(double x, double y, double width, double height, std::string_view css_class,
                       std::string_view tooltip) {
  const std::vector<Attribute> attributes = {{"x", coord(x)}, {"y", coord(y)}, {"width", coord(std::max(width, 0.0))},
                                             {"height", coord(std::max(height, 0.0))}, {"class", std::string(css_class)}};
  if (tooltip.empty()) return element("rect", attributes);
  open("rect", attributes);
  text_element("title", {}, tooltip);
  return close();
}

Builder& Builder::text(double x, double y, std::string_view content, std::string_view css_class, std::string_view anchor) {
  return text_element("text", {{"x", coord(x)}, {"y", coord(y)}, {"class", std::string(css_class)},
                               {"text-anchor", std::string(anchor)}}, content);
}

Builder& Builder::vertical_text(double x, double y, std::string_view content, std::string_view css_class) {
  return text_element("text", {{"x", coord(x)}, {"y", coord(y)}, {"class", std::string(css_class)},
                               {"text-anchor", "middle"},
                               {"transform", fmt::format("rotate(-90 {} {})", coord(x), coord(y))}}, content);
}

Builder& Builder::path(std::string d, std::string_view css_class) {
  return element("path", {{"d", std::move(d)}, {"class", std::string(css_class)}});
}

std::string Builder::str() const {
  std::string out = out_;
  for (auto it = open_elements_.rbegin(); it != open_elements_.rend(); ++it) out += fmt::format("</{}>", *it);
  return out + "</svg>";
}

}  // namespace pfsim::output::svg
