#include "yaml_documents.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace pfsim::loader::detail {
namespace {

// Records where a document starts and whether it holds anything but a bare null (`---` alone, or a trailing `---`).
class DocumentProbe : public YAML::EventHandler {
 public:
  YAML::Mark start;
  bool has_content = false;

  void OnDocumentStart(const YAML::Mark& mark) override {
    start = mark;
    has_content = false;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { has_content = true; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {
    has_content = true;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    has_content = true;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    has_content = true;
  }
  void OnMapEnd() override {}
};

// Builds the graph the way yaml-cpp's NodeBuilder builds its nodes: a node gets the mark of its event, an anchor
// names the node from its start (so an alias inside it refers to it), an alias adds the anchored node again.
class GraphBuilder final : public DocumentProbe {
 public:
  explicit GraphBuilder(YamlGraph& graph) : graph_(graph) { anchors_.push_back(0); }  // anchors count from 1

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(YamlGraph::Kind::Null, mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    DocumentProbe::OnAlias(mark, anchor);
    attach(anchors_.at(anchor));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    DocumentProbe::OnScalar(mark, tag, anchor, value);
    YamlGraph::Node& node = graph_.nodes[add(YamlGraph::Kind::Scalar, mark, anchor)];
    node.text = value;
    node.plain = tag == "?";
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    DocumentProbe::OnSequenceStart(mark, tag, anchor, style);
    open_.push_back(add(YamlGraph::Kind::List, mark, anchor));
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    DocumentProbe::OnMapStart(mark, tag, anchor, style);
    open_.push_back(add(YamlGraph::Kind::Map, mark, anchor));
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  std::uint32_t add(YamlGraph::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto id = static_cast<std::uint32_t>(graph_.nodes.size());
    graph_.nodes.push_back(YamlGraph::Node{kind, true, mark, {}, {}});
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
      anchors_[anchor] = id;
    }
    attach(id);
    return id;
  }
  void attach(std::uint32_t id) {
    if (open_.empty()) {
      if (!graph_.root) graph_.root = id;
      return;
    }
    graph_.nodes[open_.back()].children.push_back(id);
  }

  YamlGraph& graph_;
  std::vector<std::uint32_t> open_;     // the lists and maps being read, innermost last
  std::vector<std::uint32_t> anchors_;  // yaml-cpp's anchor number -> node
};

}  // namespace

DocumentScan scan_documents(const std::string& text) {
  DocumentScan scan;
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  GraphBuilder first(scan.first);
  DocumentProbe rest;
  int previous_pos = -1;
  for (int index = 0;; ++index) {
    DocumentProbe& probe = index == 0 ? static_cast<DocumentProbe&>(first) : rest;
    if (!parser.HandleNextDocument(probe)) break;
    // Each document starts further into the text; one that starts where the last did means the parser is looping
    // on a token it does not consume (yaml-cpp 0.7), so stop here rather than never.
    if (probe.start.pos <= previous_pos) {
      scan.stuck_at = probe.start;
      return scan;
    }
    previous_pos = probe.start.pos;
    if (index > 0 && probe.has_content && !scan.second_document) scan.second_document = probe.start;
  }
  return scan;
}

}  // namespace pfsim::loader::detail
