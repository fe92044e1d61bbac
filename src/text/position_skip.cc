#include "text/position_skip.h"

#include "text/word_scanner.h"

namespace lectern::text_internal {
namespace {

// The word scanner's classes and decoding (word_scanner.cc), repeated here
// so that the scanner can change without this file in the way: a
// character this file does not know makes SkipChunk refuse the chunk,
// which is always safe (tests/text/position_skip_test.cc checks agreement).
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
    cls[static_cast<int>('@')] = kLetter;
    cls[static_cast<int>('_')] = kExtendNumLet;
    cls[static_cast<int>('.')] = kMidNumLet;
    cls[static_cast<int>(',')] = kMidNum;
    cls[static_cast<int>(';')] = kMidNum;
    cls[static_cast<int>('\'')] = kSingleQuote;
  }
};
constexpr AsciiTable kAscii;

// Bytes that are word characters (letters, digits, '_'), for SkipAsciiChunks.
struct AsciiWordTable {
  bool is[256];
  constexpr AsciiWordTable() : is() {
    for (int c = 0; c < 256; ++c) is[c] = c < 128 && IsWordChar(AsciiTable().cls[c]);
  }
};
constexpr AsciiWordTable kAsciiWord;

inline bool IsIdeographCp(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

Cls ClassOfWide(char32_t cp) {
  if (IsIdeographCp(cp)) return kIdeograph;
  switch (cp) {
    case 0x3000:
    case 0x3001:
    case 0x3002:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x201C:
    case 0x201D:
    case 0xFF01:
    case 0xFF08:
    case 0xFF09:
    case 0xFF1F:
      return kOther;
    case 0x2019:
      return kApostropheWide;
    case 0x00B7:
    case 0x2018:
    case 0xFF07:
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF1A:
    case 0xFF1B:
      return kMidWide;
    default:
      break;
  }
  if ((cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301B)) return kOther;
  return kUnknown;
}

struct CodePoint {
  Cls cls;
  size_t end;
};

inline CodePoint Decode(std::string_view text, size_t i, size_t end) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {kAscii.cls[b0], i + 1};
  char32_t cp;
  size_t n;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    cp = b0 & 0x1F;
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    cp = b0 & 0x0F;
    n = 3;
  } else {
    return {kUnknown, i + 1};
  }
  if (i + n > end) return {kUnknown, i + 1};
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {kUnknown, i + 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return {kUnknown, i + 1};
  return {ClassOfWide(cp), i + n};
}

}  // namespace

bool SkipChunk(std::string_view text, size_t begin, size_t end, uint32_t position, uint32_t first,
               uint32_t last, size_t known_end, ChunkSkip* out) {
  uint32_t pos = position;
  size_t restart = begin, cut = 0;
  uint32_t restart_position = position;
  bool cut_set = false;
  // An ideograph at [at, at + 3): a token of its own, which no rule joins
  // to anything, so a scan may start at it or stop after it.
  auto ideograph = [&](size_t at) {
    if (pos <= first) {
      restart = at;
      restart_position = pos;
    } else if (pos > last && !cut_set) {
      cut = at + 3;
      cut_set = true;
    }
    ++pos;
  };
  Cls previous = kOther;
  size_t i = begin;
  while (i < end && !IsAsciiSpace(text[i])) {
    if (cut_set && known_end > begin) {
      i = known_end;
      break;
    }
    // Fast lane: a run of well-formed ideographs of U+3400..9FFF (lead
    // bytes E3..E9).
    size_t k = i;
    while (k + 3 <= end) {
      const auto b0 = static_cast<unsigned char>(text[k]);
      if (b0 < 0xE3 || b0 > 0xE9) break;
      const auto b1 = static_cast<unsigned char>(text[k + 1]);
      const auto b2 = static_cast<unsigned char>(text[k + 2]);
      if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
      const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      if (!IsIdeographCp(cp)) break;
      ideograph(k);
      k += 3;
    }
    if (k != i) {
      previous = kIdeograph;
      i = k;
      continue;
    }
    const CodePoint c = Decode(text, i, end);
    if (IsWordChar(c.cls)) {
      // ScanChunk's word rules, counting only.
      Cls last_cls = c.cls;
      bool has_alnum = c.cls != kExtendNumLet;
      size_t characters = 1;
      size_t j = c.end;
      while (j < end) {
        const auto b = static_cast<unsigned char>(text[j]);
        if (b < 0x80 && (kAscii.cls[b] == kLetter || kAscii.cls[b] == kDigit)) {
          has_alnum = true;
          last_cls = kAscii.cls[b];
          ++characters;
          ++j;
          continue;
        }
        const CodePoint n = Decode(text, j, end);
        if (IsWordChar(n.cls)) {
          has_alnum |= n.cls != kExtendNumLet;
          last_cls = n.cls;
          ++characters;
          j = n.end;
          continue;
        }
        if (n.end < end && (n.cls == kMidLetter || n.cls == kMidNumLet || n.cls == kMidNum ||
                            n.cls == kSingleQuote || n.cls == kApostropheWide)) {
          const CodePoint after = Decode(text, n.end, end);
          const bool letters = last_cls == kLetter && after.cls == kLetter && n.cls != kMidNum;
          const bool digits = last_cls == kDigit && after.cls == kDigit && n.cls != kMidLetter;
          if (letters || digits) {
            last_cls = after.cls;
            characters += 2;
            j = after.end;
            continue;
          }
        }
        break;
      }
      if (has_alnum || characters > 1) ++pos;
      previous = last_cls;
      i = j;
      continue;
    }
    switch (c.cls) {
      case kUnknown:
        return false;
      case kIdeograph:
        if (c.end != i + 3) return false;  // not modelled (none is: all are 3 bytes)
        ideograph(i);
        break;
      case kMidWide:
        if (c.end < end && (previous == kLetter || previous == kDigit)) {
          const Cls next = Decode(text, c.end, end).cls;
          if (next == kLetter || next == kDigit) return false;
        }
        break;
      default:
        break;
    }
    previous = c.cls;
    i = c.end;
  }
  out->end = i;
  out->positions = pos - position;
  out->restart = restart;
  out->restart_position = restart_position;
  out->cut = cut_set ? cut : i;
  return true;
}

void SkipAsciiChunks(std::string_view text, size_t* offset, uint32_t* position, uint32_t first) {
  const size_t n = text.size();
  const char* const p = text.data();
  size_t i = *offset;
  uint32_t pos = *position;
  while (true) {
    while (i < n && IsAsciiSpace(p[i])) ++i;
    *offset = i;
    *position = pos;
    if (i == n || pos >= first) return;
    // One chunk: ScanChunk's word rules for ASCII, where `previous` plays
    // no part (it matters only before a wide Mid character), and where a
    // word's characters are its bytes.
    while (i < n) {
      const auto b = static_cast<unsigned char>(p[i]);
      if (!kAsciiWord.is[b]) {
        if (b >= 0x80) return;  // the chunk is the caller's
        if (IsAsciiSpace(static_cast<char>(b))) break;
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (true) {
        while (j < n && kAsciiWord.is[static_cast<unsigned char>(p[j])]) ++j;
        if (j + 1 >= n) break;
        const auto d = static_cast<unsigned char>(p[j]);
        if (d >= 0x80) return;
        const Cls k = kAscii.cls[d];
        if (k != kMidNumLet && k != kMidNum && k != kSingleQuote) break;
        const auto e = static_cast<unsigned char>(p[j + 1]);
        if (e >= 0x80) return;
        const Cls before = kAscii.cls[static_cast<unsigned char>(p[j - 1])];
        const Cls after = kAscii.cls[e];
        const bool letters = before == kLetter && after == kLetter && k != kMidNum;
        const bool digits = before == kDigit && after == kDigit;
        if (!letters && !digits) break;
        j += 2;
      }
      // ICU gives a lone '_' no word status.
      if (j - i > 1 || p[i] != '_') ++pos;
      i = j;
    }
    if (pos > first) return;  // the chunk holds `first`: back to its start
  }
}

}  // namespace lectern::text_internal
