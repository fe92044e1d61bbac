#include "analysis/kwic.h"

#include <algorithm>
#include <memory>

#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"
#include "base/dates.h"
#include "base/parallel.h"
#include "index/store_reader.h"
#include "query/matcher.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

struct Found {
  uint32_t segment, doc, first, last;
  int32_t date;       // INT32_MIN when undated
  uint32_t rank = 0;  // of (date, briefing id) among the matches' briefings
  uint32_t turn = 0;  // index in its briefing
};

uint32_t BriefingOf(const Index& index, const Found& f) {
  return index.segments()[f.segment].segment->turn_briefing(f.doc);
}

struct SortKeys {
  std::string left, right;  // terms nearest first, \x1f separated
};

// Cuts the text of KWIC lines (the match and its contexts) from stored
// turns, a turn at a time, its lines in order of position.
//
// A turn whose stored words are its positions
// (Segment::turn_words_are_positions) has only a window of words around
// each match decoded: enough words either side (each at least one
// non-blank code point) for `width` columns of context. Its text is
// neither decoded whole nor analysed: in a long answer a match costs a
// few dozen words, not the answer. Other turns, and lines that need sort
// keys (terms), are decoded whole and analysed as far as their lines
// need, each line's scan resuming where the previous one stopped.
class LineCutter {
 public:
  LineCutter(const Index& index, const KwicOptions& options, Analyzer* analyzer)
      : index_(index), options_(options), analyzer_(analyzer) {}

  // Starts on turn `doc` of segment `segment`.
  Status StartTurn(uint32_t segment, uint32_t doc) {
    if (reader_segment_ != segment) {
      reader_ = std::make_unique<StoreReader>(*index_.segments()[segment].segment);
      reader_segment_ = segment;
    }
    doc_ = doc;
    windows_ = options_.sort == KwicOptions::Sort::kDate &&
               index_.segments()[segment].segment->turn_words_are_positions(doc);
    return windows_ ? Status::Ok() : ReadWhole();
  }

  // Cuts the line of the match at positions `first` to `last` into
  // `line`'s left, match and right (and `keys`, if given); *cut is false
  // if the turn has no words at those positions.
  Status Cut(uint32_t first, uint32_t last, KwicLine* line, SortKeys* keys, bool* cut) {
    *cut = false;
    if (windows_) {
      // First a window of as many words as the text read so far suggests
      // (`width` columns either side at its bytes per word, with room to
      // spare), then one that holds them in any text.
      const uint32_t width = static_cast<uint32_t>(std::max(options_.width, 0));
      const uint32_t guess = std::min(width + 1, guess_margin_);
      for (const uint32_t margin : {guess, width + 1}) {
        const uint32_t from = first > margin ? first - margin : 0;
        const uint32_t to = last > UINT32_MAX - margin ? UINT32_MAX : last + margin;
        LECTERN_RETURN_IF_ERROR(reader_->DecodeWords(doc_, from, to, &window_));
        if (window_.begin.size() <= last - from) return Status::Ok();  // past the turn's words
        if (CutLine(window_.text(), window_.begin[first - from], window_.end[last - from],
                    options_.width, options_.sentence, window_.from_start, window_.to_end,
                    &line->left, &line->match, &line->right)) {
          *cut = true;
          // At least two columns per three bytes (CJK; ASCII has one a
          // byte), and a quarter more words than that.
          const double columns_per_word =
              std::max(1.0, 2.0 * static_cast<double>(window_.text().size()) / 3 /
                                static_cast<double>(window_.begin.size()));
          guess_margin_ = static_cast<uint32_t>(1.25 * (width + 1) / columns_per_word) + 2;
          return Status::Ok();
        }
      }
      // Too little in the window to be sure of a context (unreachable while
      // every word has a non-blank code point): the whole turn.
      windows_ = false;
      LECTERN_RETURN_IF_ERROR(ReadWhole());
    }
    return CutFromWhole(first, last, line, keys, cut);
  }

 private:
  Status ReadWhole() {
    resume_ = Analyzer::ScanResume{};
    return reader_->Read(doc_, &text_);
  }

  Status CutFromWhole(uint32_t first, uint32_t last, KwicLine* line, SortKeys* keys, bool* cut) {
    // Tokens of the positions this line needs (and three either side for
    // the sort keys): the turn is not analysed past them, nor made into
    // tokens before them, and without keys no term is built.
    {
      uint32_t from = first, through = last;
      if (keys != nullptr) {
        from = from < 3 ? 0 : from - 3;
        through = through > UINT32_MAX - 3 ? UINT32_MAX : through + 3;
      }
      analyzer_->IndexTokensBetween(text_, from, through, keys != nullptr, &tokens_, &resume_);
    }
    auto lo = std::lower_bound(tokens_.begin(), tokens_.end(), first,
                               [](const Token& tk, uint32_t p) { return tk.position < p; });
    auto hi = std::upper_bound(tokens_.begin(), tokens_.end(), last,
                               [](uint32_t p, const Token& tk) { return p < tk.position; });
    if (lo == tokens_.end() || hi == tokens_.begin() || lo >= hi) return Status::Ok();
    *cut = CutLine(text_, lo->begin, (hi - 1)->end, options_.width, options_.sentence, true, true,
                   &line->left, &line->match, &line->right);
    if (keys == nullptr) return Status::Ok();
    for (auto k = lo; k != tokens_.begin() && lo - k < 3;) {
      --k;
      keys->left += std::string(DisplayTerm(k->term)) + '\x1f';
    }
    for (auto k = hi; k != tokens_.end() && k - hi < 3; ++k) {
      keys->right += std::string(DisplayTerm(k->term)) + '\x1f';
    }
    return Status::Ok();
  }

  const Index& index_;
  const KwicOptions& options_;
  Analyzer* analyzer_;
  std::unique_ptr<StoreReader> reader_;
  uint32_t reader_segment_ = UINT32_MAX;
  uint32_t doc_ = 0;
  bool windows_ = false;                // the turn's lines are cut from windows
  uint32_t guess_margin_ = UINT32_MAX;  // words either side for the next window
  WordsText window_;
  std::string_view text_;  // the whole turn, when not cut from windows
  std::vector<Token> tokens_;
  Analyzer::ScanResume resume_;
};

}  // namespace

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
  // LineCutter per chunk reads each turn with a match once, for all its
  // lines, and not their whole briefing.
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
        LineCutter cutter(index, options, &analyzer);
        int32_t last_day = INT32_MIN;
        std::string last_date;
        const size_t stop = std::min(order.size(), (c + 1) * chunk);
        for (size_t k = c * chunk; k < stop;) {
          // The lines of one turn, in order of position.
          const Found& turn = found[order[k]];
          size_t turn_end = k + 1;
          while (turn_end < stop && found[order[turn_end]].segment == turn.segment &&
                 found[order[turn_end]].doc == turn.doc) {
            ++turn_end;
          }
          LECTERN_RETURN_IF_ERROR(cutter.StartTurn(turn.segment, turn.doc));
          const Segment& s = *index.segments()[turn.segment].segment;
          for (; k < turn_end; ++k) {
            const size_t i = order[k];
            const Found& f = found[i];
            KwicLine& line = lines[i];
            bool cut = false;
            LECTERN_RETURN_IF_ERROR(
                cutter.Cut(f.first, f.last, &line, keys ? &sort_keys[i] : nullptr, &cut));
            if (!cut) continue;
            const BriefingMeta& meta = s.briefing(s.turn_briefing(f.doc));
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
