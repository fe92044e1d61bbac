#include "analysis/kwic.h"

#include <algorithm>
#include <map>

#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"
#include "base/parallel.h"
#include "base/utf8.h"
#include "query/matcher.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

struct Found {
  uint32_t segment, doc, first, last;
  int32_t date;  // INT32_MIN when undated
};

// Where the sentence around [begin, end) starts and ends: after the last
// sentence-final mark (". ", "? ", "! ", "。", "！", "？") or line break
// before it, through the first one after it.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t begin, size_t end) {
  auto is_final_ascii = [&](size_t i) {
    return (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
           (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
  };
  auto final_cjk_at = [&](size_t i) -> size_t {  // bytes of a CJK final mark at i, or 0
    for (std::string_view mark : {"。", "！", "？"}) {
      if (text.substr(i, mark.size()) == mark) return mark.size();
    }
    return 0;
  };
  size_t from = 0;
  for (size_t i = begin; i > 0; --i) {
    const size_t j = i - 1;
    if (text[j] == '\n' || is_final_ascii(j)) {
      from = j + 1;
      break;
    }
    if (size_t n = final_cjk_at(j)) {
      from = j + n;
      break;
    }
  }
  size_t to = text.size();
  for (size_t i = end; i < text.size(); ++i) {
    if (text[i] == '\n') {
      to = i;
      break;
    }
    if (is_final_ascii(i)) {
      to = i + 1;
      break;
    }
    if (size_t n = final_cjk_at(i)) {
      to = i + n;
      break;
    }
  }
  return {from, to};
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  const size_t a = out.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  return out.substr(a, out.find_last_not_of(' ') - a + 1);
}

struct BuiltLine {
  KwicLine line;
  std::string left_key, right_key;  // terms nearest first, \x1f separated
};

}  // namespace

int TextWidth(std::string_view text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) width += IsWide(NextCodePoint(text, &pos)) ? 2 : 1;
  return width;
}

std::string FitWidth(std::string_view text, int width, bool keep_end) {
  std::vector<std::pair<size_t, int>> cps;  // (byte offset, columns)
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    cps.emplace_back(at, IsWide(NextCodePoint(text, &pos)) ? 2 : 1);
  }
  int used = 0;
  if (keep_end) {
    size_t i = cps.size();
    while (i > 0 && used + cps[i - 1].second <= width) used += cps[--i].second;
    return std::string(text.substr(i < cps.size() ? cps[i].first : text.size()));
  }
  size_t i = 0;
  while (i < cps.size() && used + cps[i].second <= width) used += cps[i++].second;
  return std::string(text.substr(0, i < cps.size() ? cps[i].first : text.size()));
}

Result<KwicResult> Kwic(const Index& index, const KwicOptions& options) {
  Result<Matcher> matcher = Matcher::Create(CombineQuery(options.query, options.filter));
  if (!matcher.ok()) return matcher.status();
  if (matcher->filters_only()) {
    return Status::InvalidArgument(
        "a KWIC query needs a word or phrase to match, not only filters");
  }
  KwicResult result;
  std::vector<Found> found;
  Status st = matcher->Visit(index, true, [&](const TurnMatch& m) {
    const Segment& s = *index.segments()[m.segment].segment;
    const int32_t date = s.briefing(s.turn_briefing(m.doc)).date.value_or(INT32_MIN);
    ++result.total_turns;
    uint32_t covered_to = 0;
    bool any = false;
    for (const MatchSpan& span : *m.spans) {
      // Spans of different units at one place (a word and a phrase holding
      // it) make one line, the longest.
      if (any && span.first <= covered_to) {
        if (span.last > found.back().last && span.first == found.back().first) {
          found.back().last = span.last;
          covered_to = span.last;
        }
        continue;
      }
      found.push_back(Found{m.segment, m.doc, span.first, span.last, date});
      covered_to = span.last;
      any = true;
    }
  });
  if (!st.ok()) return st;
  result.total_matches = found.size();

  auto by_date = [&](const Found& a, const Found& b) {
    if (a.date != b.date) return a.date < b.date;
    const Segment& sa = *index.segments()[a.segment].segment;
    const Segment& sb = *index.segments()[b.segment].segment;
    std::string_view ia = sa.briefing(sa.turn_briefing(a.doc)).id;
    std::string_view ib = sb.briefing(sb.turn_briefing(b.doc)).id;
    if (ia != ib) return ia < ib;
    if (sa.turn_index(a.doc) != sb.turn_index(b.doc))
      return sa.turn_index(a.doc) < sb.turn_index(b.doc);
    return a.first < b.first;
  };
  std::stable_sort(found.begin(), found.end(), by_date);
  // Sorting by date, only the lines returned need their text.
  if (options.sort == KwicOptions::Sort::kDate && options.limit > 0 &&
      found.size() > options.limit) {
    found.resize(options.limit);
  }

  // Group by briefing, so that each stored briefing is loaded once.
  std::map<std::pair<uint32_t, uint32_t>, std::vector<size_t>> groups;
  for (size_t i = 0; i < found.size(); ++i) {
    const Segment& s = *index.segments()[found[i].segment].segment;
    groups[{found[i].segment, s.turn_briefing(found[i].doc)}].push_back(i);
  }
  std::vector<std::pair<std::pair<uint32_t, uint32_t>, std::vector<size_t>>> work(groups.begin(),
                                                                                  groups.end());
  std::vector<BuiltLine> built(found.size());
  Status error;
  using Out = Status;
  ParallelMapOrdered<Out>(
      work.size(), ThreadCount(options.threads),
      [&](size_t g) -> Out {
        thread_local Analyzer analyzer;
        std::vector<Token> tokens;
        const auto& [key, members] = work[g];
        const Segment& s = *index.segments()[key.first].segment;
        Result<Briefing> b = s.LoadBriefing(key.second);
        if (!b.ok()) return b.status();
        uint32_t analysed_doc = UINT32_MAX;
        for (size_t i : members) {
          const Found& f = found[i];
          const uint32_t t = s.turn_index(f.doc);
          if (t >= b->turns.size()) return Status::Corruption(s.path() + ": turn out of range");
          const Turn& turn = b->turns[t];
          if (analysed_doc != f.doc) {
            analyzer.AnalyzeForIndex(turn.text, &tokens);
            analysed_doc = f.doc;
          }
          auto lo = std::lower_bound(tokens.begin(), tokens.end(), f.first,
                                     [](const Token& tk, uint32_t p) { return tk.position < p; });
          auto hi = std::upper_bound(tokens.begin(), tokens.end(), f.last,
                                     [](uint32_t p, const Token& tk) { return p < tk.position; });
          if (lo == tokens.end() || hi == tokens.begin() || lo >= hi) continue;
          const size_t begin = lo->begin, end = (hi - 1)->end;
          size_t from = 0, to = turn.text.size();
          if (options.sentence) std::tie(from, to) = SentenceAround(turn.text, begin, end);
          BuiltLine& out = built[i];
          KwicLine& line = out.line;
          line.briefing_id = b->id;
          line.turn = t;
          line.date = b->date;
          line.speaker = turn.speaker.value_or("");
          line.role = std::string(RoleName(turn.role));
          line.outlet = turn.outlet.value_or("");
          line.first = f.first;
          line.last = f.last;
          line.match = OneLine(std::string_view(turn.text).substr(begin, end - begin));
          line.left = FitWidth(OneLine(std::string_view(turn.text).substr(from, begin - from)),
                               options.width, true);
          line.right = FitWidth(OneLine(std::string_view(turn.text).substr(end, to - end)),
                                options.width, false);
          auto k = lo;
          for (int n = 0; k != tokens.begin() && n < 3; ++n) {
            --k;
            out.left_key += std::string(DisplayTerm(k->term)) + '\x1f';
          }
          for (auto k = hi; k != tokens.end() && k - hi < 3; ++k) {
            out.right_key += std::string(DisplayTerm(k->term)) + '\x1f';
          }
        }
        return Status::Ok();
      },
      [&](size_t, Out s) {
        if (error.ok() && !s.ok()) error = s;
      });
  if (!error.ok()) return error;
  if (options.sort != KwicOptions::Sort::kDate) {
    const bool left = options.sort == KwicOptions::Sort::kLeft;
    std::stable_sort(built.begin(), built.end(), [&](const BuiltLine& a, const BuiltLine& b) {
      return left ? a.left_key < b.left_key : a.right_key < b.right_key;
    });
  }
  for (BuiltLine& b : built) {
    if (options.limit > 0 && result.lines.size() >= options.limit) break;
    if (b.line.briefing_id.empty()) continue;
    result.lines.push_back(std::move(b.line));
  }
  return result;
}

}  // namespace lectern
