#include "scenario_form.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "pfsim/loader/key_units.hpp"

namespace pfsim::serve {
namespace {

// A map key or list-item name as one step, quoted in brackets when a dot would misread it (as --set writes it).
std::string step_text(const std::string& key) {
  if (key.find_first_of(". []\"") == std::string::npos) return key;
  std::string quoted = "[\"";
  for (const char c : key) quoted += c == '"' ? std::string("\\\"") : std::string(1, c);
  return quoted + "\"]";
}

std::string join(const std::string& path, const std::string& step) { return path.empty() ? step : path + "." + step; }

// Lists whose items all have a scalar `name` are addressed by name (sites.Southend), others by index ([2]).
bool named_items(const YAML::Node& list) {
  if (list.size() == 0) return false;
  return std::all_of(list.begin(), list.end(), [](const YAML::Node& item) { return item.IsMap() && item["name"] && item["name"].IsScalar(); });
}

// Calls visit(key path, scalar node, line of the key or -1) for every scalar under `node`.
void walk(const YAML::Node& node, const std::string& path, int key_line,
          const std::function<void(const std::string&, const YAML::Node&, int)>& visit) {
  if (node.IsScalar()) {
    visit(path, node, key_line);
  } else if (node.IsMap()) {
    for (const auto& entry : node)
      walk(entry.second, join(path, step_text(entry.first.as<std::string>())), entry.first.Mark().line, visit);
  } else if (node.IsSequence()) {
    const bool by_name = named_items(node);
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string step = by_name ? join(path, step_text(node[i]["name"].as<std::string>())) : path + "[" + std::to_string(i) + "]";
      walk(node[i], step, node[i].Mark().line, visit);
    }
  }
}

// The text after a '#' that starts a comment (outside quotes), trimmed; empty when the line has none.
std::string comment_of(const std::string& line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      const std::size_t begin = line.find_first_not_of(" #", i);
      return begin == std::string::npos ? std::string() : line.substr(begin);
    }
  }
  return {};
}

bool comment_only(const std::string& line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != std::string::npos && line[first] == '#';
}

constexpr std::size_t kLongestNote = 400;

// key path -> note, from the file as written.
std::map<std::string, std::string> notes_of(const std::string& source_text) {
  std::map<std::string, std::string> notes;
  std::vector<std::string> lines;
  std::istringstream in(source_text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  YAML::Node source;
  try {
    source = YAML::Load(source_text);
  } catch (const YAML::Exception&) {
    return notes;  // the loader has already accepted the file; a note is a nicety
  }
  walk(source, "", -1, [&](const std::string& path, const YAML::Node& scalar, int key_line) {
    const int line = scalar.Mark().line;
    std::string note = line >= 0 && static_cast<std::size_t>(line) < lines.size() ? comment_of(lines[static_cast<std::size_t>(line)]) : "";
    if (note.empty() && key_line > 0) {
      std::vector<std::string> above;
      for (int l = key_line - 1; l >= 0 && comment_only(lines[static_cast<std::size_t>(l)]); --l)
        above.insert(above.begin(), comment_of(lines[static_cast<std::size_t>(l)]));
      for (const auto& text : above) note += (note.empty() ? "" : " ") + text;
    }
    if (note.size() > kLongestNote) note = note.substr(0, kLongestNote) + "…";
    if (!note.empty()) notes.emplace(path, note);
  });
  return notes;
}
}  // namespace

std::vector<FormField> form_fields(const std::string& resolved_yaml, const std::string& source_text) {
  const std::map<std::string, std::string> notes = notes_of(source_text);
  std::vector<FormField> fields;
  walk(YAML::Load(resolved_yaml), "", -1, [&](const std::string& path, const YAML::Node& scalar, int) {
    const auto note = notes.find(path);
    fields.push_back({path, scalar.Scalar(), note == notes.end() ? std::string() : note->second,
                      loader::units_of_key(path, scalar.Scalar())});
  });
  return fields;
}

}  // namespace pfsim::serve
