#include "ingest/profile.h"

#include "base/utf8.h"

namespace lectern {

std::optional<LabelSplit> SplitLabel(std::string_view text, size_t max_bytes) {
  constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // '：'
  const size_t limit = std::min(text.size(), max_bytes);
  for (size_t i = 0; i < limit; ++i) {
    size_t colon_bytes = 0;
    if (text[i] == ':') {
      colon_bytes = 1;
    } else if (text.compare(i, kFullWidthColon.size(), kFullWidthColon) == 0) {
      colon_bytes = kFullWidthColon.size();
    }
    if (colon_bytes == 0) continue;
    std::string_view label = TrimAsciiSpace(text.substr(0, i));
    if (label.empty()) return std::nullopt;
    size_t body = i + colon_bytes;
    while (body < text.size() && text[body] == ' ') ++body;
    return LabelSplit{label, body};
  }
  return std::nullopt;
}

}  // namespace lectern
