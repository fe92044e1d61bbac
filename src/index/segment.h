// Segment: read access to one immutable segment file (format.h), memory
// mapped. Open() verifies the layout and every section's checksum, so a
// damaged or truncated file is an error naming it, and later reads stay in
// bounds. A Segment is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/coding.h"
#include "index/format.h"
#include "index/fs.h"
#include "index/store_vocabulary.h"
#include "model/briefing.h"

namespace lectern {

struct BriefingMeta {
  std::string_view id;
  uint64_t hash = 0;
  uint32_t first_turn = 0, turn_count = 0;
  std::optional<int32_t> date;                       // days since 1970-01-01
  uint32_t language = 0, institution = 0, kind = 0;  // string ids
  std::string_view title, source;
  std::vector<uint32_t> spokespersons;  // string ids
  std::vector<Exchange> exchanges;
};

struct TermInfo {
  uint32_t ordinal = 0;
  uint32_t df = 0;
  uint64_t postings_begin = 0, postings_end = 0;
  uint64_t positions_begin = 0, positions_end = 0;
};

// Walks one term's documents in increasing order, with their frequencies
// and, on demand, positions.
class PostingIterator {
 public:
  PostingIterator() = default;
  PostingIterator(std::string_view postings, std::string_view positions, uint32_t df);

  // Moves to the next document; false at the end (or on damaged data).
  bool Next() {
    // Most postings are one byte: a small gap and frequency 1.
    if (seen_ < df_ && p_ < end_ && (static_cast<unsigned char>(*p_) & 0x81) == 0x01) {
      const uint32_t delta = static_cast<unsigned char>(*p_++) >> 1;
      if (!positions_ready_) unread_positions_ += freq_;  // 0 before the first document
      doc_ = seen_ == 0 ? delta : doc_ + delta;
      freq_ = 1;
      ++seen_;
      positions_ready_ = false;
      return true;
    }
    return NextSlow();
  }
  // Moves to the first document >= target; false if there is none.
  bool SkipTo(uint32_t target) {
    if (seen_ > 0 && doc_ >= target) return true;
    if (next_skip_ < skip_count_ && entry_.last_doc < target) {
      return SkipToSlow(target);  // a whole block or more to jump
    }
    while (Next()) {
      if (doc_ >= target) return true;
    }
    return false;
  }
  uint32_t doc() const { return doc_; }
  uint32_t freq() const { return freq_; }
  // The current document's positions, ascending.
  const std::vector<uint32_t>& Positions();
  // Calls f(position) for each of the current document's positions,
  // ascending, as Positions() gives them, without storing them: for the
  // passes that read every position of a segment (token_streams.h), where
  // filling the vector cost more than decoding. Positions() may still be
  // called afterwards.
  template <typename F>
  void ForEachPosition(F f) {
    if (positions_ready_) {
      for (uint32_t p : Positions()) f(p);
      return;
    }
    SkipUnreadPositions();
    streamed_from_ = pos_p_;
    uint32_t position = 0;
    for (uint32_t i = 0; i < freq_; ++i) {
      uint32_t delta;
      // Most gaps between positions fit in one byte.
      if (pos_p_ < pos_end_ && (static_cast<unsigned char>(*pos_p_) & 0x80) == 0) {
        delta = static_cast<unsigned char>(*pos_p_++);
      } else if (!GetVarint32(&pos_p_, pos_end_, &delta)) {
        break;
      }
      position += delta;
      f(position);
    }
    positions_ready_ = true;
  }
  uint32_t df() const { return df_; }

 private:
  // A skip entry (format.h), its deltas added up.
  struct SkipEntry {
    uint64_t last_doc = 0, postings_at = 0, positions_at = 0;
  };

  bool NextSlow();
  bool SkipToSlow(uint32_t target);
  // Decodes skip entry `next_skip_` into `entry_`; false if damaged.
  bool ReadSkipEntry();
  // Moves past the positions of the documents passed without reading them.
  void SkipUnreadPositions();

  const char *p_ = nullptr, *end_ = nullptr;
  const char *pos_p_ = nullptr, *pos_end_ = nullptr;
  const char *skip_p_ = nullptr, *skip_end_ = nullptr, *base_ = nullptr, *pos_base_ = nullptr;
  uint32_t skip_count_ = 0, next_skip_ = 0;
  SkipEntry entry_;  // entry `next_skip_`, when next_skip_ < skip_count_
  uint32_t df_ = 0, seen_ = 0;
  uint32_t doc_ = 0, freq_ = 0;
  uint32_t unread_positions_ = 0;  // positions of earlier documents not yet skipped
  bool positions_ready_ = false;
  std::vector<uint32_t> positions_;
  // When positions_ready_: where the current document's positions start if
  // ForEachPosition read them (positions_ does not hold them), else null.
  const char* streamed_from_ = nullptr;
};

class Segment {
 public:
  static Result<std::shared_ptr<const Segment>> Open(const std::string& path);
  ~Segment();

  const std::string& path() const { return path_; }

  // Drops the segment file's pages from this process's resident memory
  // (MappedFile::Release): for a reader that has just read much of it once,
  // as the talking-point analysis reads every position. Later reads fault
  // back what they touch from the page cache.
  void ReleaseResidentPages() const { file_.Release(file_.data()); }
  // The same for the store only (StoreReader).
  void ReleaseStorePages() const { file_.Release(store_); }

  uint32_t turn_count() const { return turn_count_; }
  uint32_t briefing_count() const { return static_cast<uint32_t>(briefings_.size()); }
  uint32_t term_count() const { return term_count_; }

  uint32_t string_count() const { return static_cast<uint32_t>(strings_.size()); }
  std::string_view string(uint32_t id) const;
  // The id of `s` in this segment's string table, or nullopt.
  std::optional<uint32_t> FindString(std::string_view s) const;
  const BriefingMeta& briefing(uint32_t ordinal) const { return briefings_[ordinal]; }

  // Turn columns.
  uint32_t turn_briefing(uint32_t doc) const {
    return GetFixedWidth(briefing_col_, briefing_width_, doc);
  }
  uint32_t turn_index(uint32_t doc) const {
    return doc - briefings_[turn_briefing(doc)].first_turn;
  }
  Role turn_role(uint32_t doc) const { return static_cast<Role>(role_col_[doc] & kRoleMask); }
  bool turn_follow_up(uint32_t doc) const { return (role_col_[doc] & kFollowUpBit) != 0; }
  // Whether the k-th word or ideograph of the turn's stored text is the one
  // at position k (StoreBuilder::EndTurn): its words can then be located
  // without analysing its text (StoreReader::LocateWords).
  bool turn_words_are_positions(uint32_t doc) const {
    return (role_col_[doc] & kWordsArePositionsBit) != 0;
  }
  uint32_t turn_speaker(uint32_t doc) const {
    return GetFixedWidth(speaker_col_, string_width_, doc);
  }
  uint32_t turn_outlet(uint32_t doc) const {
    return GetFixedWidth(outlet_col_, string_width_, doc);
  }
  // In positions: words, and ideographs one by one.
  uint32_t turn_length(uint32_t doc) const {
    return GetFixedWidth(length_col_, length_width_, doc);
  }

  // Term dictionary.
  std::string_view term(uint32_t ordinal) const;
  std::optional<TermInfo> Find(std::string_view term) const;
  // Terms starting with `prefix`, in order, at most `limit` (+1 to tell "more").
  std::vector<TermInfo> PrefixRange(std::string_view prefix, size_t limit) const;
  PostingIterator Postings(const TermInfo& info) const;

  // The stored briefing, put together from its record, columns and store.
  Result<Briefing> LoadBriefing(uint32_t ordinal) const;

  // Store blocks (format.h): the block holding turn `doc`, and its bytes.
  uint32_t block_count() const { return static_cast<uint32_t>(block_first_turn_.size()); }
  uint32_t BlockOf(uint32_t doc) const;
  uint32_t block_first_turn(uint32_t block) const { return block_first_turn_[block]; }
  uint32_t block_turn_count(uint32_t block) const {
    return (block + 1 < block_count() ? block_first_turn_[block + 1] : turn_count_) -
           block_first_turn_[block];
  }
  std::string_view block_bytes(uint32_t block) const;
  // The vocabulary the store's blocks are coded with, read on first use
  // (safe from any thread): an analysis that reads no stored text never
  // holds it. Corruption, naming the file, if it is damaged.
  Result<const StoreVocabulary*> store_vocabulary() const;

 private:
  Segment() = default;
  Status Parse();
  Status ParseBriefings(std::string_view compressed);
  TermInfo Info(uint32_t ordinal) const;

  std::string path_;
  MappedFile file_;
  std::vector<std::string_view> strings_;
  std::string briefing_records_;  // decompressed kBriefings; BriefingMeta views point into it
  std::vector<BriefingMeta> briefings_;
  std::string_view store_, postings_, positions_;
  std::string_view store_vocabulary_section_;
  mutable std::once_flag store_vocabulary_once_;
  mutable Result<StoreVocabulary> store_vocabulary_ = Status::NotFound("not read");
  std::vector<uint32_t> block_first_turn_;
  std::vector<uint64_t> block_offset_;
  uint32_t turn_count_ = 0, term_count_ = 0;
  const char *briefing_col_ = nullptr, *speaker_col_ = nullptr, *outlet_col_ = nullptr,
             *length_col_ = nullptr;
  unsigned briefing_width_ = 4, string_width_ = 4, length_width_ = 4;
  const unsigned char* role_col_ = nullptr;
  const char *term_records_ = nullptr, *term_offsets_ = nullptr, *term_bytes_ = nullptr;
  uint32_t term_bytes_size_ = 0;
};

}  // namespace lectern
