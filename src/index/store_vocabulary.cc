#include "index/store_vocabulary.h"

#include <zstd.h>

#include <algorithm>
#include <cstring>

#include "index/coding.h"
#include "index/format.h"

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
    PutVarint(&raw, t.term);
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
  v.token_terms_.reserve(n);
  v.bytes_.reserve(raw.size() + kPadding);
  for (uint64_t i = 0; i < n; ++i) {
    std::string_view bytes;
    if (p == end) return bad;
    const auto cls = static_cast<unsigned char>(*p++);
    uint64_t term;
    if (cls > kEnd || !GetString(&p, end, &bytes) || bytes.size() >= (1u << 30) ||
        !GetVarint(&p, end, &term) || term >= kEndToken - 1) {
      return bad;
    }
    v.entries_.push_back(
        Entry{static_cast<uint32_t>(v.bytes_.size()), static_cast<uint32_t>(bytes.size()), cls});
    v.token_terms_.push_back(cls == kEnd         ? kEndToken
                             : cls == kSeparator ? 0
                                                 : static_cast<uint32_t>(term) + 1);
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
  size_t at = 0, start = 0;
  uint32_t previous_word = 0;  // 1 after a word: a space before the next word
  bool in_label = false;
  StoreRecord record;
  // Branches only where the data rarely changes course: codewords of one
  // or two bytes and the space between words are chosen without one.
  while (p < end) {
    uint64_t rank;
    if (!NextRank(&p, end, &rank) || rank >= n) return false;
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

bool StoreVocabulary::SplitBlock(std::string_view block, BlockParts* parts) {
  const char* p = block.data();
  const char* const end = block.data() + block.size();
  uint64_t decoded_size, checkpoints_size;
  if (!GetVarint(&p, end, &decoded_size) || decoded_size > (uint64_t{1} << 31) ||
      !GetVarint(&p, end, &checkpoints_size) || checkpoints_size > static_cast<uint64_t>(end - p)) {
    return false;
  }
  parts->decoded_size = static_cast<size_t>(decoded_size);
  parts->checkpoints = p;
  parts->codes = reinterpret_cast<const unsigned char*>(p + checkpoints_size);
  parts->end = reinterpret_cast<const unsigned char*>(end);
  return true;
}

bool StoreVocabulary::DecodeTerms(std::string_view block, uint32_t turns,
                                  std::vector<uint32_t>* terms,
                                  std::vector<uint32_t>* starts) const {
  starts->clear();
  BlockParts parts;
  if (!SplitBlock(block, &parts)) return false;
  const unsigned char* q = parts.codes;
  const unsigned char* const codes_end = parts.end;
  const uint32_t* token_terms = token_terms_.data();
  const uint64_t n = token_terms_.size();
  // At most a word per codeword byte: written without a test per word,
  // kept or not by the count (words and separators alternate unpredictably).
  // Grown, never shrunk (resizing down and up would zero it every block).
  if (terms->size() < static_cast<size_t>(codes_end - q)) terms->resize(codes_end - q);
  uint32_t* out = terms->data();
  size_t count = 0;
  uint32_t in_text = 1;
  starts->push_back(0);
  while (q < codes_end) {
    uint64_t rank;
    if (!NextRank(&q, codes_end, &rank) || rank >= n) return false;
    const uint32_t t = token_terms[rank];
    if (t == kEndToken) {
      if (!in_text) {
        if (starts->size() > turns) return false;
        starts->push_back(static_cast<uint32_t>(count));
      }
      in_text ^= 1;
      continue;
    }
    out[count] = t - 2;  // kNoTerm for 1
    count += (t != 0) & in_text;
  }
  return in_text && starts->size() == size_t{turns} + 1;
}

bool StoreVocabulary::DecodeWords(std::string_view block, uint32_t turns, uint32_t record,
                                  uint32_t first, uint32_t last, WordsText* out) const {
  out->size_ = 0;
  out->begin.clear();
  out->end.clear();
  out->from_start = first == 0;
  out->to_end = false;
  if (record >= turns || first > last) return false;
  BlockParts parts;
  if (!SplitBlock(block, &parts)) return false;
  // The record's start, and the checkpoint nearest before `first`.
  const char* c = parts.checkpoints;
  const char* const checkpoints_end = reinterpret_cast<const char*>(parts.codes);
  const unsigned char* const codes = parts.codes;
  const unsigned char* const codes_end = parts.end;
  uint64_t start = 0, count = 0, delta = 0;
  for (uint32_t r = 0; r <= record; ++r) {
    if (!GetVarint(&c, checkpoints_end, &delta) || !GetVarint(&c, checkpoints_end, &count)) {
      return false;
    }
    start += delta;
    if (r == record) break;
    for (uint64_t j = 0; j < count; ++j) {
      if (!GetVarint(&c, checkpoints_end, &delta)) return false;
    }
  }
  const uint64_t checkpoint = std::min<uint64_t>(first / kStoreWordCheckpoint, count);
  for (uint64_t j = 0; j < checkpoint; ++j) {
    if (!GetVarint(&c, checkpoints_end, &delta)) return false;
    start += delta;
  }
  if (start >= static_cast<uint64_t>(codes_end - codes)) return false;
  const unsigned char* q = codes + start;
  const Entry* entries = entries_.data();
  const uint64_t n = entries_.size();
  // On to word `first` (unless decoding from the text's start).
  for (uint64_t word = checkpoint * kStoreWordCheckpoint; first > 0;) {
    const unsigned char* at = q;
    uint64_t rank;
    if (q == codes_end || !NextRank(&q, codes_end, &rank) || rank >= n) return false;
    const unsigned cls = entries[rank].cls;
    if (cls == kEnd) {  // fewer words
      out->to_end = true;
      return true;
    }
    if (cls == kSeparator) continue;
    if (word++ == first) {
      q = at;
      break;
    }
  }
  const char* bytes = bytes_.data();
  std::string& buffer = out->buffer_;
  char* text = buffer.data();
  size_t at = 0;
  uint32_t previous_word = 0, wanted = last - first + 1;
  while (true) {
    uint64_t rank;
    if (q == codes_end || !NextRank(&q, codes_end, &rank) || rank >= n) return false;
    const Entry e = entries[rank];
    if (e.cls == kEnd) {
      out->to_end = true;
      break;
    }
    if (e.cls != kSeparator) {
      if (wanted == 0) break;  // the word after the last
      --wanted;
    }
    // Room for a space, the entry and a padded copy's tail.
    if (at + 1 + e.size + kPadding > buffer.size()) {
      buffer.resize(std::max<size_t>(2 * buffer.size(), at + 1 + e.size + kPadding + 256));
      text = buffer.data();
    }
    const uint32_t word = e.cls == kWord ? 1 : 0;
    text[at] = ' ';  // kept only before a word after a word
    at += previous_word & word;
    previous_word = word;
    if (e.cls != kSeparator) {
      out->begin.push_back(static_cast<uint32_t>(at));
      out->end.push_back(static_cast<uint32_t>(at + e.size));
    }
    if (e.size <= kPadding) {
      std::memcpy(text + at, bytes + e.offset, kPadding);  // the tail is overwritten later
    } else {
      std::memcpy(text + at, bytes + e.offset, e.size);
    }
    at += e.size;
  }
  out->size_ = at;
  return true;
}

}  // namespace lectern
