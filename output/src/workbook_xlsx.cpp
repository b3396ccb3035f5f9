// The export's tables as an .xlsx workbook (libxlsxwriter). Cells hold the full values; the number formats show
// them as a planner writes them (108,827; 89.8 %; £12.9 m), so nothing is rounded away by the display.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "pfsim/output/error.hpp"
#include "pfsim/output/export.hpp"
#include "pfsim/output/svg.hpp"
#include "pfsim/output/svg_numbers.hpp"

namespace pfsim::output {
namespace {

constexpr lxw_row_t kTitleRow = 0, kHeaderRow = 1, kFirstDataRow = 2;
constexpr double kMinWidth = 8, kMaxWidth = 60;  // characters of the default font
constexpr double kPortraitWidth = 100;            // characters across an A4 portrait page at 100 %
constexpr double kWidestFitted = 320;             // wider than this, fitting to the page width shrinks text below ~6 pt
constexpr std::uint8_t kPaperA4 = 9;              // Excel's paper code for A4
constexpr double kRowHeight = 15;                 // points: the default row height of the default font

std::string decimals_part(int decimals) { return decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : ""; }

// Excel number format codes. Percent values are already in percent, so the "%" is a literal, not Excel's ×100;
// shares (0–1) use Excel's own percent. Money switches to £ m (with `decimals`) / £ k (whole) by magnitude (the ",,"
// and "," scale by 1000s): £12.9 m, £850 k, £120.
std::string format_code(const Shown& shown) {
  const std::string d = decimals_part(shown.decimals);
  switch (shown.kind) {
    case Shown::Kind::Number: return "#,##0" + d;
    case Shown::Kind::Percent: return "#,##0" + d + "\" %\"";
    case Shown::Kind::Share: return "0" + d + "\" \"%";
    case Shown::Kind::Money:
      return "[>=999950]\"£\"#,##0" + d + ",,\" m\";[>=999.5]\"£\"#,##0,\" k\";\"£\"#,##0";
  }
  return "General";
}

// The text a cell shows, for sizing its column.
std::string shown_text(const ExportCell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell.value)) return *s;
  const auto* v = std::get_if<double>(&cell.value);
  if (!v) return {};
  if (!std::isfinite(*v)) return "n/a";
  switch (cell.shown.kind) {
    case Shown::Kind::Number: return svg::number(*v, cell.shown.decimals);
    case Shown::Kind::Percent: return svg::number(*v, cell.shown.decimals) + " %";
    case Shown::Kind::Share: return svg::number(*v * 100, cell.shown.decimals) + " %";
    case Shown::Kind::Money: return svg::money(*v, std::abs(*v) >= 999950 ? cell.shown.decimals : 0);
  }
  return {};
}

std::size_t display_length(const std::string& s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;  // count UTF-8 characters, not bytes
  return n;
}

class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    for (lxw_format*& header : headers_) {
      header = workbook_add_format(workbook_);
      format_set_bold(header);
      format_set_text_wrap(header);
      format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
      format_set_bottom(header, LXW_BORDER_THIN);
      format_set_bg_color(header, 0xDDE6F0);
    }
    format_set_align(headers_[1], LXW_ALIGN_RIGHT);
    title_ = workbook_add_format(workbook_);
    format_set_bold(title_);
    // Text is indented one step so it never touches a right-aligned number in the column before it.
    wrapped_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrapped_);
    format_set_align(wrapped_, LXW_ALIGN_VERTICAL_TOP);
    format_set_indent(wrapped_, 1);
    plain_ = workbook_add_format(workbook_);
    format_set_align(plain_, LXW_ALIGN_VERTICAL_TOP);
    format_set_indent(plain_, 1);
  }
  lxw_format* header(bool numeric) const { return headers_[numeric ? 1 : 0]; }
  lxw_format* title() const { return title_; }
  lxw_format* text(bool wrap) const { return wrap ? wrapped_ : plain_; }
  lxw_format* number(const Shown& shown) {
    const std::string code = format_code(shown);
    auto [it, added] = numbers_.try_emplace(code, nullptr);
    if (added) {
      it->second = workbook_add_format(workbook_);
      format_set_num_format(it->second, code.c_str());
      format_set_align(it->second, LXW_ALIGN_VERTICAL_TOP);
    }
    return it->second;
  }

 private:
  lxw_workbook* workbook_;
  lxw_format* headers_[2] = {};  // text columns, number columns
  lxw_format *title_, *wrapped_, *plain_;
  std::map<std::string, lxw_format*> numbers_;
};

// Column widths from the longest shown value (headers wrap, so they count for at most 24 characters).
std::vector<double> column_widths(const ExportTable& table) {
  std::vector<double> widths(table.headers.size(), kMinWidth);
  for (std::size_t c = 0; c < table.headers.size(); ++c)
    widths[c] = std::max(widths[c], static_cast<double>(std::min<std::size_t>(display_length(table.headers[c]), 24)) + 2);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], static_cast<double>(display_length(shown_text(row[c]))) + 2);
  for (double& w : widths) w = std::min(w, kMaxWidth);
  return widths;
}

// Lines the longest wrapped cell of `row` needs in columns of `widths` (a column at kMaxWidth wraps).
std::size_t wrapped_lines(const std::vector<ExportCell>& row, const std::vector<double>& widths) {
  std::size_t lines = 1;
  for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
    if (widths[c] < kMaxWidth) continue;
    const double chars = static_cast<double>(display_length(shown_text(row[c])));
    // Column widths count digit widths; text averages a little narrower, and words do not break mid-line.
    lines = std::max(lines, static_cast<std::size_t>(std::ceil(chars / (widths[c] * 1.05))));
  }
  return lines;
}

void write_sheet(lxw_workbook* workbook, Formats& formats, const ExportTable& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet.c_str());
  if (!sheet) throw OutputError(fmt::format("cannot add the sheet '{}' (a name Excel does not accept)", table.sheet));
  worksheet_write_string(sheet, kTitleRow, 0, table.title.c_str(), formats.title());
  const std::vector<double> widths = column_widths(table);
  std::size_t header_lines = 1;
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    // A column of numbers gets a right-aligned header, over the digits it names.
    const bool numeric = !table.rows.empty() && c < table.rows.front().size() &&
                         std::holds_alternative<double>(table.rows.front()[c].value);
    worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(c), table.headers[c].c_str(), formats.header(numeric));
    const double chars = static_cast<double>(display_length(table.headers[c]));
    header_lines = std::max(header_lines, static_cast<std::size_t>(std::ceil(chars / (widths[c] - 1))));
  }
  if (header_lines > 1) worksheet_set_row(sheet, kHeaderRow, kRowHeight * static_cast<double>(header_lines), nullptr);
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(kFirstDataRow + r);
    // Neither Excel nor LibreOffice grows a row for wrapped text in a file it did not lay out, so the row is given
    // the height of its longest wrapped cell.
    if (const std::size_t lines = wrapped_lines(table.rows[r], widths); lines > 1)
      worksheet_set_row(sheet, row, kRowHeight * static_cast<double>(lines), nullptr);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const ExportCell& cell = table.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      const bool wrap = c < widths.size() && widths[c] >= kMaxWidth;
      if (const auto* s = std::get_if<std::string>(&cell.value)) worksheet_write_string(sheet, row, col, s->c_str(), formats.text(wrap));
      else if (const auto* v = std::get_if<double>(&cell.value)) {
        if (std::isfinite(*v)) worksheet_write_number(sheet, row, col, *v, formats.number(cell.shown));
        else worksheet_write_string(sheet, row, col, std::isnan(*v) ? "n/a" : (*v > 0 ? "inf" : "-inf"), formats.text(false));
      }
    }
  }
  // The header row and the row labels stay in view while scrolling, and the header is repeated on every printed
  // page; a sheet prints on A4 one page wide (landscape when it is wider than portrait holds).
  worksheet_freeze_panes(sheet, kFirstDataRow, 1);
  worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);
  worksheet_set_paper(sheet, kPaperA4);
  double total_width = 0;
  for (const double w : widths) total_width += w;
  if (total_width > kPortraitWidth) worksheet_set_landscape(sheet);
  // A very wide sheet (the daily series) would print too small to read on one page: it prints across pages instead,
  // the row labels repeated on each.
  if (total_width <= kWidestFitted) worksheet_fit_to_pages(sheet, 1, 0);
  else worksheet_repeat_columns(sheet, 0, 0);
  worksheet_autofilter(sheet, kHeaderRow, 0, static_cast<lxw_row_t>(kHeaderRow + table.rows.size()),
                       static_cast<lxw_col_t>(table.headers.empty() ? 0 : table.headers.size() - 1));
}

// Appends kWorkbookMarker as the zip archive comment: libxlsxwriter ends the file with a bare end-of-central-directory
// record (22 bytes, comment length 0), whose last two bytes are the comment length. Excel and LibreOffice drop the
// comment when they save, so a workbook a person has edited is never mistaken for ours.
void mark_as_ours(const std::filesystem::path& path) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(-22, std::ios::end);
  char record[22] = {};
  file.read(record, sizeof record);
  if (!file || std::memcmp(record, "PK\x05\x06", 4) != 0 || record[20] != 0 || record[21] != 0)
    throw OutputError(fmt::format("{}: the workbook's zip directory is not where libxlsxwriter puts it", path.string()));
  const auto length = static_cast<std::uint16_t>(kWorkbookMarker.size());
  const char length_bytes[2] = {static_cast<char>(length & 0xFF), static_cast<char>(length >> 8)};
  file.seekp(-2, std::ios::end);
  file.write(length_bytes, 2);
  file.seekp(0, std::ios::end);
  file.write(kWorkbookMarker.data(), static_cast<std::streamsize>(kWorkbookMarker.size()));
  file.close();
  if (!file) throw OutputError(fmt::format("{}: cannot finish the workbook (hint: check the disk is not full)", path.string()));
}

}  // namespace

void write_workbook(const std::vector<ExportTable>& tables, const std::filesystem::path& path) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  const auto discard = [&tmp] {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
  };
  lxw_workbook* workbook = workbook_new(tmp.c_str());
  if (!workbook) throw OutputError(fmt::format("{}: cannot start the workbook (out of memory)", path.string()));
  try {
    Formats formats(workbook);
    for (const ExportTable& table : tables) write_sheet(workbook, formats, table);
  } catch (...) {
    workbook_close(workbook);
    discard();
    throw;
  }
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>("pfsim results");
  properties.comments = const_cast<char*>(kWorkbookMarker.data());
  workbook_set_properties(workbook, &properties);
  if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
    discard();
    throw OutputError(fmt::format("{}: cannot write the workbook: {} (hint: check the directory is writable, or choose another -o)",
                                  path.string(), lxw_strerror(error)));
  }
  try {
    mark_as_ours(tmp);
  } catch (...) {
    discard();
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    discard();
    throw OutputError(fmt::format("{}: cannot write the workbook: {} (hint: choose another -o)", path.string(), ec.message()));
  }
}

}  // namespace pfsim::output
