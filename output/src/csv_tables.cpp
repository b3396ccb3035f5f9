// The export's tables as CSV: RFC 4180 quoting, UTF-8, one header line, numbers at full precision (the shortest text
// that reads back to the same double), so a script gets exactly what the workbook's cells hold.
#include <cmath>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "pfsim/output/error.hpp"
#include "pfsim/output/export.hpp"

namespace pfsim::output {
namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (const char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_field(const ExportCell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell.value)) return quoted(*s);
  if (const auto* v = std::get_if<double>(&cell.value)) return std::isnan(*v) ? std::string("n/a") : fmt::format("{}", *v);
  return {};
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
  return line + "\r\n";
}

}  // namespace

std::string csv_header(const ExportTable& table) {
  std::vector<std::string> fields;
  for (const std::string& h : table.headers) fields.push_back(quoted(h));
  return csv_line(fields);
}

void write_csv_tables(const std::vector<ExportTable>& tables, const std::filesystem::path& dir) {
  for (const ExportTable& table : tables) {
    const std::filesystem::path path = dir / (table.file_stem + ".csv");
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << csv_header(table);
      for (const auto& row : table.rows) {
        std::vector<std::string> fields;
        for (const ExportCell& cell : row) fields.push_back(csv_field(cell));
        out << csv_line(fields);
      }
      out.close();
      if (!out) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw OutputError(fmt::format("{}: cannot write the CSV table (hint: check the directory is writable and not full)", path.string()));
      }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw OutputError(fmt::format("{}: cannot write the CSV table: {} (hint: choose another --csv directory)", path.string(), ec.message()));
    }
  }
}

}  // namespace pfsim::output
