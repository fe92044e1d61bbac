#include "ingest/text_reader.h"

#include <string>
#include <vector>

#include "base/utf8.h"

namespace lectern {
namespace {

constexpr size_t kTitleCandidateLines = 6;
constexpr size_t kHardWrapWidth = 100;

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      lines.push_back(CollapseWhitespace(text.substr(start, i - start)));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

// Hard-wrapped text: most non-empty lines sit in blocks of two or more and no
// line is longer than a typical wrap width.
bool LooksHardWrapped(const std::vector<std::string>& lines) {
  size_t non_empty = 0, in_multi_line_blocks = 0, block = 0;
  for (size_t i = 0; i <= lines.size(); ++i) {
    if (i == lines.size() || lines[i].empty()) {
      if (block >= 2) in_multi_line_blocks += block;
      block = 0;
      continue;
    }
    if (lines[i].size() > kHardWrapWidth) return false;
    ++non_empty;
    ++block;
  }
  return non_empty >= 4 && in_multi_line_blocks * 2 >= non_empty;
}

}  // namespace

Document ReadText(std::string_view utf8) {
  Document doc;
  doc.syntax = Syntax::kText;
  std::vector<std::string> lines = SplitLines(utf8);
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    doc.title_candidates.push_back(line);
    if (doc.title_candidates.size() == kTitleCandidateLines) break;
  }
  const bool join = LooksHardWrapped(lines);
  std::string current;
  for (size_t i = 0; i <= lines.size(); ++i) {
    const bool boundary = i == lines.size() || lines[i].empty() || !join;
    if (boundary && !current.empty()) {
      doc.paragraphs.push_back(Paragraph{std::move(current), 0, false});
      current.clear();
    }
    if (i == lines.size() || lines[i].empty()) continue;
    if (!current.empty()) current.push_back(' ');
    current += lines[i];
  }
  return doc;
}

}  // namespace lectern
