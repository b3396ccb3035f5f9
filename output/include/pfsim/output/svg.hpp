#pragma once
// A small SVG/HTML text builder for the report (issue 9): every piece of text goes through escape_xml(), every
// number through fmt, so a scenario called "A&E <south>" cannot break the page.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pfsim::output::svg {

/// Escapes & < > " ' for use in XML/HTML text and attribute values. Other bytes (UTF-8) pass unchanged.
std::string escape_xml(std::string_view text);

/// A coordinate with at most two decimals and no trailing zeros ("12.5", "300"): short paths, stable output.
std::string coord(double value);

/// `value` with `decimals` decimals and thin-space-free comma grouping of thousands ("108,827.4", "-1,200").
/// Non-finite values print as "–".
std::string number(double value, int decimals);

/// Decimals that show `spread` (a CI half-width or tick step) to `significant` significant figures, in [0, 6].
int decimals_for(double spread, int significant = 2);

/// One attribute; the value is escaped when written.
using Attribute = std::pair<std::string_view, std::string>;

/// Builds an SVG document element by element. Element names are trusted (literals); attribute values and text
/// are escaped. `open`/`close` nest; `str()` closes nothing, so callers balance their own groups.
class Builder {
 public:
  /// Starts `<svg>` with a viewBox of width × height, role="img" and an accessible <title> (escaped).
  Builder(double width, double height, std::string_view title, std::string_view css_class = "chart");

  /// `<name a="v" ...>`; pair with close().
  Builder& open(std::string_view name, const std::vector<Attribute>& attributes = {});
  /// Closes the innermost element opened with open().
  Builder& close();
  /// `<name a="v" .../>`.
  Builder& element(std::string_view name, const std::vector<Attribute>& attributes);
  /// `<name a="v" ...>text</name>` with the text escaped.
  Builder& text_element(std::string_view name, const std::vector<Attribute>& attributes, std::string_view text);

  Builder& line(double x1, double y1, double x2, double y2, std::string_view css_class);
  Builder& rect(double x, double y, double width, double height, std::string_view css_class,
                std::string_view tooltip = {});
  Builder& text(double x, double y, std::string_view content, std::string_view css_class,
                std::string_view anchor = "middle");
  /// Text rotated −90° about (x, y): a y-axis title.
  Builder& vertical_text(double x, double y, std::string_view content, std::string_view css_class);
  /// A path with `d` already built from coord() numbers.
  Builder& path(std::string d, std::string_view css_class);

  /// The finished document: closes any open elements and the root <svg>.
  [[nodiscard]] std::string str() const;

 private:
  void write_open(std::string_view name, const std::vector<Attribute>& attributes, bool self_closing);

  std::string out_;
  std::vector<std::string> open_elements_;
};

/// Okabe & Ito (2008) colour-blind-safe palette, the report's only colours.
namespace palette {
inline constexpr std::string_view kOrange = "#E69F00";
inline constexpr std::string_view kSkyBlue = "#56B4E9";
inline constexpr std::string_view kBluishGreen = "#009E73";
inline constexpr std::string_view kYellow = "#F0E442";
inline constexpr std::string_view kBlue = "#0072B2";
inline constexpr std::string_view kVermillion = "#D55E00";
inline constexpr std::string_view kReddishPurple = "#CC79A7";
inline constexpr std::string_view kBlack = "#000000";
}  // namespace palette

}  // namespace pfsim::output::svg
