#include "extends.hpp"

#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "build.hpp"
#include "limits.hpp"
#include "parse_yaml.hpp"
#include "pfsim/loader/load.hpp"
#include "reader.hpp"
#include "yaml_merge.hpp"

namespace pfsim::loader::detail {
namespace {

namespace fs = std::filesystem;

// Canonical where possible, so "a.yaml" and "./x/../a.yaml" are recognised as the same file in a cycle.
fs::path identity(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  return ec ? fs::absolute(file, ec).lexically_normal() : canonical;
}

std::string describe_cycle(const std::vector<fs::path>& chain, const fs::path& again) {
  std::string text;
  bool started = false;
  for (const auto& file : chain) {
    if (file == again) started = true;
    if (started) text += file.filename().string() + " -> ";
  }
  return text + again.filename().string();
}

// `chain` holds the identities of the files being loaded, outermost first; `via` is the `extends:` value that
// named `file` (nullptr for the file given by the user), which is where a missing base file is reported.
SourceNode load_chain(const fs::path& file, std::vector<fs::path>& chain, const At* via);

// The scenario text `text`, named `label` in messages; an `extends:` in it is relative to `directory`.
SourceNode load_chain_text(const std::string& text, const std::string& label, const fs::path& directory,
                           std::vector<fs::path>& chain) {
  SourceNode root = parse_yaml_file_text(text, label);
  const At top(root, "", "");
  if (root.kind == SourceNode::Kind::Null)
    top.fail("the file is empty", "a scenario starts with `pfsim: 1` and `name: ...`");
  top.expect_map("scenario settings (pfsim, name, run, ...)");
  // The version belongs to each file's text: a base written for another schema cannot be merged blindly.
  check_schema_version(top);

  const auto extends = top.get("extends");
  if (!extends) return root;
  // One base, or a list merged in order (later files win), e.g. a winter and a planned-care variant of one baseline.
  std::vector<At> bases;
  if (extends->node().kind == SourceNode::Kind::Map)
    extends->fail("expected a file name or a list of file names, got a map", "write `extends: base.yaml` or `extends: [a.yaml, b.yaml]`");
  if (extends->node().kind == SourceNode::Kind::List) {
    bases = extends->items();
    if (bases.empty()) extends->fail("empty list of base files", "name at least one file, e.g. `extends: [base.yaml]`, or remove the key");
  } else {
    bases.push_back(*extends);
  }
  std::optional<SourceNode> merged;
  for (const At& base : bases) {
    const fs::path base_file = (directory / read_string(base)).lexically_normal();
    const fs::path base_identity = identity(base_file);
    for (const auto& seen : chain)
      if (seen == base_identity)
        base.fail(fmt::format("extends cycle: {}", describe_cycle(chain, base_identity)),
                  "remove the `extends:` that leads back to a file already being extended");
    if (static_cast<int>(chain.size()) >= kMaxExtendsDepth)
      base.fail(fmt::format("more than {} files extend each other", kMaxExtendsDepth), "flatten the chain of bases");
    chain.push_back(base_identity);
    SourceNode loaded = load_chain(base_file, chain, &base);
    chain.pop_back();
    if (merged) merge_into(*merged, std::move(loaded));
    else merged = std::move(loaded);
  }
  root.erase("extends");
  merge_into(*merged, std::move(root));
  return std::move(*merged);
}

SourceNode load_chain(const fs::path& file, std::vector<fs::path>& chain, const At* via) {
  std::string text;
  if (auto problem = read_text_file(file, text)) {
    if (via)
      via->fail(fmt::format("cannot read \"{}\" ({}): {}", via->node().text, file.string(), *problem),
                via->node().text.find('\\') != std::string::npos
                    ? "separate directories with /, which works on every system"
                    : "the path is relative to the directory of the file that extends it");
    throw ScenarioError(file.string(), 0, 0, "", fmt::format("cannot read scenario file: {}", *problem),
                        "check the path and that the file is readable");
  }
  return load_chain_text(text, file.string(), file.parent_path(), chain);
}

}  // namespace

SourceNode load_with_extends(const fs::path& file) {
  std::vector<fs::path> chain{identity(file)};
  return load_chain(file, chain, nullptr);
}

SourceNode load_text_with_extends(const std::string& text, const std::string& label, const fs::path& directory) {
  std::vector<fs::path> chain;
  return load_chain_text(text, label, directory, chain);
}

}  // namespace pfsim::loader::detail
