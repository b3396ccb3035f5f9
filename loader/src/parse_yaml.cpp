#include "parse_yaml.hpp"

#include <fstream>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "limits.hpp"
#include "pfsim/loader/load.hpp"

namespace pfsim::loader::detail {
namespace {

[[noreturn]] void fail(const Origin& at, const std::string& message, const std::string& hint = {}) {
  throw ScenarioError(at.file_name(), at.line, at.column, "", message, hint);
}

// Copies a yaml-cpp tree, counting nodes after alias expansion and bounding depth.
class Converter {
 public:
  explicit Converter(const MarkToOrigin& where) : where_(where) {}

  SourceNode convert(const YAML::Node& node, const Origin& parent, int depth) {
    SourceNode out;
    out.origin = node.Mark().line >= 0 ? where_(node.Mark()) : parent;
    if (depth > kMaxNesting)
      fail(out.origin, fmt::format("nested more than {} levels deep", kMaxNesting),
           "does an alias (*name) refer to the map or list that contains it?");
    if (++nodes_ > kMaxNodes)
      fail(out.origin, fmt::format("document has more than {} values", kMaxNodes),
           "aliases (*name) are expanded where they are used; avoid aliases of aliases");
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: out.kind = SourceNode::Kind::Null; break;
      case YAML::NodeType::Scalar:
        out.kind = SourceNode::Kind::Scalar;
        out.text = node.Scalar();
        // yaml-cpp tags quoted scalars "!" and plain ones "?": remember quoting so "1.0" stays a string.
        out.quoted = node.Tag() != "?";
        break;
      case YAML::NodeType::Sequence:
        out.kind = SourceNode::Kind::List;
        for (const auto& item : node) out.items.push_back(convert(item, out.origin, depth + 1));
        break;
      case YAML::NodeType::Map: convert_map(node, out, depth); break;
    }
    return out;
  }

 private:
  void convert_map(const YAML::Node& node, SourceNode& out, int depth) {
    out.kind = SourceNode::Kind::Map;
    std::unordered_map<std::string, Origin> seen;
    for (const auto& pair : node) {
      SourceNode key = convert(pair.first, out.origin, depth + 1);
      if (key.kind != SourceNode::Kind::Scalar)
        fail(key.origin, fmt::format("a key must be plain text, got {}", describe(key)),
             "write `key: value` with a word as the key");
      // yaml-cpp keeps both copies of a repeated key; silently using one would hide the other edit.
      if (auto [it, fresh] = seen.emplace(key.text, key.origin); !fresh)
        fail(key.origin, fmt::format("duplicate key \"{}\" (first at line {})", shorten(key.text), it->second.line),
             "remove one of them");
      out.entries.push_back({key.text, key.origin, convert(pair.second, key.origin, depth + 1)});
    }
  }

  const MarkToOrigin& where_;
  std::size_t nodes_ = 0;
};

}  // namespace

std::optional<std::string> read_text_file(const std::filesystem::path& file, std::string& text) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) return "symlink loop (too many levels of symbolic links)";
  if (ec || !std::filesystem::exists(status)) return "no such file";
  if (std::filesystem::is_directory(status)) return "is a directory, not a scenario file";
  // Devices and FIFOs have no size and may never end (/dev/zero, a pipe): only regular files are scenarios.
  if (!std::filesystem::is_regular_file(status)) return "is not a regular file (a device, pipe or socket)";
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxFileBytes) return fmt::format("file is {} bytes, more than the limit of {}", size, kMaxFileBytes);
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot open the file for reading (permissions?)";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return "error while reading the file";
  text = std::move(buffer).str();
  note_file_read(file);
  return std::nullopt;
}

SourceNode parse_yaml(const std::string& text, const MarkToOrigin& where, const Origin& fallback) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    // ParserException::msg is the bare message; what() repeats the (0-based) position in its own format.
    const Origin at = e.mark.line >= 0 ? where(e.mark) : fallback;
    fail(at, fmt::format("YAML syntax error: {}", e.msg), "check indentation, colons and matching brackets/quotes");
  } catch (const YAML::Exception& e) {
    fail(fallback, fmt::format("YAML error: {}", e.msg));
  }
  Converter converter(where);
  return converter.convert(root, fallback, 0);
}

SourceNode parse_yaml_file_text(const std::string& text, const std::string& file) {
  auto name = std::make_shared<const std::string>(file);
  const MarkToOrigin where = [name](const YAML::Mark& m) { return Origin{name, m.line + 1, m.column + 1}; };
  return parse_yaml(text, where, Origin{name, 1, 1});
}

}  // namespace pfsim::loader::detail
