#include "api_routes.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pfsim/loader/allowed_keys.hpp"
#include "pfsim/loader/key_units.hpp"
#include "pfsim/loader/load.hpp"
#include "run_job.hpp"
#include "scenario_form.hpp"
#include "workspace_scenario.hpp"

namespace pfsim::serve {
namespace {
using nlohmann::json;

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) { send_json(res, {{"error", message}}, status); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A list of "key=value" strings into `out`; false when `list` is not that.
bool read_overrides(const json& list, std::vector<std::string>& out) {
  if (!list.is_array()) return false;
  for (const auto& o : list) {
    if (!o.is_string()) return false;
    out.push_back(o.get<std::string>());
  }
  return true;
}

// A comparison's options at most: each is a whole run of every replication, and they share one queue slot.
constexpr std::size_t kMostOptions = 6;
constexpr std::size_t kLongestLabel = 32;

// An option label names an HDF5 group (/compare/<label>/) and a file's stem in messages: letters, digits, - and _.
bool good_label(const std::string& label) {
  return !label.empty() && label.size() <= kLongestLabel && label != "base" &&
         std::all_of(label.begin(), label.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

// "options": [{label, overrides}, ...] into `request`; the error text, or empty.
std::string read_options(const json& options, JobRequest& request) {
  const std::string shape = fmt::format("\"options\" must be a list of 1 to {} {{\"label\": \"name\", \"overrides\": [\"key=value\", ...]}}", kMostOptions);
  if (!options.is_array() || options.empty() || options.size() > kMostOptions) return shape;
  for (const auto& o : options) {
    OptionDraft draft;
    if (!o.is_object() || !o.contains("label") || !o["label"].is_string() || (o.contains("overrides") && !read_overrides(o["overrides"], draft.overrides)))
      return shape;
    draft.label = o["label"].get<std::string>();
    if (!good_label(draft.label))
      return fmt::format("option label \"{}\": use 1 to {} letters, digits, - or _, and not \"base\"", draft.label, kLongestLabel);
    if (std::any_of(request.options.begin(), request.options.end(), [&](const OptionDraft& d) { return d.label == draft.label; }))
      return fmt::format("option label \"{}\" is given twice (hint: name each option differently)", draft.label);
    request.options.push_back(std::move(draft));
  }
  return {};
}

// A request body {path, overrides, kind, options}; nullopt (and a 400 sent) when it is not that. A comparison without
// "options" compares the edited scenario ("overrides") with the base, as one option named "edited".
std::optional<JobRequest> job_request(const httplib::Request& req, httplib::Response& res, const Workspace& workspace) {
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("path") || !body["path"].is_string()) {
    send_error(res, 400, "expected a JSON object with \"path\" (and \"overrides\": [\"key=value\", ...])");
    return std::nullopt;
  }
  JobRequest request;
  request.scenario = body["path"].get<std::string>();
  request.scenario_file = workspace.resolve(request.scenario);  // PathRefused → 403 by the exception handler
  if (body.contains("overrides") && !read_overrides(body["overrides"], request.overrides)) {
    send_error(res, 400, "\"overrides\" must be a list of \"key=value\" strings");
    return std::nullopt;
  }
  const json kind = body.value("kind", json("run"));
  if (kind != "run" && kind != "compare") {
    send_error(res, 400, "\"kind\" must be \"run\" or \"compare\"");
    return std::nullopt;
  }
  request.kind = kind == "compare" ? JobKind::Compare : JobKind::Run;
  if (body.contains("options")) {
    if (request.kind != JobKind::Compare) {
      send_error(res, 400, "\"options\" go with \"kind\": \"compare\"");
      return std::nullopt;
    }
    if (const std::string error = read_options(body["options"], request); !error.empty()) {
      send_error(res, 400, error);
      return std::nullopt;
    }
  } else if (request.kind == JobKind::Compare) {
    request.options.push_back({"edited", request.overrides});
  }
  return request;
}

// Builds the scenario as the job would, so a bad value is the loader's own one-line message before anything queues.
std::string validation_error(const Workspace& workspace, const JobRequest& request) {
  try {
    load_in_workspace(workspace, request.scenario_file, request.overrides);
    if (request.kind == JobKind::Compare) load_in_workspace(workspace, request.scenario_file, base_overrides(request.overrides));
  } catch (const loader::ScenarioError& e) {
    return e.what();
  }
  for (const OptionDraft& option : request.options) {
    try {
      load_in_workspace(workspace, request.scenario_file, option_overrides(request, option));
    } catch (const loader::ScenarioError& e) {
      return fmt::format("option {}: {}", option.label, e.what());
    }
  }
  return {};
}

std::shared_ptr<Job> job_of(const httplib::Request& req, httplib::Response& res, const RunQueue& queue) {
  auto job = queue.find(req.matches[1]);
  if (!job) send_error(res, 404, "no such job");
  return job;
}

// The run settings a planner changes most, shown even when the file leaves them at their defaults (which the
// resolved scenario then does not write), so a short trial run needs no YAML.
void add_run_defaults(json& fields, const scenario::Scenario& scenario) {
  const auto& run = scenario.run;
  const std::vector<std::pair<std::string, std::string>> defaults = {
      {"run.days", std::to_string(run.days)}, {"run.warmup_days", run.warmup_auto ? "auto" : std::to_string(run.warmup_days)},
      {"run.replications", std::to_string(run.replications)}, {"run.seed", std::to_string(run.seed)}};
  std::size_t at = 0;
  for (const auto& [key, value] : defaults) {
    const bool present = std::any_of(fields.begin(), fields.end(), [&](const json& f) { return f["key"] == key; });
    if (!present)
      fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(at++),
                    json{{"key", key}, {"value", value}, {"note", "default"}, {"units", loader::units_of_key(key, value)}});
  }
}

// Every key the loader allows at a map it read that the file does not set: an empty field (the loader's default
// applies, or the section is off) a planner can fill in, which then goes through --set like any edit.
void add_keys_left_out(json& fields, const std::vector<loader::AllowedKeys>& maps) {
  std::vector<std::string> present;
  for (const json& f : fields) present.push_back(f["key"]);
  const auto is_set = [&](const std::string& key) {
    return std::any_of(present.begin(), present.end(), [&](const std::string& p) {
      return p == key || (p.size() > key.size() && p.compare(0, key.size(), key) == 0 && (p[key.size()] == '.' || p[key.size()] == '['));
    });
  };
  for (const auto& map : maps)
    for (const auto& name : map.keys) {
      const std::string key = map.path.empty() ? name : map.path + "." + name;
      if (is_set(key)) continue;
      fields.push_back({{"key", key}, {"value", ""}, {"note", "not in the file: the loader's default applies (or the section is off)"},
                        {"units", loader::units_of_key(key, "")}, {"left_out", true}});
    }
}

bool finished(JobState state) { return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled; }

void send_download(httplib::Response& res, const std::filesystem::path& file, const std::string& type) {
  if (file.empty()) return send_error(res, 404, "the job has not written this file (it is not done)");
  res.set_content(read_file(file), type.c_str());
  res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", file.filename().string()));
}
}  // namespace

void add_api_routes(httplib::Server& server, const Workspace& workspace, RunQueue& queue) {
  server.Get("/api/scenarios", [&](const httplib::Request&, httplib::Response& res) {
    send_json(res, {{"workspace", workspace.root().string()}, {"files", workspace.scenario_files()}});
  });

  server.Get("/api/scenario", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string path = req.get_param_value("path");
    const std::filesystem::path file = workspace.resolve(path);
    try {
      loader::AllowedKeysRecorder allowed;  // the loader's own key lists, for the keys the file leaves out
      const scenario::Scenario scenario = load_in_workspace(workspace, file);
      json fields = json::array();
      for (const auto& f : form_fields(scenario.resolved_yaml, read_file(file)))
        fields.push_back({{"key", f.key}, {"value", f.value}, {"note", f.note}, {"units", f.units}});
      add_run_defaults(fields, scenario);
      add_keys_left_out(fields, allowed.maps());
      send_json(res, {{"path", path}, {"name", scenario.name}, {"fields", std::move(fields)}});
    } catch (const loader::ScenarioError& e) {
      send_error(res, 422, e.what());
    }
  });

  server.Post("/api/validate", [&](const httplib::Request& req, httplib::Response& res) {
    const auto request = job_request(req, res, workspace);
    if (!request) return;
    const std::string error = validation_error(workspace, *request);
    send_json(res, error.empty() ? json{{"ok", true}} : json{{"ok", false}, {"error", error}});
  });

  // The edited scenario as YAML: the resolved scenario with the page's values, as the results file embeds it.
  server.Post("/api/edited.yaml", [&](const httplib::Request& req, httplib::Response& res) {
    const auto request = job_request(req, res, workspace);
    if (!request) return;
    try {
      const scenario::Scenario scenario = load_in_workspace(workspace, request->scenario_file, request->overrides);
      std::string header = fmt::format("# {} as edited in pfsim serve", request->scenario);
      for (const auto& o : request->overrides) header += fmt::format("\n#   --set {}", o);
      res.set_content(header + "\n" + scenario.resolved_yaml, "application/yaml");
      const std::string stem = std::filesystem::path(request->scenario).stem().string();
      res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}-edited.yaml\"", stem));
    } catch (const loader::ScenarioError& e) {
      send_error(res, 422, e.what());
    }
  });

  server.Post("/api/jobs", [&](const httplib::Request& req, httplib::Response& res) {
    const auto request = job_request(req, res, workspace);
    if (!request) return;
    if (const std::string error = validation_error(workspace, *request); !error.empty()) return send_error(res, 422, error);
    const auto job = queue.submit(*request);
    if (!job) return send_error(res, 429, "the run queue is full (hint: wait for a run to finish, or cancel one)");
    send_json(res, job->status(), 202);
  });

  server.Get(R"(/api/jobs/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    if (const auto job = job_of(req, res, queue)) send_json(res, job->status());
  });

  server.Post(R"(/api/jobs/(\d+)/cancel)", [&](const httplib::Request& req, httplib::Response& res) {
    if (const auto job = job_of(req, res, queue)) {
      job->cancel();
      send_json(res, job->status());
    }
  });

  // Progress as server-sent events: one `progress` event a few times a second (with "partial", the results of the
  // replications done so far, when there are new ones), then one `end` event with the result.
  server.Get(R"(/api/jobs/(\d+)/events)", [&](const httplib::Request& req, httplib::Response& res) {
    const auto job = job_of(req, res, queue);
    if (!job) return;
    res.set_header("Cache-Control", "no-store");
    auto partial_seen = std::make_shared<std::size_t>(0);
    res.set_chunked_content_provider("text/event-stream", [job, partial_seen](std::size_t, httplib::DataSink& sink) {
      const JobState state = job->state();
      nlohmann::json status = job->status();
      // The results so far, each version once per stream (the page fills the KPI table and charts in as they come).
      if (auto partial = job->partial_since(*partial_seen); partial && !finished(state)) status["partial"] = std::move(*partial);
      const std::string event = fmt::format("event: {}\ndata: {}\n\n", finished(state) ? "end" : "progress", status.dump());
      if (!sink.write(event.data(), event.size())) return false;
      if (finished(state)) {
        sink.done();
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      return true;
    });
  });

  server.Get(R"(/api/jobs/(\d+)/results.h5)", [&](const httplib::Request& req, httplib::Response& res) {
    if (const auto job = job_of(req, res, queue)) send_download(res, job->files().results, "application/x-hdf5");
  });
  server.Get(R"(/api/jobs/(\d+)/report.html)", [&](const httplib::Request& req, httplib::Response& res) {
    if (const auto job = job_of(req, res, queue)) send_download(res, job->files().report, "text/html; charset=utf-8");
  });
  server.Get(R"(/api/jobs/(\d+)/results.xlsx)", [&](const httplib::Request& req, httplib::Response& res) {
    if (const auto job = job_of(req, res, queue))
      send_download(res, job->files().workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
}

}  // namespace pfsim::serve
