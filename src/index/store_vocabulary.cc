#include "index/store_vocabulary.h"

#include <zstd.h>

#include <cstring>

#include "index/coding.h"

namespace lectern {
namespace {

// The vocabulary is written once per segment and read once per open; a
// middling level is cheap both ways.
constexpr int kVocabularyCompressionLevel = 3;
// Entries are copied 16 bytes at a time where the output has room.
constexpr size_t kPadding = 16;

}  // namespace

std::string StoreVocabulary::Encode(unsigned stoppers, const std::vector<Token>& ranked) {
  std::string raw;
  PutVarint(&raw, stoppers);
  PutVarint(&raw, ranked.size());
  for (const Token& t : ranked) {
    raw.push_back(static_cast<char>(t.cls));
    PutString(&raw, t.bytes);
  }
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  const size_t n =
      ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), kVocabularyCompressionLevel);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<StoreVocabulary> StoreVocabulary::Parse(std::string_view section) {
  const Status bad = Status::Corruption("damaged store vocabulary");
  const unsigned long long raw_size = ZSTD_getFrameContentSize(section.data(), section.size());
  if (raw_size == ZSTD_CONTENTSIZE_ERROR || raw_size == ZSTD_CONTENTSIZE_UNKNOWN ||
      raw_size > (1ull << 31)) {
    return bad;
  }
  std::string raw(raw_size, '\0');
  const size_t got = ZSTD_decompress(raw.data(), raw.size(), section.data(), section.size());
  if (ZSTD_isError(got) || got != raw_size) return bad;

  StoreVocabulary v;
  const char *p = raw.data(), *end = raw.data() + raw.size();
  uint64_t stoppers, n;
  if (!GetVarint(&p, end, &stoppers) || stoppers < 1 || stoppers > 255 || !GetVarint(&p, end, &n) ||
      n > raw.size()) {
    return bad;
  }
  v.code_ = DenseCode(static_cast<unsigned>(stoppers));
  v.entries_.reserve(n);
  v.bytes_.reserve(raw.size() + kPadding);
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view bytes;
    if (p == end) return bad;
    const auto cls = static_cast<unsigned char>(*p++);
    if (cls > kEnd || !GetString(&p, end, &bytes) || bytes.size() >= (1u << 30)) return bad;
    v.entries_.push_back(
        Entry{static_cast<uint32_t>(v.bytes_.size()), static_cast<uint32_t>(bytes.size()), cls});
    v.bytes_.append(bytes);
  }
  if (p != end) return bad;
  v.bytes_.append(kPadding, '\0');
  return v;
}

bool StoreVocabulary::Decode(const unsigned char* p, const unsigned char* end, char* out,
                             size_t size, uint32_t turns, std::vector<StoreRecord>* records) const {
  records->clear();
  records->reserve(turns);
  const Entry* entries = entries_.data();
  const uint64_t n = entries_.size();
  const char* bytes = bytes_.data();
  const unsigned s = code_.stoppers();
  size_t at = 0, start = 0;
  uint32_t previous_word = 0;  // 1 after a word: a space before the next word
  bool in_label = false;
  StoreRecord record;
  // Branches only where the data rarely changes course: codewords of one
  // or two bytes and the space between words are chosen without one.
  while (p < end) {
    uint64_t rank;
    const unsigned b0 = p[0];
    const unsigned b1 = p + 1 < end ? p[1] : 0;
    if (b0 >= s && (b1 >= s || p + 1 == end)) {  // three bytes or more, or truncated
      if (!code_.Next(&p, end, &rank)) return false;
    } else {
      const bool two = b0 >= s;
      rank = two ? s + uint64_t{b0 - s} * s + b1 : b0;
      p += 1 + two;
    }
    if (rank >= n) return false;
    const Entry e = entries[rank];
    if (e.cls == kEnd) {
      const auto from = static_cast<uint32_t>(start), length = static_cast<uint32_t>(at - start);
      if (!in_label) {
        record.text = from;
        record.text_size = length;
      } else {
        record.label = from;
        record.label_size = length;
        if (records->size() == turns) return false;
        records->push_back(record);
      }
      in_label = !in_label;
      start = at;
      previous_word = 0;
      continue;
    }
    const uint32_t word = e.cls == kWord ? 1 : 0;
    const uint32_t space = previous_word & word;
    previous_word = word;
    const char* from = bytes + e.offset;
    if (size - at > kPadding && e.size <= kPadding) {
      out[at] = ' ';                          // kept only before a word after a word
      at += space;                            // at most size - kPadding: the copy fits
      std::memcpy(out + at, from, kPadding);  // the tail is overwritten later
    } else {
      if (e.size + space > size - at) return false;
      if (space) out[at++] = ' ';
      std::memcpy(out + at, from, e.size);
    }
    at += e.size;
  }
  return !in_label && at == size && records->size() == turns;
}

}  // namespace lectern
