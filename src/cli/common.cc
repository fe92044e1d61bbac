#include "cli/common.h"

#include <cstdio>
#include <cstdlib>

#include "base/utf8.h"

namespace lectern {

std::string DefaultIndexDir() {
  const char* env = std::getenv("LECTERN_INDEX");
  return env != nullptr && *env != '\0' ? env : "lectern-index";
}

void PrintError(const Status& status) {
  std::fprintf(stderr, "lectern: %s\n", status.message().c_str());
}

std::string PointAtColumn(std::string_view query, const std::string& message) {
  if (message.rfind("col ", 0) != 0) return "";
  size_t column = std::strtoul(message.c_str() + 4, nullptr, 10);
  if (column == 0) return "";
  std::string caret = "  ";
  size_t pos = 0, seen = 1;
  while (pos < query.size() && seen < column) {
    NextCodePoint(query, &pos);
    caret.push_back(' ');
    ++seen;
  }
  return "  " + std::string(query) + "\n" + caret + "^\n";
}

std::string Abbreviate(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
  return std::string(text.substr(0, cut)) + " …";
}

}  // namespace lectern
