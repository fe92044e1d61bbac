#include "index/segment_builder.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "base/dates.h"
#include "index/coding.h"
#include "index/format.h"
#include "index/fs.h"
#include "model/briefing_json.h"

namespace lectern {
namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One term's postings as they accumulate, already encoded.
struct TermPostings {
  std::string postings;   // varint doc delta, varint frequency
  std::string positions;  // varint position deltas
  uint32_t df = 0;
  uint32_t last_doc = 0;
};

struct BriefingRecord {
  std::string id;
  uint64_t hash = 0;
  uint32_t first_turn = 0, turn_count = 0;
  uint32_t date = 0;  // days since epoch + 1; 0 = none
  uint32_t language = 0, institution = 0, kind = 0;
  uint64_t store_offset = 0, store_size = 0;
};

}  // namespace

uint64_t BriefingContentHash(const Briefing& briefing) {
  Briefing copy = briefing;
  copy.source.clear();
  std::string json = ToJsonLine(copy);
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : json) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct SegmentBuilder::Impl {
  Analyzer analyzer;
  std::vector<Token> tokens;
  std::unordered_map<std::string, TermPostings, StringHash, std::equal_to<>> terms;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> string_ids;
  std::vector<std::string> strings = {""};
  std::vector<BriefingRecord> briefings;
  std::string store;
  // Turn columns.
  std::vector<uint32_t> turn_briefing, turn_index, turn_speaker, turn_outlet, turn_length;
  std::vector<uint8_t> turn_role;
  size_t posting_bytes = 0;
  ZSTD_CCtx* zstd = ZSTD_createCCtx();

  ~Impl() { ZSTD_freeCCtx(zstd); }

  uint32_t StringId(std::string_view s) {
    if (s.empty()) return 0;
    auto it = string_ids.find(s);
    if (it != string_ids.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(strings.size());
    strings.emplace_back(s);
    string_ids.emplace(std::string(s), id);
    return id;
  }

  void IndexTurn(uint32_t doc, const std::string& text) {
    analyzer.AnalyzeForIndex(text, &tokens);
    uint32_t words = 0;
    for (const Token& t : tokens) words += !IsCharacterTerm(t.term);
    turn_length.push_back(words);
    // Group the turn's positions by term: sort token indexes by term, keep position order.
    std::vector<uint32_t> order(tokens.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return tokens[a].term < tokens[b].term; });
    for (size_t i = 0; i < order.size();) {
      size_t j = i;
      const std::string& term = tokens[order[i]].term;
      while (j < order.size() && tokens[order[j]].term == term) ++j;
      auto it = terms.find(term);
      if (it == terms.end()) it = terms.emplace(term, TermPostings{}).first;
      TermPostings& p = it->second;
      const size_t before = p.postings.size() + p.positions.size();
      PutVarint(&p.postings, p.df == 0 ? doc : doc - p.last_doc);
      PutVarint(&p.postings, j - i);
      uint32_t previous = 0;
      for (size_t k = i; k < j; ++k) {
        uint32_t position = tokens[order[k]].position;
        PutVarint(&p.positions, position - previous);
        previous = position;
      }
      p.last_doc = doc;
      ++p.df;
      posting_bytes += p.postings.size() + p.positions.size() - before;
      i = j;
    }
  }
};

SegmentBuilder::SegmentBuilder() : impl_(std::make_unique<Impl>()) {}
SegmentBuilder::~SegmentBuilder() = default;

size_t SegmentBuilder::briefing_count() const { return impl_->briefings.size(); }
size_t SegmentBuilder::turn_count() const { return impl_->turn_role.size(); }
size_t SegmentBuilder::approximate_bytes() const {
  return impl_->posting_bytes + impl_->store.size() + impl_->terms.size() * 64 +
         impl_->turn_role.size() * 21;
}

void SegmentBuilder::Add(const Briefing& b, uint64_t content_hash) {
  Impl& m = *impl_;
  BriefingRecord record;
  record.id = b.id;
  record.hash = content_hash;
  record.first_turn = static_cast<uint32_t>(m.turn_role.size());
  record.turn_count = static_cast<uint32_t>(b.turns.size());
  if (b.date) {
    if (auto days = DaysFromIsoDate(*b.date)) record.date = static_cast<uint32_t>(*days + 1);
  }
  record.language = m.StringId(b.language);
  record.institution = m.StringId(b.institution);
  record.kind = m.StringId(b.kind);
  const std::string json = ToJsonLine(b);
  std::string frame(ZSTD_compressBound(json.size()), '\0');
  size_t n = ZSTD_compressCCtx(m.zstd, frame.data(), frame.size(), json.data(), json.size(), 3);
  if (ZSTD_isError(n)) n = 0;  // cannot happen with a bound-sized buffer
  record.store_offset = m.store.size();
  record.store_size = n;
  m.store.append(frame.data(), n);
  const uint32_t briefing_ordinal = static_cast<uint32_t>(m.briefings.size());
  m.briefings.push_back(std::move(record));

  for (size_t t = 0; t < b.turns.size(); ++t) {
    const Turn& turn = b.turns[t];
    const uint32_t doc = static_cast<uint32_t>(m.turn_role.size());
    m.turn_briefing.push_back(briefing_ordinal);
    m.turn_index.push_back(static_cast<uint32_t>(t));
    m.turn_role.push_back(static_cast<uint8_t>(turn.role));
    m.turn_speaker.push_back(turn.speaker ? m.StringId(*turn.speaker) : 0);
    m.turn_outlet.push_back(turn.outlet ? m.StringId(*turn.outlet) : 0);
    m.IndexTurn(doc, turn.text);
  }
}

Status SegmentBuilder::Write(const std::string& path) {
  Impl& m = *impl_;
  std::string file;
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
    s.crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(file.data() + s.offset),
                                        static_cast<uInt>(s.length)));
  };

  begin_section(kSectionStrings);
  PutVarint(&file, m.strings.size());
  for (const std::string& s : m.strings) PutString(&file, s);
  end_section();

  begin_section(kSectionBriefings);
  PutVarint(&file, m.briefings.size());
  for (const BriefingRecord& r : m.briefings) {
    PutString(&file, r.id);
    PutFixed64(&file, r.hash);
    for (uint64_t v :
         {uint64_t{r.first_turn}, uint64_t{r.turn_count}, uint64_t{r.date}, uint64_t{r.language},
          uint64_t{r.institution}, uint64_t{r.kind}, r.store_offset, r.store_size}) {
      PutVarint(&file, v);
    }
  }
  end_section();

  begin_section(kSectionStore);
  file += m.store;
  end_section();

  begin_section(kSectionTurns);
  const uint32_t n = static_cast<uint32_t>(m.turn_role.size());
  PutFixed32(&file, n);
  for (uint32_t v : m.turn_briefing) PutFixed32(&file, v);
  for (uint32_t v : m.turn_index) PutFixed32(&file, v);
  file.append(reinterpret_cast<const char*>(m.turn_role.data()), m.turn_role.size());
  for (uint32_t v : m.turn_speaker) PutFixed32(&file, v);
  for (uint32_t v : m.turn_outlet) PutFixed32(&file, v);
  for (uint32_t v : m.turn_length) PutFixed32(&file, v);
  end_section();

  // Terms in byte order; postings and positions laid out in the same order.
  std::vector<const std::pair<const std::string, TermPostings>*> sorted;
  sorted.reserve(m.terms.size());
  for (const auto& entry : m.terms) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });

  begin_section(kSectionTerms);
  PutFixed32(&file, static_cast<uint32_t>(sorted.size()));
  uint64_t postings_offset = 0, positions_offset = 0;
  for (const auto* entry : sorted) {
    PutFixed32(&file, entry->second.df);
    PutFixed64(&file, postings_offset);
    PutFixed64(&file, positions_offset);
    postings_offset += entry->second.postings.size();
    positions_offset += entry->second.positions.size();
  }
  uint32_t term_offset = 0;
  for (const auto* entry : sorted) {
    PutFixed32(&file, term_offset);
    term_offset += static_cast<uint32_t>(entry->first.size());
  }
  PutFixed32(&file, term_offset);
  for (const auto* entry : sorted) file += entry->first;
  end_section();

  begin_section(kSectionPostings);
  for (const auto* entry : sorted) file += entry->second.postings;
  end_section();

  begin_section(kSectionPositions);
  for (const auto* entry : sorted) file += entry->second.positions;
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
