// The character classes of the analyzer's fast path (word_scanner.h) and
// their UTF-8 decoding, shared by the scanner and by the position counter
// KWIC uses (position_skip.h), so that both always read text alike.
#pragma once

#include <cstdint>
#include <string_view>

namespace lectern::text_internal {

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

// The ideographs the fast path scans: the CJK Unified Ideographs and
// Extension A (the rest go to ICU).
constexpr bool IsScannedIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

inline Cls ClassOfWide(char32_t cp) {
  if (IsScannedIdeograph(cp)) return kIdeograph;
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

// The word of the fast path that starts with `first` (a word character's
// code point, from Decode). UAX #29 WB5, WB8-WB10, WB13a/b: letters, digits
// and '_' join; WB6/7 and WB11/12: a Mid character joins letter to letter
// or digit to digit.
struct Word {
  uint32_t end;          // byte offset just past it
  Cls last;              // the class of its last character
  bool is_token;         // ICU gives a lone '_' no word status, but "__" and "_a" have one
  bool wide_apostrophe;  // U+2019 joins two of its letters
};

inline Word ScanWord(std::string_view text, const CodePoint& first, size_t end) {
  Cls last = first.cls;
  bool has_alnum = first.cls != kExtendNumLet;
  bool wide_apostrophe = false;
  size_t characters = 1;
  size_t j = first.end;
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
  return {static_cast<uint32_t>(j), last, has_alnum || characters > 1, wide_apostrophe};
}

// Whether the kMidWide character `c` (ending at c.end) stands between two
// letters or two digits, where ICU joins them into one word and the fast
// path, which does not model that, must hand the chunk to ICU.
inline bool MidWideJoins(std::string_view text, const CodePoint& c, size_t end, Cls previous) {
  if (c.end >= end || (previous != kLetter && previous != kDigit)) return false;
  const Cls next = Decode(text, c.end, end).cls;
  return next == kLetter || next == kDigit;
}

}  // namespace lectern::text_internal
