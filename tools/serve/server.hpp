#pragma once
// pfsim serve: the local web application. Binds, prints the URL with its access token, and serves until killed.
#include <cstddef>
#include <string>

namespace pfsim::serve {

struct ServeSettings {
  std::string workspace = ".";
  std::string host = "127.0.0.1";  ///< loopback only unless --host says otherwise
  int port = 8710;                 ///< 0 = any free port (the URL printed says which)
  std::size_t queue = 4;           ///< jobs waiting or running at most
  std::size_t body_limit = 1 << 20;
};

/// Serves until the process is stopped. Throws run::BadArgument when the workspace or the address is unusable.
int serve(const ServeSettings& settings);

}  // namespace pfsim::serve
