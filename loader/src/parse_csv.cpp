#include "parse_csv.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "did_you_mean.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {

const std::vector<std::string> kCensusColumns = {"kind", "site", "locality", "age_band", "days_elapsed", "days_delayed", "status", "pathway"};

namespace {

// Splits one CSV line; fields may be "quoted" with "" for a quote. Returns each field with its 1-based column.
std::vector<std::pair<std::string, int>> split_csv(const std::string& line, const Origin& at) {
  std::vector<std::pair<std::string, int>> fields;
  std::string field;
  int start = 1;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const char c = i < line.size() ? line[i] : ',';
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (i == line.size()) {
        throw ScenarioError(at.file_name(), at.line, start, "census", "unterminated quoted field", "close the quote with \"");
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      // Trim spaces around unquoted fields so "acute, Southend" reads as expected.
      const auto first = field.find_first_not_of(" \t\r"), last = field.find_last_not_of(" \t\r");
      fields.emplace_back(first == std::string::npos ? "" : field.substr(first, last - first + 1), start);
      field.clear();
      start = static_cast<int>(i) + 2;
    } else {
      field += c;
    }
  }
  return fields;
}

}  // namespace

SourceNode csv_rows(const std::string& text, const std::string& file, int first_line, bool columns) {
  auto name = std::make_shared<const std::string>(file);
  SourceNode rows;
  rows.kind = SourceNode::Kind::List;
  rows.origin = Origin{name, first_line, 1};
  std::vector<std::string> header;
  std::size_t pos = 0;
  for (int line_no = first_line; pos <= text.size(); ++line_no) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const Origin at{name, line_no, 1};
    if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto fields = split_csv(line, at);
    if (!columns)
      for (auto& field : fields) field.second = 0;
    if (header.empty()) {
      for (const auto& [column, col] : fields) {
        if (std::find(kCensusColumns.begin(), kCensusColumns.end(), column) == kCensusColumns.end()) {
          // Two common slips get their own hint: a spreadsheet saved with semicolons, and a file without its header.
          std::string hint = suggestion_hint(column, kCensusColumns, "columns");
          if (fields.size() == 1 && column.find(';') != std::string::npos)
            hint = "the census is comma-separated: save it as CSV with commas, not semicolons";
          else if (header.empty() && (column == "acute" || column == "reablement" || column == "intermediate_care" ||
                                      column == "care_home" || column == "at_home"))
            hint = "the first line is the header naming the columns, e.g. kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway";
          throw ScenarioError(file, line_no, col, "census", fmt::format("unknown column \"{}\"", shorten(column)), hint);
        }
        if (std::find(header.begin(), header.end(), column) != header.end())
          throw ScenarioError(file, line_no, col, "census", fmt::format("column \"{}\" appears twice", column), "keep one");
        header.push_back(column);
      }
      for (const char* required : {"kind", "locality", "age_band"})
        if (std::find(header.begin(), header.end(), required) == header.end())
          throw ScenarioError(file, line_no, 1, "census", fmt::format("the header has no \"{}\" column", required),
                              "the first line names the columns: kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway");
    } else {
      if (fields.size() != header.size())
        throw ScenarioError(file, line_no, 1, "census", fmt::format("row has {} fields but the header has {}", fields.size(), header.size()),
                            "give one value (possibly empty) per column");
      SourceNode row;
      row.kind = SourceNode::Kind::Map;
      row.origin = at;
      for (std::size_t k = 0; k < fields.size(); ++k) {
        if (fields[k].first.empty()) continue;
        SourceNode value;
        value.kind = SourceNode::Kind::Scalar;
        value.text = fields[k].first;
        value.origin = Origin{name, line_no, fields[k].second};
        row.entries.push_back({header[k], value.origin, std::move(value)});
      }
      rows.items.push_back(std::move(row));
    }
    if (end == text.size()) break;
  }
  if (header.empty()) throw ScenarioError(file, first_line, 1, "census", "the census has no header line", "start with kind,site,locality,age_band,days_elapsed,days_delayed,status,pathway");
  return rows;
}

}  // namespace pfsim::loader::detail
