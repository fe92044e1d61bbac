#include "cli/columns.h"

#include "base/utf8.h"

namespace lectern {

int DisplayWidth(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::vector<std::string> WrapToWidth(std::string_view text, int width) {
  std::vector<std::string> lines;
  std::string line;
  int used = 0;
  size_t last_space = std::string::npos;  // in `line`
  int used_at_space = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = NextCodePoint(text, &i);
    if (cp == '\n') {
      lines.push_back(line);
      line.clear();
      used = 0;
      last_space = std::string::npos;
      continue;
    }
    const int w = DisplayWidth(cp);
    if (used + w > width) {
      if (cp == ' ') {  // a space at the edge just ends the line
        lines.push_back(line);
        line.clear();
        used = 0;
        last_space = std::string::npos;
        continue;
      }
      if (last_space != std::string::npos && w == 1) {
        lines.push_back(line.substr(0, last_space));
        line = line.substr(last_space + 1);
        used -= used_at_space + 1;
      } else {
        lines.push_back(line);
        line.clear();
        used = 0;
      }
      last_space = std::string::npos;
    }
    if (cp == ' ') {
      last_space = line.size();
      used_at_space = used;
    }
    line.append(text.substr(start, i - start));
    used += w;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string SideBySide(const std::vector<std::string>& left, const std::vector<std::string>& right,
                       int width, std::string_view gutter) {
  std::string out;
  const size_t rows = std::max(left.size(), right.size());
  for (size_t r = 0; r < rows; ++r) {
    const std::string l = r < left.size() ? left[r] : "";
    int used = 0;
    for (size_t i = 0; i < l.size();) used += DisplayWidth(NextCodePoint(l, &i));
    out += l + std::string(used < width ? width - used : 0, ' ');
    out += gutter;
    if (r < right.size()) out += right[r];
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  return out;
}

}  // namespace lectern
