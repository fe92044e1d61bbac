// The web page's files (web/), compiled into the binary at build time by
// cmake/embed_assets.cmake, so `lectern serve` needs nothing beside it and
// nothing from the network. Lookup is by exact name in a fixed table: no
// request path ever reaches the file system.
#pragma once

#include <string_view>

namespace lectern {

struct Asset {
  std::string_view path;          // "index.html", "js/app.js" (relative to web/)
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view data;
  std::string_view etag;  // a hash of data, quoted, for conditional requests
};

// The asset at `path` (no leading slash), or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace lectern
