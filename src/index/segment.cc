#include "index/segment.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <map>

#include "index/coding.h"
#include "index/format.h"
#include "model/briefing_json.h"

namespace lectern {

PostingIterator::PostingIterator(std::string_view postings, std::string_view positions, uint32_t df)
    : p_(postings.data()),
      end_(postings.data() + postings.size()),
      pos_p_(positions.data()),
      pos_end_(positions.data() + positions.size()),
      df_(df) {}

bool PostingIterator::Next() {
  if (seen_ >= df_) return false;
  uint32_t delta, freq;
  if (!GetVarint32(&p_, end_, &delta) || !GetVarint32(&p_, end_, &freq) || freq == 0) {
    seen_ = df_;
    return false;
  }
  if (!positions_ready_) unread_positions_ += seen_ == 0 ? 0 : freq_;
  doc_ = seen_ == 0 ? delta : doc_ + delta;
  freq_ = freq;
  ++seen_;
  positions_ready_ = false;
  return true;
}

bool PostingIterator::SkipTo(uint32_t target) {
  if (seen_ > 0 && doc_ >= target) return true;
  while (Next()) {
    if (doc_ >= target) return true;
  }
  return false;
}

const std::vector<uint32_t>& PostingIterator::Positions() {
  if (positions_ready_) return positions_;
  uint64_t skip;
  for (; unread_positions_ > 0; --unread_positions_) {
    if (!GetVarint(&pos_p_, pos_end_, &skip)) break;
  }
  unread_positions_ = 0;
  positions_.clear();
  uint32_t position = 0, delta;
  for (uint32_t i = 0; i < freq_; ++i) {
    if (!GetVarint32(&pos_p_, pos_end_, &delta)) break;
    position += delta;
    positions_.push_back(position);
  }
  positions_ready_ = true;
  return positions_;
}

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

uint32_t Segment::Column32(const char* column, uint32_t doc) {
  return GetFixed32(column + 4 * static_cast<size_t>(doc));
}

Status Segment::Parse() {
  const std::string_view data = file_.data();
  constexpr size_t kFooterEntry = 24;
  if (data.size() < kSegmentHeaderSize + 4 + kSegmentEndMagic.size() ||
      data.substr(0, kSegmentMagic.size()) != kSegmentMagic) {
    return Status::Corruption("not a lectern segment (bad header or truncated)");
  }
  if (GetFixed32(data.data() + 8) != kIndexFormatVersion) {
    return Status::Corruption("segment format version " +
                              std::to_string(GetFixed32(data.data() + 8)) + ", expected " +
                              std::to_string(kIndexFormatVersion));
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
    // zlib's crc32 takes uInt lengths; feed large sections in pieces.
    for (size_t at = 0; at < bytes.size(); at += 1u << 30) {
      size_t n = std::min<size_t>(bytes.size() - at, 1u << 30);
      actual =
          crc32(actual, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
    }
    if (actual != crc)
      return Status::Corruption("checksum mismatch in section " + std::to_string(id));
    sections[id] = bytes;
  }
  for (uint32_t id : {kSectionStrings, kSectionBriefings, kSectionStore, kSectionTurns,
                      kSectionTerms, kSectionPostings, kSectionPositions}) {
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
  s = sections[kSectionTurns];
  if (s.size() < 4) return bad;
  turn_count_ = GetFixed32(s.data());
  if (s.size() != 4 + static_cast<uint64_t>(turn_count_) * 21) return bad;
  const char* c = s.data() + 4;
  briefing_col_ = c;
  index_col_ = c + 4ull * turn_count_;
  role_col_ = reinterpret_cast<const unsigned char*>(c + 8ull * turn_count_);
  speaker_col_ = c + 9ull * turn_count_;
  outlet_col_ = c + 13ull * turn_count_;
  length_col_ = c + 17ull * turn_count_;

  s = sections[kSectionBriefings];
  p = s.data(), end = s.data() + s.size();
  if (!GetVarint(&p, end, &n) || n > s.size()) return bad;
  briefings_.resize(n);
  uint64_t next_turn = 0;
  for (BriefingMeta& b : briefings_) {
    if (!GetString(&p, end, &b.id) || end - p < 8) return bad;
    b.hash = GetFixed64(p);
    p += 8;
    uint64_t v[8];
    for (uint64_t& x : v) {
      if (!GetVarint(&p, end, &x)) return bad;
    }
    if (v[0] != next_turn || v[1] > turn_count_ - v[0]) return bad;
    next_turn = v[0] + v[1];
    b.first_turn = static_cast<uint32_t>(v[0]);
    b.turn_count = static_cast<uint32_t>(v[1]);
    if (v[2] != 0) b.date = static_cast<int32_t>(static_cast<int64_t>(v[2]) - 1);
    if (v[3] >= strings_.size() || v[4] >= strings_.size() || v[5] >= strings_.size()) return bad;
    b.language = static_cast<uint32_t>(v[3]);
    b.institution = static_cast<uint32_t>(v[4]);
    b.kind = static_cast<uint32_t>(v[5]);
    if (v[6] > store_.size() || v[7] > store_.size() - v[6]) return bad;
    b.store_offset = v[6];
    b.store_size = v[7];
  }
  if (next_turn != turn_count_) return bad;
  for (uint32_t doc = 0; doc < turn_count_; ++doc) {
    if (turn_briefing(doc) >= briefings_.size() || role_col_[doc] > 3 ||
        turn_speaker(doc) >= strings_.size() || turn_outlet(doc) >= strings_.size()) {
      return bad;
    }
  }

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
    uint64_t po = GetFixed64(r + 4), pp = GetFixed64(r + 12);
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
  info.postings_begin = GetFixed64(r + 4);
  info.positions_begin = GetFixed64(r + 12);
  if (ordinal + 1 < term_count_) {
    const char* next = r + kTermRecordSize;
    info.postings_end = GetFixed64(next + 4);
    info.positions_end = GetFixed64(next + 12);
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

Result<Briefing> Segment::LoadBriefing(uint32_t ordinal) const {
  if (ordinal >= briefings_.size()) return Status::NotFound("no such briefing");
  const BriefingMeta& b = briefings_[ordinal];
  std::string_view frame = store_.substr(b.store_offset, b.store_size);
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 30)) {
    return Status::Corruption(path_ + ": damaged stored briefing " + std::string(b.id));
  }
  std::string json(size, '\0');
  size_t n = ZSTD_decompress(json.data(), json.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size) {
    return Status::Corruption(path_ + ": damaged stored briefing " + std::string(b.id));
  }
  Result<Briefing> briefing = BriefingFromJson(json);
  if (!briefing.ok()) return briefing.status().WithContext(path_);
  return briefing;
}

}  // namespace lectern
