#pragma once
// The access token of a pfsim serve session: random, printed once in the start-up URL, and required on every request
// so that another local user or a web page in the planner's own browser cannot drive the server.
#include <string>

#include <httplib.h>

namespace pfsim::serve {

/// 32 hex digits (128 bits) from /dev/urandom. Throws std::runtime_error when it cannot be read.
std::string random_token();

/// True when the request carries `token` as ?token= or in the pfsim_token cookie. Compared in constant time.
bool carries_token(const httplib::Request& request, const std::string& token);

/// The Set-Cookie value that lets the page's own requests (downloads, server-sent events) carry the token.
std::string token_cookie(const std::string& token);

}  // namespace pfsim::serve
