#include "query/snippet.h"

namespace lectern {

Snippet MakeSnippet(std::string_view text, const std::vector<Token>& tokens,
                    const std::function<bool(const std::string&)>& matches, size_t max_words) {
  Snippet out;
  if (tokens.empty()) {
    out.text = std::string(text.substr(0, 200));
    return out;
  }
  std::vector<bool> hit(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) hit[i] = matches(tokens[i].term);
  // Sliding window over token indexes [start, start + width).
  const size_t width = std::min(max_words, tokens.size());
  size_t best_start = 0, best = 0, current = 0;
  for (size_t i = 0; i < width; ++i) current += hit[i];
  best = current;
  for (size_t start = 1; start + width <= tokens.size(); ++start) {
    current += hit[start + width - 1];
    current -= hit[start - 1];
    if (current > best) {
      best = current;
      best_start = start;
    }
  }
  // Lead in a little before the first match when the window starts on it.
  size_t first = best_start;
  while (first < best_start + width && !hit[first]) ++first;
  if (first == best_start && best_start > 0) {
    best_start = best_start >= 4 ? best_start - 4 : 0;
  }
  const size_t last = std::min(tokens.size(), best_start + width) - 1;
  const size_t begin = best_start == 0 ? 0 : tokens[best_start].begin;
  size_t end = last + 1 == tokens.size() ? text.size() : tokens[last].end;
  // Keep trailing punctuation of the last word ("China." not "China").
  while (end < text.size() && end - tokens[last].end < 3 && text[end] != ' ' && text[end] != '\n' &&
         static_cast<unsigned char>(text[end]) < 0x80 &&
         !std::isalnum(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  const std::string prefix = begin > 0 ? "… " : "";
  out.text = prefix;
  for (char c : text.substr(begin, end - begin)) out.text.push_back(c == '\n' ? ' ' : c);
  if (end < text.size()) out.text += " …";
  for (size_t i = best_start; i <= last; ++i) {
    if (!hit[i]) continue;
    out.highlights.push_back(
        Highlight{static_cast<uint32_t>(tokens[i].begin - begin + prefix.size()),
                  static_cast<uint32_t>(tokens[i].end - begin + prefix.size())});
  }
  return out;
}

}  // namespace lectern
