#include "yaml_documents.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace pfsim::loader::detail {
namespace {

// Records where a document starts and whether it holds anything but a bare null (`---` alone, or a trailing `---`).
class DocumentProbe final : public YAML::EventHandler {
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

}  // namespace

DocumentScan scan_documents(const std::string& text) {
  DocumentScan scan;
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentProbe probe;
  int previous_pos = -1;
  for (int index = 0; parser.HandleNextDocument(probe); ++index) {
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
