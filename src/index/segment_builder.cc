#include "index/segment_builder.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "base/dates.h"
#include "base/hash.h"
#include "index/byte_buffer.h"
#include "index/coding.h"
#include "index/format.h"
#include "index/fs.h"
#include "index/store_builder.h"
#include "index/term_table.h"

namespace lectern {
namespace {

// One term's postings as they accumulate, already encoded: what every
// token of the term touches, in one cache line.
struct alignas(64) TermPostings {
  uint32_t current = 0;  // doc + 1 of the turn being indexed, when it has the term
  uint32_t freq = 0;     // occurrences in that turn so far
  uint32_t last_position = 0;
  uint32_t positions_at = 0;  // where the turn being indexed starts in `positions`
  ByteBuffer positions;       // varint position deltas
  ByteBuffer postings;        // see format.h, kPostings
  uint32_t df = 0;
  uint32_t last_doc = 0;  // the last document written to `postings`
};

// A term's skip entries (format.h), written once every kSkipInterval
// documents: kept apart from the hot fields.
struct TermSkips {
  ByteBuffer skips;
  // The last entry written, for the deltas of the next.
  uint32_t doc = 0, postings = 0, positions = 0;
};

struct BriefingRecord {
  std::string id;
  uint64_t hash = 0;
  uint32_t turn_count = 0;
  uint32_t date = 0;  // days since epoch + 1; 0 = none
  uint32_t language = 0, institution = 0, kind = 0;
  std::string title, source;
  std::vector<uint32_t> spokespersons;
  std::vector<Exchange> exchanges;
};

void HashField(uint64_t* h, std::string_view s) { *h = Hash64(s, *h ^ s.size()); }

}  // namespace

uint64_t BriefingContentHash(const Briefing& b) {
  // Every field a reader sees except `source`, so that the same page read
  // from another path is unchanged. Field boundaries are part of the hash.
  uint64_t h = 0x6c656374;  // "lect"
  HashField(&h, b.id);
  HashField(&h, b.institution);
  HashField(&h, b.language);
  HashField(&h, b.date ? *b.date : std::string_view("\x00", 1));
  HashField(&h, b.title);
  HashField(&h, b.kind);
  for (const std::string& s : b.spokespersons) HashField(&h, s);
  h = Hash64("spokespersons", h ^ b.spokespersons.size());
  for (const Turn& t : b.turns) {
    const char flags[2] = {static_cast<char>(t.role), static_cast<char>(t.follow_up)};
    HashField(&h, std::string_view(flags, 2));
    HashField(&h, t.speaker ? *t.speaker : std::string_view("\x00", 1));
    HashField(&h, t.outlet ? *t.outlet : std::string_view("\x00", 1));
    HashField(&h, t.text);
  }
  std::string exchanges;
  for (const Exchange& e : b.exchanges) {
    PutVarint(&exchanges, e.question.size());
    for (int q : e.question) PutVarint(&exchanges, static_cast<uint32_t>(q));
    PutVarint(&exchanges, e.answer.size());
    for (int a : e.answer) PutVarint(&exchanges, static_cast<uint32_t>(a));
  }
  HashField(&h, exchanges);
  return h;
}

struct SegmentBuilder::Impl {
  Analyzer analyzer;
  TermTable term_ids;
  std::vector<TermPostings> terms;  // by term id
  std::vector<TermSkips> skips;     // by term id
  std::vector<uint32_t> touched;    // term ids of the turn being indexed
  std::unordered_map<std::string, uint32_t> string_ids;
  std::vector<std::string> strings = {""};
  std::vector<BriefingRecord> briefings;
  // Turn columns.
  std::vector<uint32_t> turn_briefing, turn_speaker, turn_outlet, turn_length;
  std::vector<uint8_t> turn_role;
  StoreBuilder store;
  size_t posting_bytes = 0;
  ZSTD_CCtx* zstd = ZSTD_createCCtx();

  ~Impl() { ZSTD_freeCCtx(zstd); }

  uint32_t StringId(std::string_view s) {
    if (s.empty()) return 0;
    auto [it, added] =
        string_ids.try_emplace(std::string(s), static_cast<uint32_t>(strings.size()));
    if (added) strings.emplace_back(s);
    return it->second;
  }

  // Term ids of the ideographs seen, by code point, plus one (0: not yet
  // interned): most of a Chinese text's tokens are found here, not hashed.
  std::vector<uint32_t> ideograph_ids = std::vector<uint32_t>(0x10000);

  // Receives one turn's tokens from the analyzer, for the postings and the
  // store.
  struct TurnSink final : IndexTermSink {
    Impl* m = nullptr;
    uint32_t mark = 0;  // doc + 1

    void Term(std::string_view term, uint32_t position, uint32_t begin, uint32_t end) override {
      const uint32_t id = m->InternTerm(term);
      m->AddPosition(id, mark, position);
      m->store.Word(begin, end, position, id, term);
    }
    void Ideograph(char16_t ideograph, uint32_t position, uint32_t begin) override {
      uint32_t& slot = m->ideograph_ids[ideograph];
      if (slot == 0) {
        char bytes[3] = {static_cast<char>(0xE0 | (ideograph >> 12)),
                         static_cast<char>(0x80 | ((ideograph >> 6) & 0x3F)),
                         static_cast<char>(0x80 | (ideograph & 0x3F))};
        slot = m->InternTerm(CharacterTerm(std::string_view(bytes, 3))) + 1;
      }
      m->AddPosition(slot - 1, mark, position);
      m->store.Ideograph(begin, position, ideograph);
    }
  };

  uint32_t InternTerm(std::string_view term) {
    const uint32_t id = term_ids.Intern(term);
    if (id == terms.size()) {
      terms.emplace_back();
      skips.emplace_back();
    }
    return id;
  }

  void AddPosition(uint32_t id, uint32_t mark, uint32_t position) {
    TermPostings& p = terms[id];
    if (p.current != mark) {
      p.current = mark;
      p.freq = 0;
      p.last_position = 0;
      p.positions_at = p.positions.size();
      touched.push_back(id);
    }
    const size_t size_before = p.positions.size();
    p.positions.PutVarint(position - p.last_position);
    posting_bytes += p.positions.size() - size_before;
    p.last_position = position;
    ++p.freq;
  }

  // Indexes turn `doc` and stores it with its label.
  void IndexTurn(uint32_t doc, std::string_view text, std::string_view label) {
    touched.clear();
    TurnSink sink;
    sink.m = this;
    sink.mark = doc + 1;
    store.BeginTurn(doc, text);
    const uint32_t positions = analyzer.AnalyzeForIndex(text, &sink);
    turn_length.push_back(positions);
    if (store.EndTurn(label, positions)) turn_role[doc] |= kWordsArePositionsBit;
    for (uint32_t id : touched) {
      TermPostings& p = terms[id];
      const size_t size_before = p.postings.size();
      if (p.df > 0 && p.df % kSkipInterval == 0) {
        TermSkips& s = skips[id];
        const uint32_t postings_at = p.postings.size();
        const size_t skips_before = s.skips.size();
        s.skips.PutVarint(p.last_doc - s.doc);
        s.skips.PutVarint(postings_at - s.postings);
        s.skips.PutVarint(p.positions_at - s.positions);
        s.doc = p.last_doc;
        s.postings = postings_at;
        s.positions = p.positions_at;
        posting_bytes += s.skips.size() - skips_before;
      }
      const uint32_t delta = p.df == 0 ? doc : doc - p.last_doc;
      p.postings.PutVarint((uint64_t{delta} << 1) | (p.freq == 1 ? 1 : 0));
      if (p.freq != 1) p.postings.PutVarint(p.freq);
      posting_bytes += p.postings.size() - size_before;
      p.last_doc = doc;
      ++p.df;
    }
  }
};

SegmentBuilder::SegmentBuilder() : impl_(std::make_unique<Impl>()) {}
SegmentBuilder::~SegmentBuilder() = default;

size_t SegmentBuilder::briefing_count() const { return impl_->briefings.size(); }
size_t SegmentBuilder::turn_count() const { return impl_->turn_role.size(); }
size_t SegmentBuilder::approximate_bytes() const {
  return impl_->posting_bytes + impl_->store.bytes() +
         impl_->terms.size() * (sizeof(TermPostings) + sizeof(TermSkips) + 48) +
         impl_->turn_role.size() * 21;
}

void SegmentBuilder::Add(const Briefing& b, uint64_t content_hash) {
  Impl& m = *impl_;
  BriefingRecord& record = m.briefings.emplace_back();
  record.id = b.id;
  record.hash = content_hash;
  record.turn_count = static_cast<uint32_t>(b.turns.size());
  if (b.date) {
    if (auto days = DaysFromIsoDate(*b.date)) record.date = static_cast<uint32_t>(*days + 1);
  }
  record.language = m.StringId(b.language);
  record.institution = m.StringId(b.institution);
  record.kind = m.StringId(b.kind);
  record.title = b.title;
  record.source = b.source;
  for (const std::string& s : b.spokespersons) record.spokespersons.push_back(m.StringId(s));
  record.exchanges = b.exchanges;
  const uint32_t briefing_ordinal = static_cast<uint32_t>(m.briefings.size() - 1);

  for (const Turn& turn : b.turns) {
    const uint32_t doc = static_cast<uint32_t>(m.turn_role.size());
    m.turn_briefing.push_back(briefing_ordinal);
    m.turn_role.push_back(static_cast<uint8_t>(static_cast<unsigned>(turn.role) |
                                               (turn.follow_up ? kFollowUpBit : 0)));
    m.turn_speaker.push_back(turn.speaker ? m.StringId(*turn.speaker) : 0);
    m.turn_outlet.push_back(turn.outlet ? m.StringId(*turn.outlet) : 0);
    m.IndexTurn(doc, turn.text, turn.label);
  }
}

Status SegmentBuilder::Write(const std::string& path) {
  Impl& m = *impl_;
  // Terms in byte order; postings and positions laid out in the same order.
  std::vector<uint32_t> sorted(m.terms.size());
  std::iota(sorted.begin(), sorted.end(), 0);
  std::sort(sorted.begin(), sorted.end(),
            [&](uint32_t a, uint32_t b) { return m.term_ids.term(a) < m.term_ids.term(b); });
  {
    std::vector<uint32_t> ordinal(sorted.size());
    for (uint32_t i = 0; i < sorted.size(); ++i) ordinal[sorted[i]] = i;
    if (Status s =
            m.store.Finish([&](uint32_t id) { return m.term_ids.term(id); },
                           [&](uint32_t id) { return ordinal[id]; },
                           [&](char16_t ideograph) { return m.ideograph_ids[ideograph] - 1; });
        !s.ok()) {
      return Status::IOError(path + ": " + s.message());
    }
  }
  size_t postings_size = 0, positions_size = 0, term_bytes = 0;
  // A term's skip entries are preceded by their length (format.h).
  std::vector<std::string> skip_lengths(m.terms.size());
  for (size_t id = 0; id < m.terms.size(); ++id) {
    const TermPostings& t = m.terms[id];
    const ByteBuffer& skips = m.skips[id].skips;
    if (!skips.empty()) PutVarint(&skip_lengths[id], skips.size());
    postings_size += skip_lengths[id].size() + skips.size() + t.postings.size();
    positions_size += t.positions.size();
  }
  if (postings_size >= (uint64_t{1} << 40) || positions_size >= (uint64_t{1} << 40)) {
    return Status::IOError(path + ": segment too large (over 1 TB of postings)");
  }
  for (uint32_t id : sorted) term_bytes += m.term_ids.term(id).size();

  std::string file;
  file.reserve(1024 + m.store.store().size() + m.store.vocabulary().size() + postings_size +
               positions_size + term_bytes + m.terms.size() * 24 + m.turn_role.size() * 16 +
               m.briefings.size() * 256);
  file.append(kSegmentMagic);
  PutFixed32(&file, kIndexFormatVersion);
  PutFixed32(&file, 0);
  struct Section {
    uint32_t id;
    uint64_t offset, length;
    uint32_t crc;
  };
  std::vector<Section> sections;
  auto begin_section = [&](uint32_t id) { sections.push_back({id, file.size(), 0, 0}); };
  auto end_section = [&] {
    Section& s = sections.back();
    s.length = file.size() - s.offset;
    uLong crc = 0;
    for (size_t at = 0; at < s.length; at += 1u << 30) {
      const size_t n = std::min<size_t>(s.length - at, 1u << 30);
      crc = crc32(crc, reinterpret_cast<const Bytef*>(file.data() + s.offset + at),
                  static_cast<uInt>(n));
    }
    s.crc = static_cast<uint32_t>(crc);
  };

  begin_section(kSectionStrings);
  PutVarint(&file, m.strings.size());
  for (const std::string& s : m.strings) PutString(&file, s);
  end_section();

  std::string records;
  PutVarint(&records, m.briefings.size());
  for (const BriefingRecord& r : m.briefings) {
    PutString(&records, r.id);
    PutFixed64(&records, r.hash);
    for (uint32_t v : {r.turn_count, r.date, r.language, r.institution, r.kind}) {
      PutVarint(&records, v);
    }
    PutString(&records, r.title);
    PutString(&records, r.source);
    PutVarint(&records, r.spokespersons.size());
    for (uint32_t s : r.spokespersons) PutVarint(&records, s);
    PutVarint(&records, r.exchanges.size());
    for (const Exchange& e : r.exchanges) {
      PutVarint(&records, e.question.size());
      for (int q : e.question) PutVarint(&records, static_cast<uint32_t>(q));
      PutVarint(&records, e.answer.size());
      for (int a : e.answer) PutVarint(&records, static_cast<uint32_t>(a));
    }
  }
  begin_section(kSectionBriefings);
  {
    const size_t at = file.size();
    file.resize(at + ZSTD_compressBound(records.size()));
    size_t n = ZSTD_compressCCtx(m.zstd, file.data() + at, file.size() - at, records.data(),
                                 records.size(), 3);
    if (ZSTD_isError(n)) return Status::IOError(path + ": cannot compress briefing records");
    file.resize(at + n);
  }
  end_section();

  begin_section(kSectionTurns);
  const uint32_t n = static_cast<uint32_t>(m.turn_role.size());
  const unsigned briefing_width = WidthFor(m.briefings.size());
  const unsigned string_width = WidthFor(m.strings.size());
  const unsigned length_width = WidthFor(
      m.turn_length.empty() ? 0 : *std::max_element(m.turn_length.begin(), m.turn_length.end()));
  PutFixed32(&file, n);
  file.push_back(static_cast<char>(briefing_width));
  file.push_back(static_cast<char>(string_width));
  file.push_back(static_cast<char>(length_width));
  file.push_back(0);
  file.append(reinterpret_cast<const char*>(m.turn_role.data()), m.turn_role.size());
  for (uint32_t v : m.turn_briefing) PutFixedWidth(&file, v, briefing_width);
  for (uint32_t v : m.turn_speaker) PutFixedWidth(&file, v, string_width);
  for (uint32_t v : m.turn_outlet) PutFixedWidth(&file, v, string_width);
  for (uint32_t v : m.turn_length) PutFixedWidth(&file, v, length_width);
  end_section();

  begin_section(kSectionStore);
  file += m.store.store();
  end_section();

  begin_section(kSectionStoreVocabulary);
  file += m.store.vocabulary();
  end_section();

  begin_section(kSectionBlocks);
  file += m.store.BlocksSection();
  end_section();

  begin_section(kSectionTerms);
  PutFixed32(&file, static_cast<uint32_t>(sorted.size()));
  uint64_t postings_offset = 0, positions_offset = 0;
  for (uint32_t id : sorted) {
    PutFixed32(&file, m.terms[id].df);
    PutFixed40(&file, postings_offset);
    PutFixed40(&file, positions_offset);
    postings_offset +=
        skip_lengths[id].size() + m.skips[id].skips.size() + m.terms[id].postings.size();
    positions_offset += m.terms[id].positions.size();
  }
  uint32_t term_offset = 0;
  for (uint32_t id : sorted) {
    PutFixed32(&file, term_offset);
    term_offset += static_cast<uint32_t>(m.term_ids.term(id).size());
  }
  PutFixed32(&file, term_offset);
  for (uint32_t id : sorted) file += m.term_ids.term(id);
  end_section();

  begin_section(kSectionPostings);
  for (uint32_t id : sorted) {
    file += skip_lengths[id];
    file += m.skips[id].skips.view();
    file += m.terms[id].postings.view();
  }
  end_section();

  begin_section(kSectionPositions);
  for (uint32_t id : sorted) file += m.terms[id].positions.view();
  end_section();

  for (const Section& s : sections) {
    PutFixed32(&file, s.id);
    PutFixed64(&file, s.offset);
    PutFixed64(&file, s.length);
    PutFixed32(&file, s.crc);
  }
  PutFixed32(&file, static_cast<uint32_t>(sections.size()));
  file.append(kSegmentEndMagic);
  return WriteFileAtomically(path, file);
}

}  // namespace lectern
