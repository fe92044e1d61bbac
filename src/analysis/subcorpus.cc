#include "analysis/subcorpus.h"

#include <algorithm>
#include <thread>

#include "analysis/token_streams.h"
#include "query/matcher.h"

namespace lectern {

Result<Subcorpus> SelectTurns(const Index& index, std::string_view filter) {
  Result<Matcher> matcher = Matcher::Create(filter, /*allow_empty=*/true);
  if (!matcher.ok()) return matcher.status();
  Subcorpus s;
  s.docs.resize(index.segments().size());
  Status st = matcher->Visit(index, /*with_spans=*/false, [&](const TurnMatch& m) {
    s.docs[m.segment].push_back(m.doc);
    s.tokens += index.segments()[m.segment].segment->turn_length(m.doc);
    ++s.turns;
  });
  if (!st.ok()) return st;
  return s;
}

Subcorpus Complement(const Index& index, const Subcorpus& s) {
  Subcorpus out;
  out.docs.resize(index.segments().size());
  for (size_t seg = 0; seg < index.segments().size(); ++seg) {
    const SegmentView& view = index.segments()[seg];
    const std::vector<uint32_t>& in = s.docs[seg];
    size_t k = 0;
    for (uint32_t doc = 0; doc < view.segment->turn_count(); ++doc) {
      while (k < in.size() && in[k] < doc) ++k;
      if (!view.live(doc) || (k < in.size() && in[k] == doc)) continue;
      out.docs[seg].push_back(doc);
      out.tokens += view.segment->turn_length(doc);
      ++out.turns;
    }
  }
  return out;
}

std::string CombineQuery(std::string_view query, std::string_view filter) {
  const bool blank = filter.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) return std::string(query);
  return "(" + std::string(query) + ") " + std::string(filter);
}

std::vector<std::vector<uint64_t>> TermFrequencies(const Index& index, const Subcorpus& s,
                                                   size_t threads) {
  std::vector<std::vector<uint64_t>> out(index.segments().size());
  for (size_t seg = 0; seg < index.segments().size(); ++seg) {
    const Segment& segment = *index.segments()[seg].segment;
    std::vector<bool> chosen(segment.turn_count(), false);
    for (uint32_t doc : s.docs[seg]) chosen[doc] = true;
    const std::vector<TermInfo> infos = segment.PrefixRange("", segment.term_count());
    std::vector<uint64_t>& freq = out[seg];
    freq.assign(segment.term_count(), 0);
    if (s.docs[seg].empty()) continue;
    const size_t n =
        std::min<size_t>(ThreadCount(threads), std::max<size_t>(1, infos.size() / 1024));
    auto work = [&](size_t part) {
      for (size_t t = infos.size() * part / n; t < infos.size() * (part + 1) / n; ++t) {
        PostingIterator it = segment.Postings(infos[t]);
        uint64_t total = 0;
        while (it.Next()) {
          if (chosen[it.doc()]) total += it.freq();
        }
        freq[infos[t].ordinal] = total;
      }
    };
    std::vector<std::thread> pool;
    for (size_t part = 1; part < n; ++part) pool.emplace_back(work, part);
    work(0);
    for (std::thread& t : pool) t.join();
  }
  return out;
}

}  // namespace lectern
