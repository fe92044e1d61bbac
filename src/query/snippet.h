// Snippets: the best short window of a turn's text around the words a query
// matched, with the matched words' byte ranges for highlighting.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace lectern {

struct Highlight {
  uint32_t begin = 0;  // byte offsets into Snippet::text
  uint32_t end = 0;
};

struct Snippet {
  std::string text;  // "…" marks text cut at either end
  std::vector<Highlight> highlights;
};

// Chooses the window of at most `max_words` tokens holding the most tokens
// for which `matches(term)` is true (the earliest such window on ties).
// `tokens` are `text`'s tokens as the Analyzer produced them.
Snippet MakeSnippet(std::string_view text, const std::vector<Token>& tokens,
                    const std::function<bool(const std::string&)>& matches, size_t max_words = 36);

}  // namespace lectern
