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

bool EndsSentence(const std::string& line) {
  static constexpr std::string_view kEnds[] = {".", "?", "!",  ":",  ";",  "\"", ")",
                                               "”", "’", "。", "？", "！", "：", "」"};
  for (std::string_view end : kEnds) {
    if (line.size() >= end.size() && line.compare(line.size() - end.size(), end.size(), end) == 0) {
      return true;
    }
  }
  return false;
}

// Hard-wrapped text: lines grouped into blank-line separated blocks, no line
// longer than a wrap width, and most lines that a block continues after
// breaking off mid-sentence. Copied pages put whole paragraphs on lines,
// which end with sentence punctuation.
bool LooksHardWrapped(const std::vector<std::string>& lines) {
  size_t continued = 0, broken_mid_sentence = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() > kHardWrapWidth) return false;
    const bool continues = !lines[i].empty() && i + 1 < lines.size() && !lines[i + 1].empty();
    if (!continues) continue;
    ++continued;
    if (!EndsSentence(lines[i])) ++broken_mid_sentence;
  }
  return broken_mid_sentence >= 3 && broken_mid_sentence * 5 >= continued * 3;
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
