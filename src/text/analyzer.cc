#include "text/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>

#include <cstring>

#include "base/utf8.h"
#include "text/position_skip.h"
#include "text/word_scanner.h"

namespace lectern {

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  bool ok = false;
  bool fast_path = true;
  UText* utext = nullptr;
  icu::UnicodeString scratch_in, scratch_out;
  // AnalyzeForIndex(text, sink)'s buffers.
  std::vector<text_internal::WordSpan> index_spans;
  std::vector<Token> index_tokens;
  std::string index_word;
  char index_buffer[64 + 8];  // LowerAscii writes whole 8-byte words
  // The last chunk a partial scan gave ICU, and its tokens.
  struct {
    std::string bytes;
    size_t from = SIZE_MAX;
    uint32_t position = 0, end_position = 0;
    std::vector<Token> tokens;
  } icu_memo;

  ~Impl() {
    if (utext != nullptr) utext_close(utext);
  }

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    ok = U_SUCCESS(status) && words != nullptr && nfkc_casefold != nullptr;
  }

  // Appends the normalised form of `word` to `out`.
  void Normalize(std::string_view word, std::string* out) {
    out->clear();
    bool ascii = true;
    for (char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      out->reserve(word.size());
      for (char c : word) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      scratch_in = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
      scratch_out.remove();
      nfkc_casefold->normalize(scratch_in, scratch_out, status);
      if (U_FAILURE(status)) scratch_out = scratch_in;
      scratch_out.toUTF8String(*out);
      // Typographic apostrophes (’ and ʼ) read as the ASCII one.
      size_t at;
      while ((at = out->find("\xE2\x80\x99")) != std::string::npos) out->replace(at, 3, "'");
      while ((at = out->find("\xCA\xBC")) != std::string::npos) out->replace(at, 2, "'");
    }
    // English possessive: "china's" -> "china"; "'s" alone stays, and so do
    // contractions of "is"/"us" ("what's" is not a form of "what").
    text_internal::StripPossessive(out);
  }

  void Run(std::string_view text, bool characters, std::vector<Token>* tokens, uint32_t first = 0,
           uint32_t last = UINT32_MAX, bool with_terms = true, ScanResume* resume = nullptr);
  void RunIcu(std::string_view text, size_t from, size_t to, bool characters, uint32_t* position,
              std::vector<Token>* tokens);
};

namespace {

// Lower-cases the ASCII word at `in` (`size` bytes, `room` >= size of them
// readable) into `out` (size rounded up to 8, plus 8, writable), eight
// bytes at a time: a byte-at-a-time copy would make the hash's wider loads
// of `out` wait for the bytes to be stored (no store forwarding).
void LowerAscii(const unsigned char* in, size_t size, size_t room, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  for (size_t k = 0; k < size; k += 8) {
    uint64_t x = 0;
    if (room - k >= 8) {
      std::memcpy(&x, in + k, 8);
    } else {
      for (size_t i = k; i < size; ++i) x |= uint64_t{in[i]} << (8 * (i - k));
    }
    // Bytes of the word are ASCII, so no sum carries into them; bytes past
    // it may carry into each other and are not used.
    const uint64_t at_least_a = x + (0x80 - 'A') * kOnes;
    const uint64_t above_z = x + (0x80 - 'Z' - 1) * kOnes;
    x |= ((at_least_a & ~above_z) & (0x80 * kOnes)) >> 2;
    std::memcpy(out + k, &x, 8);
  }
}

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

// Ideographs in `term`, each as a byte range; empty unless every code
// point of the term is an ideograph.
std::vector<std::pair<uint32_t, uint32_t>> Ideographs(std::string_view term) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  size_t i = 0;
  while (i < term.size()) {
    size_t start = i;
    if (!IsIdeograph(NextCodePoint(term, &i))) return {};
    out.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(i));
  }
  return out;
}

}  // namespace

std::string CharacterTerm(std::string_view character) {
  std::string term = "\x01";
  term += character;
  return term;
}

bool IsCharacterTerm(std::string_view term) { return !term.empty() && term[0] == '\x01'; }

Analyzer::Analyzer(bool fast_path) : impl_(std::make_unique<Impl>()) {
  impl_->fast_path = fast_path;
}
Analyzer::~Analyzer() = default;

std::string Analyzer::NormalizeWord(std::string_view word) {
  std::string out;
  impl_->Normalize(word, &out);
  return out;
}

void Analyzer::Analyze(std::string_view text, std::vector<Token>* tokens) {
  impl_->Run(text, /*characters=*/false, tokens);
}

void Analyzer::AnalyzeForIndex(std::string_view text, std::vector<Token>* tokens) {
  impl_->Run(text, /*characters=*/true, tokens);
}

uint32_t Analyzer::AnalyzeForIndex(std::string_view text, IndexTermSink* sink) {
  Impl& m = *impl_;
  if (!m.ok || text.empty()) return 0;
  uint32_t position = 0, length = 0;
  if (!m.fast_path) {
    m.index_tokens.clear();
    m.RunIcu(text, 0, text.size(), /*characters=*/true, &position, &m.index_tokens);
    for (const Token& t : m.index_tokens) sink->Term(t.term, t.position, t.begin, t.end);
    return m.index_tokens.empty() ? 0 : m.index_tokens.back().position + m.index_tokens.back().span;
  }
  // Run's loop, with the scanner's spans normalised here straight from the
  // text: a word of the fast path is ASCII but for U+2019, an ideograph one
  // 3-byte character.
  std::vector<text_internal::WordSpan>& spans = m.index_spans;
  std::string& word = m.index_word;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    while (i < n && text_internal::IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    size_t j = i;
    // The commonest chunk, a lower-case ASCII word alone: one token, its
    // own term, without the scanner.
    while (j < n && static_cast<unsigned>(text[j] - 'a') < 26u) ++j;
    if (j > i && (j == n || text_internal::IsAsciiSpace(text[j]))) {
      sink->Term(text.substr(i, j - i), position, static_cast<uint32_t>(i),
                 static_cast<uint32_t>(j));
      length = ++position;
      i = j;
      continue;
    }
    j = i;
    spans.clear();
    if (text_internal::ScanChunkSpans(text, i, n, &position, &spans, &j)) {
      for (const text_internal::WordSpan& span : spans) {
        const auto* b = reinterpret_cast<const unsigned char*>(text.data() + span.begin);
        if (span.kind == text_internal::WordSpan::kIdeograph) {
          sink->Ideograph(
              static_cast<char16_t>(((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)),
              span.position, static_cast<uint32_t>(span.begin));
          continue;
        }
        const size_t size = span.end - span.begin;
        if (size <= 64 && span.kind == text_internal::WordSpan::kWord) {  // most words: no string
          char* out = m.index_buffer;
          LowerAscii(b, size, text.data() + n - reinterpret_cast<const char*>(b), out);
          std::string_view term(out, size);
          if (size > 2 && out[size - 1] == 's' && out[size - 2] == '\'' &&
              !text_internal::IsContraction(term)) {
            term.remove_suffix(2);
          }
          sink->Term(term, span.position, static_cast<uint32_t>(span.begin),
                     static_cast<uint32_t>(span.end));
          continue;
        }
        word.assign(text.data() + span.begin, size);
        for (char& c : word) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        if (span.kind == text_internal::WordSpan::kWordWithWideApostrophe) {
          text_internal::AsciiApostrophes(&word);
        }
        text_internal::StripPossessive(&word);
        sink->Term(word, span.position, static_cast<uint32_t>(span.begin),
                   static_cast<uint32_t>(span.end));
      }
      if (!spans.empty()) length = spans.back().position + 1;
      i = j;
      continue;
    }
    while (j < n && !text_internal::IsAsciiSpace(text[j])) ++j;
    // With the space before it, as ICU sees a combining mark after a space.
    m.index_tokens.clear();
    m.RunIcu(text, i > 0 ? i - 1 : i, j, /*characters=*/true, &position, &m.index_tokens);
    for (const Token& t : m.index_tokens) {
      sink->Term(t.term, t.position, t.begin, t.end);
      length = t.position + t.span;
    }
    i = j;
  }
  return length;
}

void Analyzer::IndexTokensBetween(std::string_view text, uint32_t first, uint32_t last,
                                  bool with_terms, std::vector<Token>* tokens, ScanResume* resume) {
  impl_->Run(text, /*characters=*/true, tokens, first, last, with_terms, resume);
}

void Analyzer::Impl::Run(std::string_view text, bool characters, std::vector<Token>* tokens,
                         uint32_t first, uint32_t last, bool with_terms, ScanResume* resume) {
  tokens->clear();
  if (!ok || text.empty()) return;
  uint32_t position = 0;
  if (!fast_path) {
    RunIcu(text, 0, text.size(), characters, &position, tokens);
    return;
  }
  // No word rule crosses ASCII white space, so chunks between it are
  // independent: each is scanned fast or, failing that, given to ICU.
  size_t i = 0;
  const size_t n = text.size();
  // A partial scan (KWIC's) counts the positions of a chunk first, without
  // tokens, and scans for tokens only the window of it that holds the
  // positions wanted: a Chinese paragraph is one chunk (position_skip.h).
  const bool partial = characters && (first > 0 || last < UINT32_MAX);
  size_t known_end = 0;
  if (partial && resume != nullptr) {
    if (resume->position <= first && resume->offset <= n) {
      i = resume->offset;
      position = resume->position;
      known_end = resume->chunk_end;
    } else {
      *resume = ScanResume{};
    }
  }
  // `position` is the next one to give: once past `last`, every position
  // through `last` has its token.
  while (i < n && position <= last) {
    if (partial && position < first) text_internal::SkipAsciiChunks(text, &i, &position, first);
    while (i < n && text_internal::IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    if (known_end <= i) known_end = 0;  // only the resumed chunk is known
    if (resume != nullptr && position <= first) *resume = ScanResume{i, position, known_end};
    size_t j = i;
    text_internal::ChunkSkip skip;
    if (partial && text_internal::SkipChunk(text, i, n, position, first, last, known_end, &skip)) {
      if (position + skip.positions <= first) {  // nothing wanted in this chunk
        position += skip.positions;
        i = skip.end;
        continue;
      }
      if (resume != nullptr && skip.restart_position <= first) {
        *resume = ScanResume{skip.restart, skip.restart_position, skip.end};
      }
      uint32_t at = skip.restart_position;
      if (text_internal::ScanChunk(text, skip.restart, skip.cut, characters, with_terms, first,
                                   last, &at, tokens, &j)) {
        position = at;
        i = skip.cut;
        continue;
      }
      // Not expected (SkipChunk accepts only what ScanChunk does): the
      // whole text again, the usual way.
      if (known_end != 0 || skip.restart != i) {
        Run(text, characters, tokens, first, last, with_terms, nullptr);
        if (resume != nullptr) *resume = ScanResume{};
        return;
      }
      j = i;
    }
    if (text_internal::ScanChunk(text, i, n, characters, with_terms, first, last, &position, tokens,
                                 &j)) {
      i = j;
      continue;
    }
    while (j < n && !text_internal::IsAsciiSpace(text[j])) ++j;
    // With the space before it, as ICU sees a combining mark after a space.
    const size_t from = i > 0 ? i - 1 : i;
    if (!partial) {
      RunIcu(text, from, j, characters, &position, tokens);
    } else {
      // The lines of a turn in one such chunk resume at its start, each:
      // ICU's tokens of the last one are kept (they depend only on its
      // bytes, where it starts and its first position).
      const std::string_view bytes = text.substr(from, j - from);
      if (icu_memo.from != from || icu_memo.position != position || icu_memo.bytes != bytes) {
        icu_memo.bytes.assign(bytes);
        icu_memo.from = from;
        icu_memo.position = position;
        icu_memo.tokens.clear();
        icu_memo.end_position = position;
        RunIcu(text, from, j, characters, &icu_memo.end_position, &icu_memo.tokens);
      }
      tokens->insert(tokens->end(), icu_memo.tokens.begin(), icu_memo.tokens.end());
      position = icu_memo.end_position;
    }
    i = j;
  }
}

void Analyzer::Impl::RunIcu(std::string_view text, size_t from, size_t to, bool characters,
                            uint32_t* position, std::vector<Token>* tokens) {
  UErrorCode status = U_ZERO_ERROR;
  utext = utext_openUTF8(utext, text.data() + from, static_cast<int64_t>(to - from), &status);
  if (U_FAILURE(status)) return;
  words->setText(utext, status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator& it = *words;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const int32_t rule = it.getRuleStatus();
    if (rule < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    Token token;
    Normalize(text.substr(from + start, end - start), &token.term);
    if (token.term.empty()) continue;
    token.position = *position;
    token.begin = static_cast<uint32_t>(from + start);
    token.end = static_cast<uint32_t>(from + end);
    std::vector<std::pair<uint32_t, uint32_t>> chars;
    if (rule >= UBRK_WORD_IDEO) {
      chars = Ideographs(token.term);
      if (!chars.empty()) token.span = static_cast<uint32_t>(chars.size());
    }
    *position += token.span;
    if (!characters || chars.empty()) {
      tokens->push_back(std::move(token));
      continue;
    }
    // Byte offsets of the characters in the text: NFKC keeps ideographs one
    // for one, so the text's characters line up with the term's.
    const std::vector<std::pair<uint32_t, uint32_t>> in_text =
        Ideographs(text.substr(token.begin, token.end - token.begin));
    const bool aligned = in_text.size() == chars.size();
    for (size_t k = 0; k < chars.size(); ++k) {
      Token c;
      c.term = CharacterTerm(
          std::string_view(token.term).substr(chars[k].first, chars[k].second - chars[k].first));
      c.position = token.position + static_cast<uint32_t>(k);
      c.begin = aligned ? token.begin + in_text[k].first : token.begin;
      c.end = aligned ? token.begin + in_text[k].second : token.end;
      tokens->push_back(std::move(c));
    }
  }
}

}  // namespace lectern
