#pragma once
// How wide a chart's text will be, so margins and label columns can be sized to hold it. The SVG is drawn before any
// browser lays it out (no script), so the width is estimated from the advance widths of DejaVu Sans, the widest of
// the sans-serif fonts the page's font list falls back to: text measured this way fits in any of them.
#include <string>
#include <string_view>
#include <vector>

namespace pfsim::output::svg {

/// Estimated width in px of `text` (UTF-8) at `font_px`: per-character DejaVu Sans advances, a wide default for
/// characters outside the table. Never less than the rendered width in DejaVu Sans, Liberation Sans or Arial.
double text_width(std::string_view text, double font_px);

/// `text` broken at spaces into lines of at most `max_px` at `font_px` (greedy). A word wider than `max_px` gets a
/// line of its own, whole: text is wrapped, never cut.
std::vector<std::string> wrap_text(std::string_view text, double max_px, double font_px);

}  // namespace pfsim::output::svg
