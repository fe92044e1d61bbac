#include "text/word_scanner.h"

#include "text/word_classes.h"

namespace lectern::text_internal {

bool IsContraction(std::string_view term) {
  static constexpr std::string_view kContractions[] = {
      "it's",  "that's", "what's",  "there's", "here's", "he's",  "she's",
      "let's", "who's",  "where's", "how's",   "when's", "why's", "this's"};
  for (std::string_view c : kContractions) {
    if (term == c) return true;
  }
  return false;
}

void AsciiApostrophes(std::string* term) {
  size_t at;
  while ((at = term->find("\xE2\x80\x99")) != std::string::npos) term->replace(at, 3, "'");
}

void StripPossessive(std::string* term) {
  const size_t n = term->size();
  if (n > 2 && (*term)[n - 1] == 's' && (*term)[n - 2] == '\'' && !IsContraction(*term)) {
    term->resize(term->size() - 2);
  }
}

namespace {

// The scanner proper, shared by ScanChunk and ScanChunkSpans: `emit` gets
// each word (emit.Word(begin, end, wide_apostrophe, position)) and, when
// `ideographs_as_characters`, each ideograph (emit.Ideograph(begin, end,
// position)); it may be told of tokens of a chunk that then goes to ICU, so
// it must be able to take them back (the callers keep them aside until the
// chunk is done).
template <typename Emit>
bool Scan(std::string_view text, size_t begin, size_t end, bool ideographs_as_characters,
          uint32_t* position, Emit& emit, size_t* chunk_end) {
  Cls previous = kOther;
  size_t i = begin;
  // White space reads as kOther where a rule looks ahead past a word, which
  // is what the end of a chunk gave: no rule joins across it.
  while (i < end && !IsAsciiSpace(text[i])) {
    const CodePoint c = Decode(text, i, end);
    if (IsWordChar(c.cls)) {
      const Word w = ScanWord(text, c, end);
      if (w.is_token) emit.Word(i, w.end, w.wide_apostrophe, (*position)++);
      previous = w.last;
      i = w.end;
      continue;
    }
    switch (c.cls) {
      case kUnknown:
        return false;
      case kIdeograph:
        if (!ideographs_as_characters) return false;
        emit.Ideograph(i, c.end, (*position)++);
        break;
      case kMidWide:
        if (MidWideJoins(text, c, end, previous)) return false;
        break;
      default:
        break;
    }
    previous = c.cls;
    i = c.end;
  }
  *chunk_end = i;
  return true;
}

// ScanChunk's tokens.
struct TokenEmitter {
  std::string_view text;
  bool with_terms;
  uint32_t first_position, last_position;
  std::vector<Token>* tokens;

  Token* Add(size_t begin, size_t end, uint32_t position) {
    if (position < first_position || position > last_position) return nullptr;
    Token& t = tokens->emplace_back();
    t.position = position;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    return with_terms ? &t : nullptr;
  }
  void Word(size_t begin, size_t end, bool wide_apostrophe, uint32_t position) {
    if (Token* t = Add(begin, end, position)) {
      t->term.assign(text.data() + begin, end - begin);
      for (char& ch : t->term) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      }
      if (wide_apostrophe) AsciiApostrophes(&t->term);
      StripPossessive(&t->term);
    }
  }
  void Ideograph(size_t begin, size_t end, uint32_t position) {
    if (Token* t = Add(begin, end, position)) {
      t->term.reserve(1 + (end - begin));
      t->term.push_back('\x01');
      t->term.append(text.data() + begin, end - begin);
    }
  }
};

// ScanChunkSpans' spans.
struct SpanEmitter {
  std::vector<WordSpan>* spans;

  void Word(size_t begin, size_t end, bool wide_apostrophe, uint32_t position) {
    spans->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), position,
                      wide_apostrophe ? WordSpan::kWordWithWideApostrophe : WordSpan::kWord});
  }
  void Ideograph(size_t begin, size_t end, uint32_t position) {
    spans->push_back(
        {static_cast<uint32_t>(begin), static_cast<uint32_t>(end), position, WordSpan::kIdeograph});
  }
};

}  // namespace

bool ScanChunk(std::string_view text, size_t begin, size_t end, bool ideographs_as_characters,
               bool with_terms, uint32_t first_position, uint32_t last_position, uint32_t* position,
               std::vector<Token>* tokens, size_t* chunk_end) {
  const size_t tokens_before = tokens->size();
  const uint32_t position_before = *position;
  TokenEmitter emit{text, with_terms, first_position, last_position, tokens};
  if (Scan(text, begin, end, ideographs_as_characters, position, emit, chunk_end)) return true;
  tokens->resize(tokens_before);
  *position = position_before;
  return false;
}

bool ScanChunkSpans(std::string_view text, size_t begin, size_t end, uint32_t* position,
                    std::vector<WordSpan>* spans, size_t* chunk_end) {
  const size_t spans_before = spans->size();
  const uint32_t position_before = *position;
  SpanEmitter emit{spans};
  if (Scan(text, begin, end, /*ideographs_as_characters=*/true, position, emit, chunk_end)) {
    return true;
  }
  spans->resize(spans_before);
  *position = position_before;
  return false;
}

}  // namespace lectern::text_internal
