#include "index/store_builder.h"

#include <algorithm>
#include <cstring>

#include "base/hash.h"
#include "index/coding.h"
#include "index/format.h"

namespace lectern {
namespace {

// Longer words and separators are stored in pieces of this size (the
// vocabulary's entries have 30 bits for their size).
constexpr uint32_t kMaxTokenBytes = uint32_t{1} << 20;

}  // namespace

StoreBuilder::StoreBuilder() {
  counts_[kIdeograph].resize(0x10000);
  counts_[kEnd].resize(1);
}
StoreBuilder::~StoreBuilder() = default;

size_t StoreBuilder::bytes() const {
  return chunks_.size() * kChunk * sizeof(uint32_t) + literal_words_.size() * 24 +
         separators_.size() * 24;
}

void StoreBuilder::Push(Kind kind, uint32_t id) {
  if (token_count_ % kChunk == 0) chunks_.emplace_back(new uint32_t[kChunk]);
  chunks_.back()[token_count_++ % kChunk] = (kind << kIdBits) | id;
  std::vector<uint32_t>& counts = counts_[kind];
  if (id >= counts.size()) counts.resize(std::max<size_t>(id + 1, counts.size() * 2));
  ++counts[id];
}

void StoreBuilder::BeginTurn(uint32_t doc, std::string_view text) {
  if (blocks_.empty() || blocks_.back().decoded_size >= kStoreBlockBytes) {
    blocks_.push_back(Block{doc, token_count_, 0});
  }
  text_ = text;
  covered_ = 0;
  words_ = 0;
  words_are_positions_ = true;
  previous_ = StoreVocabulary::kSeparator;
}

void StoreBuilder::Separator(std::string_view bytes) {
  do {
    const std::string_view piece = bytes.substr(0, kMaxTokenBytes);
    if (piece.size() <= 2) {
      // "" is key 0, one byte b is 1 + b, two bytes b0 b1 are 257 + b0 * 256 + b1.
      size_t key = 0;
      for (char c : piece) key = key * 256 + static_cast<unsigned char>(c) + 1;
      uint32_t& slot = short_separators_[key];
      if (slot == 0) slot = separators_.Intern(piece) + 1;
      Push(kSeparator, slot - 1);
    } else {
      Push(kSeparator, separators_.Intern(piece));
    }
    bytes.remove_prefix(piece.size());
  } while (!bytes.empty());
  previous_ = StoreVocabulary::kSeparator;
}

void StoreBuilder::Gap(uint32_t begin, StoreVocabulary::Class next) {
  const std::string_view gap = text_.substr(covered_, begin - covered_);
  const bool space_implied = previous_ == StoreVocabulary::kWord && next == StoreVocabulary::kWord;
  if (space_implied ? gap == " " : gap.empty()) return;
  Separator(gap);
}

void StoreBuilder::Word(uint32_t begin, uint32_t end, uint32_t position, uint32_t term,
                        std::string_view term_bytes) {
  if (begin < covered_ || end > text_.size() || end <= begin) {
    words_are_positions_ = false;
    return;
  }
  const std::string_view word = text_.substr(begin, end - begin);
  if (word.size() > kMaxTokenBytes) {
    Gap(begin, StoreVocabulary::kSeparator);
    Separator(word);
    words_are_positions_ = false;
  } else {
    if (position != words_) words_are_positions_ = false;
    Gap(begin, StoreVocabulary::kWord);
    NoteWord();
    const size_t n = word.size();
    if (term != kNoTerm && term_bytes.size() == n && n > 0 &&
        BytesEqual(word.data() + 1, term_bytes.data() + 1, n - 1)) {
      if (word[0] == term_bytes[0]) {
        Push(kTerm, term);
      } else if (word[0] >= 'A' && word[0] <= 'Z' && word[0] + 32 == term_bytes[0]) {
        Push(kCapitalizedTerm, term);
      } else {
        Literal(word, term);
      }
    } else {
      Literal(word, term);
    }
    previous_ = StoreVocabulary::kWord;
  }
  covered_ = end;
}

void StoreBuilder::Literal(std::string_view word, uint32_t term) {
  const uint32_t id = literal_words_.Intern(word);
  if (id >= literal_terms_.size()) literal_terms_.resize(id + 1, 0);
  uint32_t& known = literal_terms_[id];
  if (known == 0) known = term == kNoTerm ? kConflict : term + 1;
  // The entry names its first term: this word, indexed as none or another,
  // cannot be read by it.
  if (known != term + 1) words_are_positions_ = false;
  Push(kLiteralWord, id);
}

void StoreBuilder::Ideograph(uint32_t begin, uint32_t position, char16_t ideograph) {
  if (begin < covered_ || begin + 3 > text_.size()) {
    words_are_positions_ = false;
    return;
  }
  if (position != words_) words_are_positions_ = false;
  Gap(begin, StoreVocabulary::kIdeograph);
  NoteWord();
  Push(kIdeograph, ideograph);
  previous_ = StoreVocabulary::kIdeograph;
  covered_ = begin + 3;
}

bool StoreBuilder::EndTurn(std::string_view label, uint32_t positions) {
  if (covered_ < text_.size()) Separator(text_.substr(covered_));
  Push(kEnd, 0);
  if (!label.empty()) Separator(label);
  Push(kEnd, 0);
  blocks_.back().decoded_size += text_.size() + label.size();
  text_ = {};
  return words_are_positions_ && words_ == positions;
}

Status StoreBuilder::Finish(const std::function<std::string_view(uint32_t)>& term_bytes,
                            const std::function<uint32_t(uint32_t)>& term_ordinal,
                            const std::function<uint32_t(char16_t)>& ideograph_term) {
  // Rank every token used, most frequent first; ties by kind and id (the
  // order of first use), so the ranking is deterministic.
  struct Used {
    uint32_t count;
    uint32_t token;
  };
  std::vector<Used> used;
  for (uint32_t kind = 0; kind < kKinds; ++kind) {
    const std::vector<uint32_t>& counts = counts_[kind];
    for (uint32_t id = 0; id < counts.size(); ++id) {
      if (counts[id] > 0) used.push_back(Used{counts[id], (kind << kIdBits) | id});
    }
  }
  std::sort(used.begin(), used.end(), [](const Used& a, const Used& b) {
    return a.count != b.count ? a.count > b.count : a.token < b.token;
  });
  std::vector<uint64_t> frequencies(used.size());
  for (size_t r = 0; r < used.size(); ++r) frequencies[r] = used[r].count;
  const DenseCode code(DenseCode::Best(frequencies));
  if (code.capacity() < used.size()) return Status::IOError("store vocabulary too large");

  // The vocabulary, and each token's codeword (length in the low byte, then
  // its bytes), by kind and id.
  std::string ideographs, capitalized;
  ideographs.reserve(3 * used.size());
  size_t capitalized_bytes = 0;
  for (uint32_t id = 0; id < counts_[kCapitalizedTerm].size(); ++id) {
    if (counts_[kCapitalizedTerm][id] > 0) capitalized_bytes += term_bytes(id).size();
  }
  capitalized.reserve(capitalized_bytes);  // views into it stay valid
  std::vector<StoreVocabulary::Token> ranked(used.size());
  std::vector<uint64_t> codewords[kKinds];
  for (uint32_t kind = 0; kind < kKinds; ++kind) codewords[kind].resize(counts_[kind].size());
  for (size_t r = 0; r < used.size(); ++r) {
    const uint32_t kind = used[r].token >> kIdBits, id = used[r].token & ((1u << kIdBits) - 1);
    StoreVocabulary::Token& t = ranked[r];
    // A known term (id + 1, 0 for none) as its ordinal + 1.
    auto ordinal = [&](uint32_t known) {
      return known == 0 || known == kConflict ? 0 : term_ordinal(known - 1) + 1;
    };
    switch (kind) {
      case kTerm:
        t = {StoreVocabulary::kWord, term_bytes(id), ordinal(id + 1)};
        break;
      case kCapitalizedTerm: {
        const size_t at = capitalized.size();
        capitalized += term_bytes(id);
        capitalized[at] = static_cast<char>(capitalized[at] - 32);
        t = {StoreVocabulary::kWord, std::string_view(capitalized).substr(at), ordinal(id + 1)};
        break;
      }
      case kLiteralWord:
        t = {StoreVocabulary::kWord, literal_words_.term(id), ordinal(literal_terms_[id])};
        break;
      case kSeparator:
        t = {StoreVocabulary::kSeparator, separators_.term(id), 0};
        break;
      case kIdeograph: {
        const size_t at = ideographs.size();
        ideographs.push_back(static_cast<char>(0xE0 | (id >> 12)));
        ideographs.push_back(static_cast<char>(0x80 | ((id >> 6) & 0x3F)));
        ideographs.push_back(static_cast<char>(0x80 | (id & 0x3F)));
        t = {StoreVocabulary::kIdeograph, std::string_view(ideographs).substr(at, 3),
             ordinal(ideograph_term(static_cast<char16_t>(id)) + 1)};
        break;
      }
      default:
        t = {StoreVocabulary::kEnd, {}, 0};
    }
    std::string bytes;
    code.Append(r, &bytes);
    uint64_t packed = bytes.size();
    for (size_t i = 0; i < bytes.size(); ++i) {
      packed |= uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * (i + 1));
    }
    codewords[kind][id] = packed;
  }
  vocabulary_ = StoreVocabulary::Encode(code.stoppers(), ranked);
  if (vocabulary_.empty()) return Status::IOError("cannot compress the store vocabulary");

  // Each block (format.h): varint decoded size, varint size of its word
  // checkpoints, the checkpoints, then its tokens' codewords. The words
  // that are checkpoints were noted as they came (checkpoint_tokens_), so
  // that the loop over every token only compares its index.
  store_.clear();
  store_.reserve(token_count_ * 2 + blocks_.size() * 8);
  offsets_.clear();
  std::unique_ptr<char[]> codes;
  size_t codes_capacity = 0;
  std::string checkpoints;
  std::vector<uint32_t> record_checkpoints;  // of the record being coded
  size_t next_checkpoint = 0;                // in checkpoint_tokens_
  checkpoint_tokens_.push_back(SIZE_MAX);
  for (size_t b = 0; b < blocks_.size(); ++b) {
    offsets_.push_back(store_.size());
    const size_t end = b + 1 < blocks_.size() ? blocks_[b + 1].first_token : token_count_;
    const size_t need = (end - blocks_[b].first_token) * DenseCode::kMaxBytes + 8;
    if (need > codes_capacity) {
      codes_capacity = std::max(need, 2 * codes_capacity);
      codes.reset(new char[codes_capacity]);
    }
    char* const codes_start = codes.get();
    char* out = codes_start;
    checkpoints.clear();
    uint32_t record_start = 0, previous_record_start = 0;
    bool in_label = false;
    for (size_t i = blocks_[b].first_token; i < end; ++i) {
      const uint32_t t = Token(i);
      const uint32_t kind = t >> kIdBits;
      const uint64_t packed = codewords[kind][t & ((1u << kIdBits) - 1)];
      if (i == checkpoint_tokens_[next_checkpoint]) [[unlikely]] {
        record_checkpoints.push_back(static_cast<uint32_t>(out - codes_start));
        ++next_checkpoint;
      }
      const uint64_t bytes = packed >> 8;
      std::memcpy(out, &bytes, sizeof(uint32_t));  // little-endian: the codeword first
      out += packed & 0xFF;
      if (kind == kEnd) [[unlikely]] {
        if (in_label) {  // the record's end: its checkpoints
          PutVarint(&checkpoints, record_start - previous_record_start);
          PutVarint(&checkpoints, record_checkpoints.size());
          uint32_t previous = record_start;
          for (uint32_t at : record_checkpoints) {
            PutVarint(&checkpoints, at - previous);
            previous = at;
          }
          record_checkpoints.clear();
          previous_record_start = record_start;
          record_start = static_cast<uint32_t>(out - codes_start);
        }
        in_label = !in_label;
      }
    }
    PutVarint(&store_, blocks_[b].decoded_size);
    PutVarint(&store_, checkpoints.size());
    store_ += checkpoints;
    store_.append(codes_start, static_cast<size_t>(out - codes_start));
  }
  checkpoint_tokens_ = {};
  chunks_.clear();
  token_count_ = 0;
  return Status::Ok();
}

std::string StoreBuilder::BlocksSection() const {
  std::string out;
  PutVarint(&out, blocks_.size());
  for (size_t i = 0; i < blocks_.size(); ++i) {
    PutVarint(&out, blocks_[i].first_turn - (i > 0 ? blocks_[i - 1].first_turn : 0));
    PutVarint(&out, offsets_[i] - (i > 0 ? offsets_[i - 1] : 0));
  }
  return out;
}

}  // namespace lectern
