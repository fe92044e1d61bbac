#include "analysis/kwic.h"

#include <algorithm>
#include <memory>

#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"
#include "base/dates.h"
#include "base/parallel.h"
#include "base/utf8.h"
#include "index/store_reader.h"
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
  int32_t date;       // INT32_MIN when undated
  uint32_t rank = 0;  // of (date, briefing id) among the matches' briefings
  uint32_t turn = 0;  // index in its briefing
};

uint32_t BriefingOf(const Index& index, const Found& f) {
  return index.segments()[f.segment].segment->turn_briefing(f.doc);
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Where a left context of `width` columns can start at the latest: before
// more than `width` non-space code points (each at least one column), so
// that trimming and fitting the cut text give what the whole turn gives.
size_t ContextStart(std::string_view text, size_t begin, int width) {
  size_t i = begin;
  int seen = 0;
  while (i > 0 && seen <= width) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    if (!IsSpace(text[i])) ++seen;
  }
  return i;
}

// The same for a right context starting at `end`.
size_t ContextEnd(std::string_view text, size_t end, int width) {
  size_t i = end;
  int seen = 0;
  while (i < text.size() && seen <= width) {
    if (!IsSpace(text[i])) ++seen;
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

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

// The display columns of the code point at `*pos`, moving past it: ASCII
// and well-formed 3-byte sequences (CJK) decoded here, the rest by
// NextCodePoint (which the result always equals).
inline int ColumnsAt(std::string_view text, size_t* pos) {
  const size_t i = *pos;
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return 1;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 3 <= text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *pos = i + 3;
      return IsWide(cp) ? 2 : 1;
    }
  }
  return IsWide(NextCodePoint(text, pos)) ? 2 : 1;
}

// FitWidth(OneLine(text), width, keep_end) without the two intermediate
// strings and the table of code points: a frequent word has tens of
// thousands of lines, two contexts each.
std::string FitLine(std::string_view text, int width, bool keep_end) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  size_t a = 0, b = text.size();
  while (a < b && blank(text[a])) ++a;
  while (b > a && blank(text[b - 1])) --b;
  text = text.substr(a, b - a);
  size_t from = 0, to = text.size();
  int used = 0;
  // ASCII (most English contexts): a column per byte.
  size_t k = 0;
  while (k < text.size() && static_cast<unsigned char>(text[k]) < 0x80) ++k;
  if (k == text.size()) {
    const size_t w = static_cast<size_t>(std::max(width, 0));
    if (keep_end) {
      from = text.size() > w ? text.size() - w : 0;
    } else {
      to = std::min(text.size(), w);
    }
  } else if (keep_end) {
    // The longest suffix that fits: drop code points from the front while
    // the rest is too wide.
    int total = 0;
    for (size_t pos = 0; pos < text.size();) total += ColumnsAt(text, &pos);
    size_t pos = 0;
    while (total > width && pos < text.size()) {
      total -= ColumnsAt(text, &pos);
      from = pos;
    }
  } else {
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t at = pos;
      const int w = ColumnsAt(text, &pos);
      if (used + w > width) {
        to = at;
        break;
      }
      used += w;
    }
  }
  std::string out(text.substr(from, to - from));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

struct SortKeys {
  std::string left, right;  // terms nearest first, \x1f separated
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
  const size_t threads = ThreadCount(options.threads);
  // Segments are matched on threads of their own and joined in segment
  // order, so `found` is in (segment, doc, position) order as if serial.
  std::vector<Found> found;
  Status error;
  struct SegmentFound {
    Status status;
    uint64_t turns = 0;
    std::vector<Found> found;
  };
  ParallelMapOrdered<SegmentFound>(
      index.segments().size(), threads,
      [&](size_t seg) {
        SegmentFound out;
        const Segment& s = *index.segments()[seg].segment;
        out.status =
            matcher->VisitSegment(index, static_cast<uint32_t>(seg), true, [&](const TurnMatch& m) {
              const int32_t date = s.briefing(s.turn_briefing(m.doc)).date.value_or(INT32_MIN);
              ++out.turns;
              uint32_t covered_to = 0;
              bool any = false;
              for (const MatchSpan& span : *m.spans) {
                // Spans of different units at one place (a word and a
                // phrase holding it) make one line, the longest.
                if (any && span.first <= covered_to) {
                  if (span.last > out.found.back().last && span.first == out.found.back().first) {
                    out.found.back().last = span.last;
                    covered_to = span.last;
                  }
                  continue;
                }
                out.found.push_back(Found{m.segment, m.doc, span.first, span.last, date, 0, 0});
                covered_to = span.last;
                any = true;
              }
            });
        return out;
      },
      [&](size_t, SegmentFound out) {
        if (error.ok() && !out.status.ok()) error = out.status;
        result.total_turns += out.turns;
        if (found.empty()) {
          found = std::move(out.found);
        } else {
          found.insert(found.end(), out.found.begin(), out.found.end());
        }
      });
  if (!error.ok()) return error;
  result.total_matches = found.size();

  // Sort by (date, briefing id, turn, position). Briefing ids are compared
  // once per distinct briefing (ranked), not in every comparison of the
  // sort: a frequent word has tens of thousands of lines.
  {
    std::vector<size_t> starts;  // first found of each run of one briefing
    for (size_t i = 0; i < found.size(); ++i) {
      if (i == 0 || found[i].segment != found[i - 1].segment ||
          BriefingOf(index, found[i]) != BriefingOf(index, found[i - 1])) {
        starts.push_back(i);
      }
    }
    auto id_of = [&](size_t i) -> std::string_view {
      const Segment& s = *index.segments()[found[i].segment].segment;
      return s.briefing(BriefingOf(index, found[i])).id;
    };
    std::vector<size_t> runs(starts.size());
    for (size_t r = 0; r < runs.size(); ++r) runs[r] = r;
    std::stable_sort(runs.begin(), runs.end(), [&](size_t a, size_t b) {
      const Found &fa = found[starts[a]], &fb = found[starts[b]];
      if (fa.date != fb.date) return fa.date < fb.date;
      return id_of(starts[a]) < id_of(starts[b]);
    });
    // Equal (date, id) share a rank so that the stable sort below keeps
    // the comparator's ties exactly as before.
    std::vector<uint32_t> rank_of_run(starts.size());
    uint32_t rank = 0;
    for (size_t k = 0; k < runs.size(); ++k) {
      if (k > 0) {
        const Found &fp = found[starts[runs[k - 1]]], &fc = found[starts[runs[k]]];
        if (fp.date != fc.date || id_of(starts[runs[k - 1]]) != id_of(starts[runs[k]])) ++rank;
      }
      rank_of_run[runs[k]] = rank;
    }
    for (size_t r = 0; r < starts.size(); ++r) {
      const size_t to = r + 1 < starts.size() ? starts[r + 1] : found.size();
      for (size_t i = starts[r]; i < to; ++i) {
        const Segment& s = *index.segments()[found[i].segment].segment;
        found[i].rank = rank_of_run[r];
        found[i].turn = s.turn_index(found[i].doc);
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.turn != b.turn) return a.turn < b.turn;
    return a.first < b.first;
  });
  // Sorting by date, only the lines returned need their text.
  if (options.sort == KwicOptions::Sort::kDate && options.limit > 0 &&
      found.size() > options.limit) {
    found.resize(options.limit);
  }

  // Read turns in store order, (segment, doc), whatever the sort: one
  // StoreReader per chunk keeps its last decoded block, so the turns
  // of a block cost one decoding, and only turns with a match are
  // read and analysed (not their whole briefing).
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (found[a].segment != found[b].segment) return found[a].segment < found[b].segment;
    if (found[a].doc != found[b].doc) return found[a].doc < found[b].doc;
    return a < b;
  });
  const bool keys = options.sort != KwicOptions::Sort::kDate;
  const size_t chunk = std::max<size_t>(256, order.size() / (threads * 8) + 1);
  const size_t chunks = (order.size() + chunk - 1) / chunk;
  // Lines are made in place, in `found` order (a line left empty has no
  // tokens at its positions); sort keys only for the sorts that need them.
  std::vector<KwicLine> lines(found.size());
  std::vector<SortKeys> sort_keys(keys ? found.size() : 0);
  using Out = Status;
  ParallelMapOrdered<Out>(
      chunks, threads,
      [&](size_t c) -> Out {
        thread_local Analyzer analyzer;
        std::vector<Token> tokens;
        std::unique_ptr<StoreReader> reader;
        uint32_t reader_segment = UINT32_MAX;
        int32_t last_day = INT32_MIN;
        std::string last_date;
        uint32_t analysed_segment = UINT32_MAX, analysed_doc = UINT32_MAX;
        Analyzer::ScanResume resume;
        std::string_view text;
        for (size_t k = c * chunk; k < std::min(order.size(), (c + 1) * chunk); ++k) {
          const size_t i = order[k];
          const Found& f = found[i];
          const Segment& s = *index.segments()[f.segment].segment;
          if (analysed_segment != f.segment || analysed_doc != f.doc) {
            if (reader_segment != f.segment) {
              reader = std::make_unique<StoreReader>(s);
              reader_segment = f.segment;
            }
            LECTERN_RETURN_IF_ERROR(reader->Read(f.doc, &text));
            analysed_segment = f.segment;
            analysed_doc = f.doc;
            resume = Analyzer::ScanResume{};
          }
          // Tokens of the positions this line needs (and three either side
          // for the sort keys): the turn is not analysed past them, nor made
          // into tokens before them, and without keys no term is built. The
          // lines of a turn come in order of position: each scan resumes
          // where the previous one left off.
          {
            uint32_t from = f.first, through = f.last;
            if (keys) {
              from = from < 3 ? 0 : from - 3;
              through = through > UINT32_MAX - 3 ? UINT32_MAX : through + 3;
            }
            analyzer.IndexTokensBetween(text, from, through, keys, &tokens, &resume);
          }
          auto lo = std::lower_bound(tokens.begin(), tokens.end(), f.first,
                                     [](const Token& tk, uint32_t p) { return tk.position < p; });
          auto hi = std::upper_bound(tokens.begin(), tokens.end(), f.last,
                                     [](uint32_t p, const Token& tk) { return p < tk.position; });
          if (lo == tokens.end() || hi == tokens.begin() || lo >= hi) continue;
          const size_t begin = lo->begin, end = (hi - 1)->end;
          size_t from = 0, to = text.size();
          if (options.sentence) std::tie(from, to) = SentenceAround(text, begin, end);
          // Only the last / first `width` columns of each context are kept:
          // cut long turns to a window before the whitespace handling and
          // width fitting, which would otherwise walk the whole turn.
          from = std::max(from, ContextStart(text, begin, options.width));
          to = std::min(to, ContextEnd(text, end, options.width));
          const BriefingMeta& meta = s.briefing(s.turn_briefing(f.doc));
          KwicLine& line = lines[i];
          line.briefing_id = meta.id;
          line.turn = s.turn_index(f.doc);
          if (meta.date) {
            // Lines of one briefing come together: format its date once.
            if (*meta.date != last_day) {
              last_day = *meta.date;
              last_date = IsoDateFromDays(last_day);
            }
            line.date = last_date;
          }
          if (uint32_t id = s.turn_speaker(f.doc)) line.speaker = s.string(id);
          line.role = std::string(RoleName(s.turn_role(f.doc)));
          if (uint32_t id = s.turn_outlet(f.doc)) line.outlet = s.string(id);
          line.first = f.first;
          line.last = f.last;
          line.match = OneLine(text.substr(begin, end - begin));
          line.left = FitLine(text.substr(from, begin - from), options.width, true);
          line.right = FitLine(text.substr(end, to - end), options.width, false);
          if (!keys) continue;
          SortKeys& out = sort_keys[i];
          auto k2 = lo;
          for (int n = 0; k2 != tokens.begin() && n < 3; ++n) {
            --k2;
            out.left += std::string(DisplayTerm(k2->term)) + '\x1f';
          }
          for (auto k3 = hi; k3 != tokens.end() && k3 - hi < 3; ++k3) {
            out.right += std::string(DisplayTerm(k3->term)) + '\x1f';
          }
        }
        return Status::Ok();
      },
      [&](size_t, Out s) {
        if (error.ok() && !s.ok()) error = s;
      });
  if (!error.ok()) return error;
  auto empty = [](const KwicLine& line) { return line.briefing_id.empty(); };
  if (options.sort == KwicOptions::Sort::kDate) {
    result.lines = std::move(lines);
    result.lines.erase(std::remove_if(result.lines.begin(), result.lines.end(), empty),
                       result.lines.end());
    if (options.limit > 0 && result.lines.size() > options.limit) {
      result.lines.resize(options.limit);
    }
    return result;
  }
  const bool left = options.sort == KwicOptions::Sort::kLeft;
  std::vector<uint32_t> sorted(lines.size());
  for (uint32_t i = 0; i < sorted.size(); ++i) sorted[i] = i;
  std::stable_sort(sorted.begin(), sorted.end(), [&](uint32_t a, uint32_t b) {
    return left ? sort_keys[a].left < sort_keys[b].left : sort_keys[a].right < sort_keys[b].right;
  });
  result.lines.reserve(options.limit > 0 ? std::min(options.limit, lines.size()) : lines.size());
  for (uint32_t i : sorted) {
    if (options.limit > 0 && result.lines.size() >= options.limit) break;
    if (empty(lines[i])) continue;
    result.lines.push_back(std::move(lines[i]));
  }
  return result;
}

}  // namespace lectern
