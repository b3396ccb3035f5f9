#pragma once
// The page's static files (serve/web), compiled into pfsim so the server needs no install folder and no network.
#include <optional>
#include <string_view>

namespace pfsim::serve {

struct WebAsset {
  std::string_view content_type, body;
};

/// The asset served at `path` ("/", "/app.js", "/app.css"), or nullopt.
std::optional<WebAsset> web_asset(std::string_view path);

}  // namespace pfsim::serve
