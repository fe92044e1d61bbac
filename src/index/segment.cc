#include "index/segment.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <map>

#include "base/dates.h"
#include "index/coding.h"
#include "index/format.h"
#include "index/store_reader.h"

namespace lectern {

PostingIterator::PostingIterator(std::string_view postings, std::string_view positions, uint32_t df)
    : p_(postings.data()),
      end_(postings.data() + postings.size()),
      pos_p_(positions.data()),
      pos_end_(positions.data() + positions.size()),
      pos_base_(positions.data()),
      df_(df) {
  skip_count_ = df == 0 ? 0 : (df - 1) / kSkipInterval;
  if (skip_count_ > 0) {
    uint64_t length;
    if (!GetVarint(&p_, end_, &length) || length > static_cast<uint64_t>(end_ - p_)) {
      df_ = 0;  // damaged: iterate nothing
      skip_count_ = 0;
    } else {
      skip_p_ = p_;
      skip_end_ = p_ + length;
      p_ = skip_end_;
    }
  }
  base_ = p_;
  if (skip_count_ > 0 && !ReadSkipEntry()) {
    df_ = 0;
    skip_count_ = 0;
  }
}

bool PostingIterator::ReadSkipEntry() {
  uint64_t doc, postings, positions;
  if (!GetVarint(&skip_p_, skip_end_, &doc) || !GetVarint(&skip_p_, skip_end_, &postings) ||
      !GetVarint(&skip_p_, skip_end_, &positions)) {
    return false;
  }
  entry_.last_doc += doc;
  entry_.postings_at += postings;
  entry_.positions_at += positions;
  return entry_.last_doc <= UINT32_MAX &&
         entry_.postings_at <= static_cast<uint64_t>(end_ - base_) &&
         entry_.positions_at <= static_cast<uint64_t>(pos_end_ - pos_base_);
}

bool PostingIterator::NextSlow() {
  if (seen_ >= df_) return false;
  uint64_t code;
  uint32_t freq = 1;
  // Codes of two bytes, and frequencies of one, decoded inline (the token
  // streams read every posting of a segment); anything else by GetVarint.
  const auto* u = reinterpret_cast<const unsigned char*>(p_);
  if (end_ - p_ >= 2 && (u[0] & 0x80) != 0 && (u[1] & 0x80) == 0) {
    code = (u[0] & 0x7F) | (uint64_t{u[1]} << 7);
    p_ += 2;
  } else if (!GetVarint(&p_, end_, &code)) {
    seen_ = df_;
    return false;
  }
  if (code >> 33 != 0) {
    seen_ = df_;
    return false;
  }
  if ((code & 1) == 0) {
    if (p_ < end_ && (static_cast<unsigned char>(*p_) & 0x80) == 0) {
      freq = static_cast<unsigned char>(*p_++);
    } else if (!GetVarint32(&p_, end_, &freq)) {
      seen_ = df_;
      return false;
    }
    if (freq < 2) {
      seen_ = df_;
      return false;
    }
  }
  const uint32_t delta = static_cast<uint32_t>(code >> 1);
  if (!positions_ready_) unread_positions_ += seen_ == 0 ? 0 : freq_;
  doc_ = seen_ == 0 ? delta : doc_ + delta;
  freq_ = freq;
  ++seen_;
  positions_ready_ = false;
  return true;
}

bool PostingIterator::SkipToSlow(uint32_t target) {
  // Entry k starts block k + 1; its last_doc is the last document of block
  // k. Pass every entry whose block lies wholly below `target` and jump to
  // the start of the block after the last one passed, if that is ahead.
  SkipEntry jump;
  bool passed = false;
  while (next_skip_ < skip_count_ && entry_.last_doc < target) {
    jump = entry_;
    passed = true;
    ++next_skip_;
    if (next_skip_ < skip_count_ && !ReadSkipEntry()) {
      seen_ = df_;  // damaged
      return false;
    }
  }
  const uint32_t block_start = next_skip_ * kSkipInterval;  // index of the block's first document
  if (passed && block_start > seen_) {
    doc_ = static_cast<uint32_t>(jump.last_doc);
    p_ = base_ + jump.postings_at;
    pos_p_ = pos_base_ + jump.positions_at;
    seen_ = block_start;
    freq_ = 0;
    unread_positions_ = 0;
    positions_ready_ = false;
  }
  while (Next()) {
    if (doc_ >= target) return true;
  }
  return false;
}

void PostingIterator::SkipUnreadPositions() {
  uint64_t skip;
  for (; unread_positions_ > 0; --unread_positions_) {
    if (!GetVarint(&pos_p_, pos_end_, &skip)) break;
  }
  unread_positions_ = 0;
}

const std::vector<uint32_t>& PostingIterator::Positions() {
  if (positions_ready_ && streamed_from_ == nullptr) return positions_;
  // Read already by ForEachPosition (decoded again from their start), or not yet.
  const bool streamed = positions_ready_;
  if (!streamed) SkipUnreadPositions();
  const char* p = streamed ? streamed_from_ : pos_p_;
  positions_.clear();
  uint32_t position = 0, delta;
  for (uint32_t i = 0; i < freq_; ++i) {
    if (!GetVarint32(&p, pos_end_, &delta)) break;
    position += delta;
    positions_.push_back(position);
  }
  if (!streamed) pos_p_ = p;
  streamed_from_ = nullptr;
  positions_ready_ = true;
  return positions_;
}

Result<const StoreVocabulary*> Segment::store_vocabulary() const {
  std::call_once(store_vocabulary_once_,
                 [this] { store_vocabulary_ = StoreVocabulary::Parse(store_vocabulary_section_); });
  if (!store_vocabulary_.ok()) {
    return Status::Corruption(path_ + ": " + store_vocabulary_.status().message());
  }
  return &*store_vocabulary_;
}

Segment::~Segment() = default;

Result<std::shared_ptr<const Segment>> Segment::Open(const std::string& path) {
  std::shared_ptr<Segment> segment(new Segment());
  segment->path_ = path;
  Result<MappedFile> file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  segment->file_ = std::move(file).value();
  Status status = segment->Parse();
  if (!status.ok()) return Status::Corruption(path + ": " + status.message());
  return std::shared_ptr<const Segment>(std::move(segment));
}

Status Segment::Parse() {
  const std::string_view data = file_.data();
  constexpr size_t kFooterEntry = 24;
  if (data.size() < kSegmentHeaderSize + 4 + kSegmentEndMagic.size() ||
      data.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
    return Status::Corruption("not a lectern segment (bad header or truncated)");
  }
  const uint32_t version = GetFixed32(data.data() + 8);
  if (version < kOldestReadableFormatVersion || version > kIndexFormatVersion) {
    return Status::Corruption("segment format " + std::to_string(version) +
                              ", this lectern reads " +
                              std::to_string(kOldestReadableFormatVersion) + " to " +
                              std::to_string(kIndexFormatVersion) + "; ingest again");
  }
  if (GetFixed32(data.data() + 12) != 0) return Status::Corruption("unknown segment flags");
  if (data.substr(data.size() - kSegmentEndMagic.size()) != kSegmentEndMagic) {
    return Status::Corruption("truncated (no end marker)");
  }
  const size_t count_at = data.size() - kSegmentEndMagic.size() - 4;
  const uint32_t count = GetFixed32(data.data() + count_at);
  if (count > 64 || count * kFooterEntry > count_at - kSegmentHeaderSize) {
    return Status::Corruption("damaged footer");
  }
  std::map<uint32_t, std::string_view> sections;
  const size_t table_at = count_at - count * kFooterEntry;
  for (uint32_t i = 0; i < count; ++i) {
    const char* e = data.data() + table_at + i * kFooterEntry;
    const uint32_t id = GetFixed32(e);
    const uint64_t offset = GetFixed64(e + 4), length = GetFixed64(e + 12);
    const uint32_t crc = GetFixed32(e + 20);
    if (offset < kSegmentHeaderSize || offset > table_at || length > table_at - offset) {
      return Status::Corruption("section " + std::to_string(id) + " lies outside the file");
    }
    std::string_view bytes = data.substr(offset, length);
    uLong actual = 0;
    // In pieces, each released once read: a reader touches only the parts it
    // needs (a talking-point analysis reads no stored text), so verifying
    // should not leave the whole file resident.
    constexpr size_t kPiece = size_t{1} << 20;
    for (size_t at = 0; at < bytes.size(); at += kPiece) {
      const std::string_view piece = bytes.substr(at, kPiece);
      actual = crc32(actual, reinterpret_cast<const Bytef*>(piece.data()),
                     static_cast<uInt>(piece.size()));
      file_.Release(piece);
    }
    if (actual != crc)
      return Status::Corruption("checksum mismatch in section " + std::to_string(id));
    sections[id] = bytes;
  }
  for (uint32_t id :
       {kSectionStrings, kSectionBriefings, kSectionStore, kSectionTurns, kSectionTerms,
        kSectionPostings, kSectionPositions, kSectionBlocks, kSectionStoreVocabulary}) {
    if (!sections.count(id)) return Status::Corruption("missing section " + std::to_string(id));
  }
  const Status bad = Status::Corruption("malformed section");

  std::string_view s = sections[kSectionStrings];
  const char *p = s.data(), *end = s.data() + s.size();
  uint64_t n;
  if (!GetVarint(&p, end, &n) || n > s.size()) return bad;
  strings_.resize(n);
  for (auto& str : strings_) {
    if (!GetString(&p, end, &str)) return bad;
  }

  store_ = sections[kSectionStore];
  store_vocabulary_section_ = sections[kSectionStoreVocabulary];
  s = sections[kSectionTurns];
  if (s.size() < 8) return bad;
  turn_count_ = GetFixed32(s.data());
  briefing_width_ = static_cast<unsigned char>(s[4]);
  string_width_ = static_cast<unsigned char>(s[5]);
  length_width_ = static_cast<unsigned char>(s[6]);
  for (unsigned w : {briefing_width_, string_width_, length_width_}) {
    if (w != 1 && w != 2 && w != 4) return bad;
  }
  const uint64_t n_turns = turn_count_;
  if (s.size() != 8 + n_turns * (1 + briefing_width_ + 2 * string_width_ + length_width_)) {
    return bad;
  }
  role_col_ = reinterpret_cast<const unsigned char*>(s.data() + 8);
  briefing_col_ = s.data() + 8 + n_turns;
  speaker_col_ = briefing_col_ + n_turns * briefing_width_;
  outlet_col_ = speaker_col_ + n_turns * string_width_;
  length_col_ = outlet_col_ + n_turns * string_width_;

  LECTERN_RETURN_IF_ERROR(ParseBriefings(sections[kSectionBriefings]));
  for (uint32_t doc = 0; doc < turn_count_; ++doc) {
    const uint32_t b = turn_briefing(doc);
    if (b >= briefings_.size() || doc < briefings_[b].first_turn ||
        doc - briefings_[b].first_turn >= briefings_[b].turn_count ||
        (role_col_[doc] & ~(kRoleMask | kFollowUpBit | kWordsArePositionsBit)) != 0 ||
        turn_speaker(doc) >= strings_.size() || turn_outlet(doc) >= strings_.size()) {
      return bad;
    }
  }

  s = sections[kSectionBlocks];
  p = s.data();
  end = s.data() + s.size();
  uint64_t blocks;
  if (!GetVarint(&p, end, &blocks) || blocks > s.size()) return bad;
  block_first_turn_.resize(blocks);
  block_offset_.resize(blocks);
  uint64_t first_turn = 0, offset = 0;
  for (uint64_t i = 0; i < blocks; ++i) {
    uint64_t turn_delta, offset_delta;
    if (!GetVarint(&p, end, &turn_delta) || !GetVarint(&p, end, &offset_delta)) return bad;
    // Every block but the first starts after the one before, in turns and bytes.
    if (i > 0 && (turn_delta == 0 || offset_delta == 0)) return bad;
    first_turn += turn_delta;
    offset += offset_delta;
    if ((i == 0 && (first_turn != 0 || offset != 0)) || first_turn >= turn_count_ ||
        offset >= store_.size()) {
      return bad;
    }
    block_first_turn_[i] = static_cast<uint32_t>(first_turn);
    block_offset_[i] = offset;
  }
  if (p != end) return bad;
  if ((blocks == 0) != (turn_count_ == 0)) return bad;

  postings_ = sections[kSectionPostings];
  positions_ = sections[kSectionPositions];
  s = sections[kSectionTerms];
  if (s.size() < 4) return bad;
  term_count_ = GetFixed32(s.data());
  const uint64_t fixed = 4 + static_cast<uint64_t>(term_count_) * kTermRecordSize +
                         (static_cast<uint64_t>(term_count_) + 1) * 4;
  if (fixed > s.size()) return bad;
  term_records_ = s.data() + 4;
  term_offsets_ = term_records_ + static_cast<size_t>(term_count_) * kTermRecordSize;
  term_bytes_ = term_offsets_ + (static_cast<size_t>(term_count_) + 1) * 4;
  term_bytes_size_ = static_cast<uint32_t>(s.size() - fixed);
  uint32_t previous = 0;
  for (uint32_t i = 0; i <= term_count_; ++i) {
    uint32_t offset = GetFixed32(term_offsets_ + 4 * i);
    if (offset < previous || offset > term_bytes_size_) return bad;
    previous = offset;
  }
  if (previous != term_bytes_size_) return bad;
  uint64_t last_postings = 0, last_positions = 0;
  for (uint32_t i = 0; i < term_count_; ++i) {
    const char* r = term_records_ + static_cast<size_t>(i) * kTermRecordSize;
    uint64_t po = GetFixed40(r + 4), pp = GetFixed40(r + 9);
    if (po < last_postings || pp < last_positions || po > postings_.size() ||
        pp > positions_.size()) {
      return bad;
    }
    last_postings = po;
    last_positions = pp;
  }
  return Status::Ok();
}

std::string_view Segment::string(uint32_t id) const {
  return id < strings_.size() ? strings_[id] : std::string_view();
}

std::optional<uint32_t> Segment::FindString(std::string_view s) const {
  for (uint32_t i = 0; i < strings_.size(); ++i) {
    if (strings_[i] == s) return i;
  }
  return std::nullopt;
}

std::string_view Segment::term(uint32_t ordinal) const {
  uint32_t a = GetFixed32(term_offsets_ + 4 * ordinal);
  uint32_t b = GetFixed32(term_offsets_ + 4 * (ordinal + 1));
  return std::string_view(term_bytes_ + a, b - a);
}

TermInfo Segment::Info(uint32_t ordinal) const {
  const char* r = term_records_ + static_cast<size_t>(ordinal) * kTermRecordSize;
  TermInfo info;
  info.ordinal = ordinal;
  info.df = GetFixed32(r);
  info.postings_begin = GetFixed40(r + 4);
  info.positions_begin = GetFixed40(r + 9);
  if (ordinal + 1 < term_count_) {
    const char* next = r + kTermRecordSize;
    info.postings_end = GetFixed40(next + 4);
    info.positions_end = GetFixed40(next + 9);
  } else {
    info.postings_end = postings_.size();
    info.positions_end = positions_.size();
  }
  return info;
}

std::optional<TermInfo> Segment::Find(std::string_view t) const {
  uint32_t lo = 0, hi = term_count_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (term(mid) < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < term_count_ && term(lo) == t) return Info(lo);
  return std::nullopt;
}

std::vector<TermInfo> Segment::PrefixRange(std::string_view prefix, size_t limit) const {
  uint32_t lo = 0, hi = term_count_;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (term(mid) < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  std::vector<TermInfo> out;
  for (uint32_t i = lo; i < term_count_ && out.size() <= limit; ++i) {
    if (term(i).substr(0, prefix.size()) != prefix) break;
    out.push_back(Info(i));
  }
  return out;
}

PostingIterator Segment::Postings(const TermInfo& info) const {
  return PostingIterator(
      postings_.substr(info.postings_begin, info.postings_end - info.postings_begin),
      positions_.substr(info.positions_begin, info.positions_end - info.positions_begin), info.df);
}

Status Segment::ParseBriefings(std::string_view compressed) {
  const Status bad = Status::Corruption("malformed briefing records");
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > (uint64_t{1} << 32)) {
    return bad;
  }
  briefing_records_.resize(size);
  const size_t got = ZSTD_decompress(briefing_records_.data(), briefing_records_.size(),
                                     compressed.data(), compressed.size());
  if (ZSTD_isError(got) || got != size) return bad;
  const char *p = briefing_records_.data(), *end = p + briefing_records_.size();
  uint64_t n;
  if (!GetVarint(&p, end, &n) || n > briefing_records_.size()) return bad;
  briefings_.resize(n);
  uint64_t next_turn = 0;
  auto count = [&](uint64_t* v) { return GetVarint(&p, end, v) && *v <= uint64_t(end - p); };
  for (BriefingMeta& b : briefings_) {
    if (!GetString(&p, end, &b.id) || end - p < 8) return bad;
    b.hash = GetFixed64(p);
    p += 8;
    uint64_t v[5];
    for (uint64_t& x : v) {
      if (!GetVarint(&p, end, &x)) return bad;
    }
    if (v[0] > turn_count_ - next_turn) return bad;
    b.first_turn = static_cast<uint32_t>(next_turn);
    b.turn_count = static_cast<uint32_t>(v[0]);
    next_turn += v[0];
    if (v[1] != 0) b.date = static_cast<int32_t>(static_cast<int64_t>(v[1]) - 1);
    if (v[2] >= strings_.size() || v[3] >= strings_.size() || v[4] >= strings_.size()) return bad;
    b.language = static_cast<uint32_t>(v[2]);
    b.institution = static_cast<uint32_t>(v[3]);
    b.kind = static_cast<uint32_t>(v[4]);
    if (!GetString(&p, end, &b.title) || !GetString(&p, end, &b.source)) return bad;
    uint64_t k;
    if (!count(&k)) return bad;
    b.spokespersons.resize(k);
    for (uint32_t& id : b.spokespersons) {
      if (!GetVarint32(&p, end, &id) || id >= strings_.size()) return bad;
    }
    if (!count(&k)) return bad;
    b.exchanges.resize(k);
    for (Exchange& e : b.exchanges) {
      for (std::vector<int>* list : {&e.question, &e.answer}) {
        uint64_t m;
        if (!count(&m)) return bad;
        list->resize(m);
        for (int& turn : *list) {
          uint32_t t;
          if (!GetVarint32(&p, end, &t) || t >= b.turn_count) return bad;
          turn = static_cast<int>(t);
        }
      }
    }
  }
  if (next_turn != turn_count_ || p != end) return bad;
  return Status::Ok();
}

uint32_t Segment::BlockOf(uint32_t doc) const {
  auto it = std::upper_bound(block_first_turn_.begin(), block_first_turn_.end(), doc);
  return static_cast<uint32_t>(it - block_first_turn_.begin()) - 1;
}

std::string_view Segment::block_bytes(uint32_t block) const {
  const uint64_t end = block + 1 < block_offset_.size() ? block_offset_[block + 1] : store_.size();
  return store_.substr(block_offset_[block], end - block_offset_[block]);
}

Result<Briefing> Segment::LoadBriefing(uint32_t ordinal) const {
  if (ordinal >= briefings_.size()) return Status::NotFound("no such briefing");
  const BriefingMeta& m = briefings_[ordinal];
  Briefing b;
  b.id = m.id;
  b.institution = string(m.institution);
  b.language = string(m.language);
  if (m.date) b.date = IsoDateFromDays(*m.date);
  b.title = m.title;
  b.kind = string(m.kind);
  for (uint32_t s : m.spokespersons) b.spokespersons.emplace_back(string(s));
  b.source = m.source;
  b.exchanges = m.exchanges;
  StoreReader store(*this);
  b.turns.resize(m.turn_count);
  for (uint32_t t = 0; t < m.turn_count; ++t) {
    const uint32_t doc = m.first_turn + t;
    Turn& turn = b.turns[t];
    std::string_view text, label;
    LECTERN_RETURN_IF_ERROR(store.Read(doc, &text, &label));
    turn.text = text;
    turn.label = label;
    turn.role = turn_role(doc);
    turn.follow_up = turn_follow_up(doc);
    if (uint32_t s = turn_speaker(doc)) turn.speaker = std::string(string(s));
    if (uint32_t o = turn_outlet(doc)) turn.outlet = std::string(string(o));
  }
  return b;
}

}  // namespace lectern
