#include "access_token.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace pfsim::serve {
namespace {
constexpr std::string_view kCookie = "pfsim_token=";

// Equal length and every byte compared, so the time taken says nothing about how much of a guess was right.
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string cookie_token(const httplib::Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  for (std::size_t at = cookies.find(kCookie); at != std::string::npos; at = cookies.find(kCookie, at + 1)) {
    if (at != 0 && cookies[at - 1] != ' ' && cookies[at - 1] != ';') continue;  // e.g. "xpfsim_token="
    const std::size_t begin = at + kCookie.size();
    return cookies.substr(begin, cookies.find(';', begin) - begin);
  }
  return {};
}
}  // namespace

std::string random_token() {
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  std::array<unsigned char, 16> bytes{};
  if (!urandom.read(reinterpret_cast<char*>(bytes.data()), bytes.size()))
    throw std::runtime_error("pfsim serve: cannot read /dev/urandom for the access token");
  std::string token;
  for (const unsigned char b : bytes) {
    std::array<char, 3> hex{};
    std::snprintf(hex.data(), hex.size(), "%02x", b);
    token += hex.data();
  }
  return token;
}

bool carries_token(const httplib::Request& request, const std::string& token) {
  if (request.has_param("token") && same(request.get_param_value("token"), token)) return true;
  return same(cookie_token(request), token);
}

std::string token_cookie(const std::string& token) {
  // HttpOnly: page scripts never need it; SameSite=Strict: another site's page cannot send it.
  return std::string(kCookie) + token + "; Path=/; HttpOnly; SameSite=Strict";
}

}  // namespace pfsim::serve
