#include "text/word_scanner.h"

namespace lectern::text_internal {
namespace {

// Word_Break classes (UAX #29) of the characters the fast path models, plus
// kApostropheWide (U+2019, MidNumLet, read as "'" by the normaliser),
// kMidWide (another non-ASCII Mid* character, modelled only where it cannot
// join two words) and kUnknown (anything else: the chunk goes to ICU).
enum Cls : uint8_t {
  kOther,
  kLetter,
  kDigit,
  kExtendNumLet,
  kMidLetter,
  kMidNumLet,
  kMidNum,
  kSingleQuote,
  kIdeograph,
  kMidWide,
  kApostropheWide,
  kUnknown,
};

constexpr bool IsWordChar(Cls c) { return c == kLetter || c == kDigit || c == kExtendNumLet; }

struct AsciiTable {
  Cls cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = kOther;
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLetter;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kLetter;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigit;
    cls[static_cast<int>('@')] = kLetter;  // ICU's rules count '@' as a letter (e-mail addresses)
    cls[static_cast<int>('_')] = kExtendNumLet;
    // ':' is MidLetter in UAX #29, but ICU's root rules leave it out.
    cls[static_cast<int>('.')] = kMidNumLet;
    cls[static_cast<int>(',')] = kMidNum;
    cls[static_cast<int>(';')] = kMidNum;
    cls[static_cast<int>('\'')] = kSingleQuote;
  }
};
constexpr AsciiTable kAscii;

Cls ClassOfWide(char32_t cp) {
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return kIdeograph;
  switch (cp) {
    // Punctuation and spaces that never join anything.
    case 0x3000:  // IDEOGRAPHIC SPACE
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0x2013:  // – EN DASH
    case 0x2014:  // — EM DASH
    case 0x2026:  // … HORIZONTAL ELLIPSIS
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0xFF01:  // ！
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0xFF1F:  // ？
      return kOther;
    // Mid* characters: they join letters or digits on both sides.
    case 0x2019:  // ’ (MidNumLet): "China’s" is common in English transcripts
      return kApostropheWide;
    case 0x00B7:  // · MIDDLE DOT (MidLetter)
    case 0x2018:  // ‘ (MidNumLet)
    case 0xFF07:  // ＇ (MidNumLet)
    case 0xFF0C:  // ， (MidNum)
    case 0xFF0E:  // ． (MidNumLet)
    case 0xFF1A:  // ： (MidLetter)
    case 0xFF1B:  // ； (MidNum)
      return kMidWide;
    default:
      break;
  }
  if ((cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301B)) return kOther;  // brackets
  return kUnknown;
}

struct CodePoint {
  Cls cls;
  uint32_t end;  // byte offset just past it
};

// Decodes the code point at `i` (< end). Ill-formed or 4-byte sequences are
// kUnknown: ICU will deal with them.
inline CodePoint Decode(std::string_view text, size_t i, size_t end) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {kAscii.cls[b0], static_cast<uint32_t>(i + 1)};
  char32_t cp;
  size_t n;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    cp = b0 & 0x1F;
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    cp = b0 & 0x0F;
    n = 3;
  } else {
    return {kUnknown, static_cast<uint32_t>(i + 1)};
  }
  if (i + n > end) return {kUnknown, static_cast<uint32_t>(i + 1)};
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {kUnknown, static_cast<uint32_t>(i + 1)};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) {
    return {kUnknown, static_cast<uint32_t>(i + 1)};
  }
  return {ClassOfWide(cp), static_cast<uint32_t>(i + n)};
}

}  // namespace

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
      // WB5, WB8-WB10, WB13a/b: letters, digits and '_' join; WB6/7 and
      // WB11/12: a Mid character joins letter to letter or digit to digit.
      Cls last = c.cls;
      bool has_alnum = c.cls != kExtendNumLet;
      bool wide_apostrophe = false;
      size_t characters = 1;
      size_t j = c.end;
      while (j < end) {
        // Fast lane: ASCII letters and digits, the bulk of every word.
        const auto b = static_cast<unsigned char>(text[j]);
        if (b < 0x80 && (kAscii.cls[b] == kLetter || kAscii.cls[b] == kDigit)) {
          has_alnum = true;
          last = kAscii.cls[b];
          ++characters;
          ++j;
          continue;
        }
        const CodePoint n = Decode(text, j, end);
        if (IsWordChar(n.cls)) {
          has_alnum |= n.cls != kExtendNumLet;
          last = n.cls;
          ++characters;
          j = n.end;
          continue;
        }
        if (n.end < end && (n.cls == kMidLetter || n.cls == kMidNumLet || n.cls == kMidNum ||
                            n.cls == kSingleQuote || n.cls == kApostropheWide)) {
          const CodePoint after = Decode(text, n.end, end);
          const bool letters = last == kLetter && after.cls == kLetter && n.cls != kMidNum;
          const bool digits = last == kDigit && after.cls == kDigit && n.cls != kMidLetter;
          if (letters || digits) {
            last = after.cls;
            characters += 2;
            wide_apostrophe |= n.cls == kApostropheWide;
            j = after.end;
            continue;
          }
        }
        break;
      }
      // ICU gives a lone '_' no word status, but "__" and "_a" have one.
      if (has_alnum || characters > 1) emit.Word(i, j, wide_apostrophe, (*position)++);
      previous = last;
      i = j;
      continue;
    }
    switch (c.cls) {
      case kUnknown:
        return false;
      case kIdeograph:
        if (!ideographs_as_characters) return false;
        emit.Ideograph(i, c.end, (*position)++);
        break;
      case kMidWide: {
        // Only a problem between two letters or two digits (where ICU joins).
        if (c.end < end && (previous == kLetter || previous == kDigit)) {
          const Cls next = Decode(text, c.end, end).cls;
          if (next == kLetter || next == kDigit) return false;
        }
        break;
      }
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
