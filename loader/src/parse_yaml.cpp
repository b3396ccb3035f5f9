#include "parse_yaml.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/exceptions.h>

#include "limits.hpp"
#include "yaml_documents.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

[[noreturn]] void fail(const Origin& at, const std::string& message, const std::string& hint = {}) {
  throw ScenarioError(at.file_name(), at.line, at.column, "", message, hint);
}

// Copies the parsed graph into SourceNodes, expanding aliases, counting nodes after expansion and bounding depth.
class Converter {
 public:
  Converter(const YamlGraph& graph, const MarkToOrigin& where) : graph_(graph), where_(where) {}

  SourceNode convert_root(const Origin& fallback) {
    if (!graph_.root) {
      SourceNode out;
      out.origin = fallback;
      return out;
    }
    return convert(*graph_.root, fallback, 0);
  }

 private:
  SourceNode convert(std::uint32_t id, const Origin& parent, int depth) {
    const YamlGraph::Node& node = graph_.nodes[id];
    SourceNode out;
    out.origin = node.mark.line >= 0 ? where_(node.mark) : parent;
    if (depth > kMaxNesting)
      fail(out.origin, fmt::format("nested more than {} levels deep", kMaxNesting),
           "does an alias (*name) refer to the map or list that contains it?");
    if (++nodes_ > kMaxNodes)
      fail(out.origin, fmt::format("document has more than {} values", kMaxNodes),
           "aliases (*name) are expanded where they are used; avoid aliases of aliases");
    switch (node.kind) {
      case YamlGraph::Kind::Null: out.kind = SourceNode::Kind::Null; break;
      case YamlGraph::Kind::Scalar:
        out.kind = SourceNode::Kind::Scalar;
        out.text = node.text;
        // yaml-cpp tags quoted scalars "!" and plain ones "?": remember quoting so "1.0" stays a string.
        out.quoted = !node.plain;
        break;
      case YamlGraph::Kind::List:
        out.kind = SourceNode::Kind::List;
        out.items.reserve(node.children.size());
        for (const std::uint32_t item : node.children) out.items.push_back(convert(item, out.origin, depth + 1));
        break;
      case YamlGraph::Kind::Map: convert_map(node, out, depth); break;
    }
    return out;
  }

  void convert_map(const YamlGraph::Node& node, SourceNode& out, int depth) {
    out.kind = SourceNode::Kind::Map;
    out.entries.reserve(node.children.size() / 2);
    std::unordered_map<std::string, Origin> seen;
    for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
      SourceNode key = convert(node.children[i], out.origin, depth + 1);
      if (key.kind != SourceNode::Kind::Scalar)
        fail(key.origin, fmt::format("a key must be plain text, got {}", describe(key)),
             "write `key: value` with a word as the key");
      // The parser keeps both copies of a repeated key; silently using one would hide the other edit.
      if (auto [it, fresh] = seen.emplace(key.text, key.origin); !fresh)
        fail(key.origin, fmt::format("duplicate key \"{}\" (first at line {})", shorten(key.text), it->second.line),
             "remove one of them");
      SourceNode value = convert(node.children[i + 1], key.origin, depth + 1);
      // yaml-cpp marks an empty value (`run:` and nothing under it) at the next token, often the next key's line:
      // report it at its own key instead.
      if (value.kind == SourceNode::Kind::Null) value.origin = key.origin;
      out.entries.push_back({key.text, key.origin, std::move(value)});
    }
  }

  const YamlGraph& graph_;
  const MarkToOrigin& where_;
  std::size_t nodes_ = 0;
};

// The offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF included), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    int follow = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) follow = 1, code = lead & 0x1Fu;
    else if ((lead & 0xF0u) == 0xE0u) follow = 2, code = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4) follow = 3, code = lead & 0x07u;
    else return i;
    for (int k = 1; k <= follow; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0u) != 0x80u) return i;
      code = (code << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    if (follow == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) return i;
    if (follow == 3 && (code < 0x10000 || code > 0x10FFFF)) return i;
    i += static_cast<std::size_t>(follow) + 1;
  }
  return std::string_view::npos;
}

// Scenario files are UTF-8 (other readers of the same file, e.g. Python, reject anything else).
void check_utf8(std::string_view text, const std::shared_ptr<const std::string>& name) {
  const std::size_t bad = invalid_utf8_at(text);
  if (bad == std::string_view::npos) return;
  const std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
  const std::size_t from = line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
  // Columns count characters, as editors do: every byte that does not continue a UTF-8 sequence starts one.
  int column = 1;
  for (std::size_t i = from; i < bad; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u ? 1 : 0;
  throw ScenarioError(*name, line, column, "",
                      fmt::format("line {} is not valid UTF-8 (byte 0x{:02X} at column {}); save the file as UTF-8", line,
                                  static_cast<unsigned char>(text[bad]), column));
}

}  // namespace

std::optional<std::string> read_text_file(const std::filesystem::path& file, std::string& text) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) return "symlink loop (too many levels of symbolic links)";
  if (ec || !std::filesystem::exists(status)) return "no such file";
  if (std::filesystem::is_directory(status)) return "is a directory";
  // Devices and FIFOs have no size and may never end (/dev/zero, a pipe): only regular files are scenarios.
  if (!std::filesystem::is_regular_file(status)) return "is not a regular file (a device, pipe or socket)";
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return fmt::format("cannot read the file's size ({})", ec.message());
  if (size > kMaxFileBytes) return fmt::format("file is {} bytes, more than the limit of {}", size, kMaxFileBytes);
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot open the file for reading (permissions?)";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return "error while reading the file";
  text = std::move(buffer).str();
  // Excel and Notepad start UTF-8 files with a byte order mark; left in, it would be part of the first key or column.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  note_file_read(file);
  return std::nullopt;
}

SourceNode parse_yaml(const std::string& text, const MarkToOrigin& where, const Origin& fallback) {
  DocumentScan scan;
  try {
    scan = scan_documents(text);
  } catch (const YAML::ParserException& e) {
    // ParserException::msg is the bare message; what() repeats the (0-based) position in its own format.
    const Origin at = e.mark.line >= 0 ? where(e.mark) : fallback;
    fail(at, fmt::format("YAML syntax error: {}", e.msg), "check indentation, colons and matching brackets/quotes");
  } catch (const YAML::Exception& e) {
    fail(fallback, fmt::format("YAML error: {}", e.msg));
  }
  if (scan.stuck_at) {
    const Origin at = where(*scan.stuck_at);
    const auto pos = static_cast<std::size_t>(scan.stuck_at->pos);
    const std::string token = pos < text.size() ? fmt::format("`{}`", text[pos]) : std::string("the end of the file");
    fail(at, fmt::format("YAML syntax error: unexpected {} where a key or value should start", token),
         "check indentation, colons and matching brackets/quotes");
  }
  // yaml-cpp's Load reads the first document only: a second one (after `---`) would be dropped without a word.
  if (scan.second_document) {
    const Origin at = where(*scan.second_document);
    fail(Origin{at.file, at.line, 1},
         fmt::format("a second YAML document starts at line {}; a scenario is one document and the rest would be ignored", at.line),
         "remove the `---` line to join the parts, or move the second part into its own file that uses `extends:`");
  }
  Converter converter(scan.first, where);
  return converter.convert_root(fallback);
}

SourceNode parse_yaml_file_text(const std::string& text, const std::string& file) {
  auto name = std::make_shared<const std::string>(file);
  check_utf8(text, name);
  const MarkToOrigin where = [name](const YAML::Mark& m) { return Origin{name, m.line + 1, m.column + 1}; };
  return parse_yaml(text, where, Origin{name, 1, 1});
}

}  // namespace pfsim::loader::detail
