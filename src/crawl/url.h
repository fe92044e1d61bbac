// URLs as the crawler needs them: split, resolved against a page, and
// rewritten to another origin (the fixture-site option, --base-url).
// Only http and https; anything else (mailto:, javascript:) is no URL here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lectern {

struct Url {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case
  std::string port;    // empty for the scheme's default
  std::string path;    // starts with "/"
  std::string query;   // without "?"; the fragment is dropped

  std::string Origin() const;     // "https://host[:port]"
  std::string PathQuery() const;  // "/path[?query]"
  std::string ToString() const { return Origin() + PathQuery(); }
};

std::optional<Url> ParseUrl(std::string_view text);

// `href` as a browser resolves it on the page at `base` (absolute,
// scheme-relative "//host/...", root-relative "/...", or relative with
// "./" and "../"). nullopt for other schemes and empty hrefs.
std::optional<Url> ResolveUrl(const Url& base, std::string_view href);

}  // namespace lectern
