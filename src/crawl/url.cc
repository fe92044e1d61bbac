#include "crawl/url.h"

#include <vector>

namespace lectern {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Removes "." and ".." segments (RFC 3986 5.2.4), keeping a trailing "/".
std::string NormalisePath(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;
  bool trailing = false;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    trailing = end == path.size() && (seg == "." || seg == ".." || seg.empty());
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (seg != "." && !(seg.empty() && end != path.size())) {
      if (!seg.empty()) segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view s : segments) out += "/" + std::string(s);
  if (out.empty() || trailing) out += "/";
  return out;
}

std::string_view StripFragment(std::string_view s) {
  size_t hash = s.find('#');
  return hash == std::string_view::npos ? s : s.substr(0, hash);
}

std::string TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string Url::Origin() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }

std::string Url::PathQuery() const { return path + (query.empty() ? "" : "?" + query); }

std::optional<Url> ParseUrl(std::string_view text) {
  std::string trimmed = TrimSpace(text);
  std::string_view s = StripFragment(trimmed);
  size_t colon = s.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  Url url;
  url.scheme = Lower(s.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  s.remove_prefix(colon + 3);
  size_t slash = s.find_first_of("/?");
  std::string_view authority = s.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no credentials
  size_t port = authority.rfind(':');
  if (port != std::string_view::npos) {
    url.port = std::string(authority.substr(port + 1));
    authority = authority.substr(0, port);
    if ((url.scheme == "http" && url.port == "80") || (url.scheme == "https" && url.port == "443"))
      url.port.clear();
  }
  url.host = Lower(authority);
  if (url.host.empty()) return std::nullopt;
  std::string_view rest = slash == std::string_view::npos ? "" : s.substr(slash);
  size_t q = rest.find('?');
  std::string_view path = rest.substr(0, q);
  if (q != std::string_view::npos) url.query = std::string(rest.substr(q + 1));
  url.path = path.empty() ? "/" : NormalisePath(path);
  return url;
}

std::optional<Url> ResolveUrl(const Url& base, std::string_view href_text) {
  std::string trimmed = TrimSpace(href_text);
  std::string_view href = StripFragment(trimmed);
  if (href.empty()) return std::nullopt;
  if (href.find("://") != std::string_view::npos) return ParseUrl(href);
  size_t colon = href.find(':');
  size_t slash = href.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash))
    return std::nullopt;  // mailto:, javascript:, ...
  if (href.rfind("//", 0) == 0) return ParseUrl(base.scheme + ":" + std::string(href));
  Url url = base;
  url.query.clear();
  size_t q = href.find('?');
  std::string_view path = href.substr(0, q);
  std::string query = q == std::string_view::npos ? "" : std::string(href.substr(q + 1));
  if (path.empty()) {
    url.query = q == std::string_view::npos ? base.query : query;
    return url;
  }
  if (path.front() == '/') {
    url.path = NormalisePath(path);
  } else {
    std::string dir = base.path.substr(0, base.path.rfind('/') + 1);
    url.path = NormalisePath(dir + std::string(path));
  }
  url.query = query;
  return url;
}

}  // namespace lectern
