#include "text/position_skip.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/word_classes.h"
#include "text/word_scanner.h"

namespace lectern::text_internal {
namespace {

// Bytes that are word characters (letters, digits, '_'), for SkipAsciiChunks.
struct AsciiWordTable {
  bool is[256];
  constexpr AsciiWordTable() : is() {
    for (int c = 0; c < 256; ++c) is[c] = c < 128 && IsWordChar(AsciiTable().cls[c]);
  }
};
constexpr AsciiWordTable kAsciiWord;

#if defined(__SSE2__)
// Classes of 64 bytes as bit masks (bit k: byte k).
struct Masks64 {
  uint64_t hi = 0, word = 0, letter = 0, digit = 0, under = 0, mid_letter = 0, mid_num = 0,
           space = 0;
};

inline Masks64 Classify64(const char* p) {
  Masks64 m;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    auto in = [](__m128i x, char lo, char hi) {  // signed: bytes >= 0x80 are never in
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                           _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(hi + 1)), x));
    };
    const __m128i letter =
        _mm_or_si128(in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), eq('@'));
    const __m128i digit = in(v, '0', '9');
    const __m128i under = eq('_');
    const __m128i mid_letter = _mm_or_si128(eq('.'), eq('\''));
    const __m128i mid_num = _mm_or_si128(mid_letter, _mm_or_si128(eq(','), eq(';')));
    const __m128i space = _mm_or_si128(eq(' '), in(v, '\t', '\r'));
    auto bits = [](__m128i x) {
      return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(x)));
    };
    const int at = 16 * k;
    m.hi |= bits(v) << at;
    m.letter |= bits(letter) << at;
    m.digit |= bits(digit) << at;
    m.under |= bits(under) << at;
    m.mid_letter |= bits(mid_letter) << at;
    m.mid_num |= bits(mid_num) << at;
    m.space |= bits(space) << at;
  }
  m.word = m.letter | m.digit | m.under;
  return m;
}

// The bit of byte `c`'s class in the masks' terms (for the bytes just
// before and after a window).
inline bool IsLetterByte(unsigned char c) { return c < 0x80 && kAscii.cls[c] == kLetter; }
inline bool IsDigitByte(unsigned char c) { return c < 0x80 && kAscii.cls[c] == kDigit; }

// SkipAsciiChunks' word count, 64 bytes at a time: a word starts at a word
// character that follows neither a word character nor a Mid character
// joining two letters or two digits; a lone '_' is no word. Moves
// (*offset, *position) to the last chunk start of the windows wholly
// before `first` (ASCII throughout); the caller goes on from there.
void SkipAscii64(const char* p, size_t n, size_t* offset, uint32_t* position, uint32_t first) {
  size_t b = *offset;  // a chunk start or white space
  uint32_t pos = *position;
  size_t chunk_off = b;
  uint32_t chunk_pos = pos;
  // Classes of the two bytes before the window (white space before `*offset`'s
  // chunk: no word, no Mid, a space).
  uint64_t prev_word = 0, prev_letter2 = 0, prev_digit2 = 0, prev_mid_letter = 0, prev_mid_num = 0,
           prev_space = 1;
  // At white space, or a chunk start: nothing before the window joins.
  if (b > 0 && b < n && !IsAsciiSpace(p[b - 1]) && !IsAsciiSpace(p[b])) return;
  while (b + 64 < n) {
    const Masks64 m = Classify64(p + b);
    const auto next = static_cast<unsigned char>(p[b + 64]);
    if (m.hi != 0 || next >= 0x80) break;
    const uint64_t word_before = (m.word << 1) | prev_word;
    const uint64_t letter2 = (m.letter << 2) | prev_letter2;
    const uint64_t digit2 = (m.digit << 2) | prev_digit2;
    const uint64_t mid_letter1 = (m.mid_letter << 1) | prev_mid_letter;
    const uint64_t mid_num1 = (m.mid_num << 1) | prev_mid_num;
    const uint64_t join = (mid_letter1 & letter2 & m.letter) | (mid_num1 & digit2 & m.digit);
    const uint64_t start = m.word & ~word_before & ~join;
    const uint64_t word_after = (m.word >> 1) | (static_cast<uint64_t>(kAsciiWord.is[next]) << 63);
    const uint64_t counted = start & ~(m.under & ~word_after);
    const uint32_t count = static_cast<uint32_t>(__builtin_popcountll(counted));
    if (pos + count > first) break;
    const uint64_t chunk_starts = ~m.space & ((m.space << 1) | prev_space);
    if (chunk_starts != 0) {
      const int h = 63 - __builtin_clzll(chunk_starts);
      chunk_off = b + static_cast<size_t>(h);
      const uint64_t below = h == 0 ? 0 : (~uint64_t{0} >> (64 - h));
      chunk_pos = pos + static_cast<uint32_t>(__builtin_popcountll(counted & below));
    }
    pos += count;
    prev_word = m.word >> 63;
    prev_letter2 = m.letter >> 62;
    prev_digit2 = m.digit >> 62;
    prev_mid_letter = m.mid_letter >> 63;
    prev_mid_num = m.mid_num >> 63;
    prev_space = m.space >> 63;
    b += 64;
  }
  *offset = chunk_off;
  *position = chunk_pos;
}
#endif

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
      if (!IsScannedIdeograph(cp)) break;
      ideograph(k);
      k += 3;
    }
    if (k != i) {
      previous = kIdeograph;
      i = k;
      continue;
    }
    const CodePoint c = Decode(text, i, end);
    if (IsWordChar(c.cls)) {  // ScanChunk's word rules, counting only
      const Word w = ScanWord(text, c, end);
      if (w.is_token) ++pos;
      previous = w.last;
      i = w.end;
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
        if (MidWideJoins(text, c, end, previous)) return false;
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
#if defined(__SSE2__)
  SkipAscii64(p, n, offset, position, first);
#endif
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
