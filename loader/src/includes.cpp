#include "includes.hpp"

#include <memory>
#include <stdexcept>

#include "parse_csv.hpp"
#include "parse_yaml.hpp"

namespace pfsim::loader::detail {
namespace {

// Relative to the directory of the file that names it; a name given with --set is relative to the working directory.
std::filesystem::path path_named_by(const SourceNode& name) {
  const std::string& from = name.origin.file_name();
  const std::filesystem::path base = from == "--set" ? std::filesystem::path{} : std::filesystem::path(from).parent_path();
  return (base / name.text).lexically_normal();
}

// A scalar the builder reads as a file name (read_string accepts it) and the read step has not read yet.
bool names_unread_file(const SourceNode& node) {
  return node.kind == SourceNode::Kind::Scalar && !node.text.empty() && !node.included;
}

template <class Parse>
void read_one(SourceNode& name, Parse parse) {
  auto file = std::make_shared<IncludedFile>();
  file->path = path_named_by(name);
  std::string text;
  file->problem = read_text_file(file->path, text);
  if (!file->problem) {
    try {
      file->content = parse(text, file->path.string());
    } catch (...) {
      file->parse_error = std::current_exception();
    }
  }
  name.included = std::move(file);
}

}  // namespace

void read_included_files(SourceNode& root) {
  if (root.kind != SourceNode::Kind::Map) return;
  if (SourceNode* schemes = root.find("schemes"); schemes && schemes->kind == SourceNode::Kind::List)
    for (SourceNode& item : schemes->items)
      if (SourceNode* file = item.find("file"); file && names_unread_file(*file))
        read_one(*file, [](const std::string& text, const std::string& path) { return parse_yaml_file_text(text, path); });
  if (SourceNode* census = root.find("census"); census && names_unread_file(*census))
    read_one(*census, [](const std::string& text, const std::string& path) { return csv_rows(text, path, 1); });
}

const IncludedFile& included_file(const At& at) {
  const IncludedFile* file = at.node().included.get();
  if (!file) throw std::logic_error("loader: " + at.path() + " names a file the read step did not read");
  if (file->parse_error) std::rethrow_exception(file->parse_error);
  return *file;
}

}  // namespace pfsim::loader::detail
