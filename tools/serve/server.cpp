#include "server.hpp"

#include <cstdio>
#include <exception>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access_token.hpp"
#include "api_routes.hpp"
#include "pfsim/run/bad_argument.hpp"
#include "run_job.hpp"
#include "run_queue.hpp"
#include "web_assets.hpp"
#include "workspace.hpp"

namespace pfsim::serve {
namespace {

void refuse(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json");
}

// Every request must carry the token; the page itself, opened from the printed URL, turns it into a cookie so its
// own requests (and downloads, and the event stream) carry it without putting it in every link.
httplib::Server::HandlerResponse check_token(const httplib::Request& req, httplib::Response& res, const std::string& token) {
  if (!carries_token(req, token)) {
    refuse(res, 401, "pfsim serve: missing or wrong access token (hint: open the URL pfsim serve printed when it started)");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.has_param("token")) res.set_header("Set-Cookie", token_cookie(token));
  // No other site may frame the page or read its answers; nothing is cached, since every answer is private.
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  return httplib::Server::HandlerResponse::Unhandled;
}

void add_page_routes(httplib::Server& server) {
  server.Get(R"(/(|index\.html|app\.js|app\.css))", [](const httplib::Request& req, httplib::Response& res) {
    const auto asset = web_asset(req.path);
    res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
    res.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  });
}

void handle_exception(const httplib::Request&, httplib::Response& res, const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const PathRefused& e) {
    refuse(res, 403, fmt::format("pfsim serve: {}", e.what()));
  } catch (const std::exception& e) {
    refuse(res, 500, fmt::format("pfsim serve: {}", e.what()));
  } catch (...) {
    refuse(res, 500, "pfsim serve: internal error");
  }
}
}  // namespace

int serve(const ServeSettings& settings) {
  const Workspace workspace(settings.workspace);
  const std::string token = random_token();
  const std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
  RunQueue queue(settings.queue, [&](Job& job) { run_job(job, workspace, threads); });

  httplib::Server server;
  server.set_payload_max_length(settings.body_limit);  // a longer body is refused with 413 before it is read
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) { return check_token(req, res, token); });
  server.set_exception_handler(handle_exception);
  add_page_routes(server);
  add_api_routes(server, workspace, queue);

  const int port = settings.port == 0 ? server.bind_to_any_port(settings.host) : (server.bind_to_port(settings.host, settings.port) ? settings.port : -1);
  if (port < 0)
    throw run::BadArgument(fmt::format("pfsim serve: cannot listen on {}:{} (hint: is the port in use or the address not this "
                                       "machine's? --port 0 picks a free port)", settings.host, settings.port));
  // A host that only names every interface (0.0.0.0, ::) is no address to open; the loopback one is.
  const bool any = settings.host == "0.0.0.0" || settings.host == "::";
  const std::string shown = any ? "127.0.0.1" : settings.host.find(':') != std::string::npos ? "[" + settings.host + "]" : settings.host;
  fmt::print("pfsim serve: open http://{}:{}/?token={} (workspace {}; Ctrl-C stops)\n", shown, port, token, workspace.root().string());
  if (settings.host != "127.0.0.1" && settings.host != "localhost" && settings.host != "::1")
    fmt::print(stderr, "pfsim serve: WARNING: listening on {}, not loopback only: anyone who can reach it and has the URL can run "
                       "scenarios and read the workspace; plain HTTP, so the token crosses the network unencrypted\n", settings.host);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}

}  // namespace pfsim::serve
