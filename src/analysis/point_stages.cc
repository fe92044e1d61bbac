#include "analysis/point_stages.h"

#include <algorithm>
#include <unordered_map>

#include "analysis/fragment_merging.h"
#include "analysis/parallel_parts.h"
#include "analysis/passage_tokens.h"
#include "analysis/sequence_similarity.h"
#include "analysis/wording_bounds.h"

namespace lectern::point_stages {
namespace {

// Fragments merge when their shared stretch is this share of the shorter
// text (fragment_merging.h); the planted near misses share half.
constexpr double kMinFragmentShare = 0.6;

// The parts' items in part order, each part freed once copied: the parts
// and the whole are never all held at once (at 10x the runs and uses are
// tens of MB).
template <typename T>
std::vector<T> Concatenate(std::vector<std::vector<T>> parts) {
  size_t total = 0;
  for (const auto& part : parts) total += part.size();
  std::vector<T> all;
  all.reserve(total);
  for (auto& part : parts) {
    all.insert(all.end(), part.begin(), part.end());
    part = {};
  }
  return all;
}

// `items` in the order of key(item) < keys, the order of items of one key
// kept (a counting sort: the sorts of every use were a large part of the
// stages after grouping).
template <typename T, typename Key>
void StableSortByKey(std::vector<T>* items, size_t keys, Key key) {
  std::vector<size_t> start(keys + 1, 0);
  for (const T& x : *items) ++start[key(x) + 1];
  for (size_t k = 0; k < keys; ++k) start[k + 1] += start[k];
  std::vector<T> out(items->size());
  for (const T& x : *items) out[start[key(x)]++] = x;
  *items = std::move(out);
}

}  // namespace

// Stage 3: maximal stretches of frequent windows, per turn, in turn order.
std::vector<Run> FindRuns(const TokenCorpus& corpus, const FrequentShingles& frequent,
                          const ShingleLengths& lengths, size_t threads) {
  const size_t parts = threads * 4;
  std::vector<std::vector<Run>> out(parts);
  ForEachPart(corpus.turns.size(), parts, threads, [&](size_t lo, size_t hi, size_t part) {
    std::vector<std::pair<uint32_t, uint64_t>> candidates;  // window, fingerprint
    for (size_t t = lo; t < hi; ++t) {
      const size_t k = lengths.For(corpus.briefings[corpus.turns[t].briefing]);
      const uint64_t base = corpus.turns[t].begin, length = corpus.turns[t].length;
      // Most turns hold no candidate window: those are not fingerprinted,
      // and in the others only the candidate windows are.
      if (length < k || !frequent.AnyMayBeFrequent(base, base + length - k + 1)) continue;
      const size_t windows = length - k + 1;
      // The candidate windows' fingerprints first, their table slots asked
      // for on the way (a cache miss each otherwise), then their counts.
      candidates.clear();
      corpus.VisitTurnTokens(t, [&](auto tokens) {
        WindowFingerprint window(corpus.term_hashes, k);
        for (size_t p = 0; p < windows; ++p) {
          if (!frequent.MayBeFrequent(base + p)) continue;
          const uint64_t fp = window.At(tokens, p);
          frequent.Prefetch(fp);
          candidates.push_back({static_cast<uint32_t>(p), fp});
        }
      });
      // Runs: maximal stretches of consecutive frequent windows.
      uint32_t first = 0, last = 0;
      bool open = false;
      for (const auto& [p, fp] : candidates) {
        if (frequent.Briefings(fp) == 0) continue;
        if (open && p == last + 1) {
          last = p;
          continue;
        }
        if (open)
          out[part].push_back({static_cast<uint32_t>(t), first, last + static_cast<uint32_t>(k)});
        first = last = p;
        open = true;
      }
      if (open)
        out[part].push_back({static_cast<uint32_t>(t), first, last + static_cast<uint32_t>(k)});
    }
  });
  return Concatenate(std::move(out));
}

uint64_t SequenceHash(std::span<const uint32_t> tokens, const std::vector<uint64_t>& term_hashes) {
  uint64_t h = tokens.size();
  for (uint32_t t : tokens) h = Mix64(h * 0x9E3779B97F4A7C15ULL + term_hashes[t]);
  return h;
}

// Stage 4: points from run types, most widespread first.
void BuildPoints(const TokenCorpus& corpus, const std::vector<Run>& runs,
                 const ShingleLengths& lengths, const TalkingPointOptions& options,
                 PassageMatcher* matcher, std::vector<PointSource>* sources) {
  struct Type {
    uint64_t hash;
    uint32_t first_run, length;  // tokens of its runs
    uint32_t briefings = 0, last_briefing = UINT32_MAX;
  };
  std::vector<Type> types;
  // Run hash -> type: open addressing, UINT32_MAX for an empty slot, at
  // most half full (a node per type in a std::unordered_map cost more).
  std::vector<uint64_t> type_keys(1024);
  std::vector<uint32_t> type_of(1024, UINT32_MAX);
  auto type_slot = [&](uint64_t h) {
    const size_t mask = type_of.size() - 1;
    size_t i = Mix64(h) & mask;
    while (type_of[i] != UINT32_MAX && type_keys[i] != h) i = (i + 1) & mask;
    return i;
  };
  std::vector<uint32_t> buffer;
  for (uint32_t r = 0; r < runs.size(); ++r) {
    const Run& run = runs[r];
    std::span<const uint32_t> tokens = corpus.TurnTokens(run.turn, &buffer, run.begin, run.end);
    const uint64_t h = SequenceHash(tokens, corpus.term_hashes);
    size_t slot = type_slot(h);
    if (type_of[slot] == UINT32_MAX) {
      if ((types.size() + 1) * 2 > type_of.size()) {
        type_keys.assign(type_of.size() * 2, 0);
        type_of.assign(type_keys.size(), UINT32_MAX);
        for (uint32_t t = 0; t < types.size(); ++t) {
          const size_t at = type_slot(types[t].hash);
          type_keys[at] = types[t].hash;
          type_of[at] = t;
        }
        slot = type_slot(h);
      }
      type_keys[slot] = h;
      type_of[slot] = static_cast<uint32_t>(types.size());
      types.push_back({h, r, run.end - run.begin});
    }
    Type& type = types[type_of[slot]];
    const uint32_t b = corpus.turns[run.turn].briefing;
    if (type.last_briefing != b) ++type.briefings, type.last_briefing = b;
  }
  type_keys = {};
  type_of = {};
  std::sort(types.begin(), types.end(), [](const Type& a, const Type& b) {
    if (a.briefings != b.briefings) return a.briefings > b.briefings;
    if (a.length != b.length) return a.length < b.length;
    return a.hash < b.hash;
  });
  std::vector<uint64_t> fps;
  std::vector<PassageHit> hits;
  std::vector<uint8_t> covered;
  const TermClasses classes(corpus.terms);
  // Types in this order are scattered over the corpus: a type's run, its
  // turn and its tokens are asked for a few types ahead (each a cache miss
  // otherwise), each step once the one before has arrived.
  auto prefetch = [&](size_t i, int step) {
    if (i >= types.size()) return;
    const Run& run = runs[types[i].first_run];
    if (step == 0) {
      __builtin_prefetch(&run);
    } else if (step == 1) {
      __builtin_prefetch(&corpus.turns[run.turn]);
    } else {
      const uint64_t at = corpus.turns[run.turn].begin + run.begin;
      if (corpus.narrow) {
        __builtin_prefetch(corpus.narrow_tokens.data() + at);
      } else {
        __builtin_prefetch(corpus.wide_tokens.data() + at);
      }
    }
  };
  for (size_t i = 0; i < types.size(); ++i) {
    if (options.progress && i % 4096 == 0) options.progress("grouping passages", i, types.size());
    prefetch(i + 6, 0);
    prefetch(i + 4, 1);
    prefetch(i + 2, 2);
    const Run& run = runs[types[i].first_run];
    const bool cjk = corpus.briefings[corpus.turns[run.turn].briefing].cjk;
    const size_t k = cjk ? lengths.characters : lengths.words;
    const size_t min_length = cjk ? options.min_chars : options.min_words;
    std::span<const uint32_t> tokens = corpus.TurnTokens(run.turn, &buffer, run.begin, run.end);
    ShingleFingerprints(tokens, corpus.term_hashes, k, &fps);
    matcher->Find(tokens, fps, nullptr, &hits);
    covered.assign(tokens.size(), 0);
    for (const PassageHit& h : hits)
      std::fill(covered.begin() + h.begin, covered.begin() + h.end, 1);
    for (size_t a = 0; a < tokens.size();) {
      if (covered[a]) {
        ++a;
        continue;
      }
      size_t b = a;
      while (b < tokens.size() && !covered[b]) ++b;
      // A wording does not start on "and", "of" nor end on "and", "the",
      // "in" (wording_bounds.h), and must be long enough without them;
      // sentence ends are trimmed later, from the text, for the points kept.
      auto [from, to] = TrimWording(tokens.subspan(a, b - a), classes);
      from += a, to += a;
      if (to - from >= min_length && to - from >= k) {
        matcher->Add(tokens.subspan(from, to - from),
                     std::span<const uint64_t>(fps).subspan(from, to - from - k + 1));
        sources->push_back({run.turn, static_cast<uint32_t>(run.begin + from),
                            static_cast<uint32_t>(run.begin + to)});
      }
      a = b;
    }
  }
}

// Stage 5: every turn with runs, matched against every point.
std::vector<RawUse> FindUses(const TokenCorpus& corpus, const std::vector<Run>& runs,
                             const ShingleLengths& lengths, const PassageMatcher& matcher,
                             size_t threads) {
  // Runs of one turn are adjacent: index the first run of each turn.
  std::vector<uint32_t> starts;
  for (uint32_t r = 0; r < runs.size(); ++r) {
    if (r == 0 || runs[r].turn != runs[r - 1].turn) starts.push_back(r);
  }
  starts.push_back(static_cast<uint32_t>(runs.size()));
  const size_t turns = starts.size() - 1, parts = threads * 4;
  std::vector<std::vector<RawUse>> out(parts);
  ForEachPart(turns, parts, threads, [&](size_t lo, size_t hi, size_t part) {
    std::vector<uint64_t> fps, run_fps;
    std::vector<std::pair<uint32_t, uint32_t>> windows;
    std::vector<PassageHit> hits;
    std::vector<uint32_t> buffer;
    for (size_t i = lo; i < hi; ++i) {
      const uint32_t turn = runs[starts[i]].turn;
      const size_t k = lengths.For(corpus.briefings[corpus.turns[turn].briefing]);
      std::span<const uint32_t> tokens = corpus.TurnTokens(turn, &buffer);
      // Only the windows inside runs are looked up, so only those are
      // fingerprinted (a window's fingerprint depends on its tokens alone);
      // the others' slots are left as they are.
      const size_t n = tokens.size() >= k ? tokens.size() - k + 1 : 0;
      if (fps.size() < n) fps.resize(n);
      windows.clear();
      for (uint32_t r = starts[i]; r < starts[i + 1]; ++r) {
        const Run& run = runs[r];
        ShingleFingerprints(tokens.subspan(run.begin, run.end - run.begin), corpus.term_hashes, k,
                            &run_fps);
        std::copy(run_fps.begin(), run_fps.end(), fps.begin() + run.begin);
        windows.emplace_back(run.begin, static_cast<uint32_t>(run.end - k + 1));
      }
      matcher.Find(tokens, std::span<const uint64_t>(fps.data(), n), &windows, &hits);
      for (const PassageHit& h : hits) {
        out[part].push_back({h.passage, turn, h.begin, h.end, h.similarity});
      }
    }
  });
  std::vector<RawUse> uses = Concatenate(std::move(out));
  // Uses come in turn order, and a point's uses in one turn in begin order
  // (they do not overlap): sorted by point, they are in (point, turn,
  // begin) order.
  StableSortByKey(&uses, matcher.size(), [](const RawUse& u) { return u.point; });
  return uses;
}

bool SpokespersonRole(Role role) { return role == Role::kAnswer || role == Role::kStatement; }

namespace {

// Spokesperson briefings of a point's uses (sorted by turn).
size_t SpokespersonBriefings(const TokenCorpus& corpus, const RawUse* begin, const RawUse* end) {
  size_t n = 0;
  uint32_t last = UINT32_MAX;
  for (const RawUse* u = begin; u != end; ++u) {
    const CorpusTurn& ct = corpus.turns[u->turn];
    if (SpokespersonRole(ct.role) && ct.briefing != last) ++n, last = ct.briefing;
  }
  return n;
}

}  // namespace

// Stage 5b: points that are fragments of one formulation
// (fragment_merging.h) become one, under the most widespread; the others'
// uses join it, scored against its text, except where they overlap one of
// its own uses in the same turn. Uses come sorted by (point, turn, begin)
// and leave so.
std::vector<RawUse> MergeFragmentUses(const TokenCorpus& corpus, const PassageMatcher& matcher,
                                      const ShingleLengths& lengths,
                                      const TalkingPointOptions& options,
                                      std::vector<RawUse> uses) {
  struct Candidate {
    uint32_t point;
    size_t first, last, briefings;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < uses.size();) {
    size_t j = i;
    while (j < uses.size() && uses[j].point == uses[i].point) ++j;
    const size_t b = SpokespersonBriefings(corpus, uses.data() + i, uses.data() + j);
    if (b >= options.min_briefings) candidates.push_back({uses[i].point, i, j, b});
    i = j;
  }
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.briefings > b.briefings; });
  std::vector<std::span<const uint32_t>> texts;
  for (const Candidate& c : candidates) texts.push_back(matcher.Tokens(c.point));
  const std::vector<uint32_t> target = MergeFragments(texts, lengths.words, kMinFragmentShare);
  // Regrouped in place (a copy of the uses was the stage's peak at 10x):
  // each use of a candidate is tagged with the candidate's number, scored
  // against its target's text when merged into another, and the others
  // dropped.
  {
    std::vector<uint32_t> by_position(candidates.size());
    for (uint32_t c = 0; c < candidates.size(); ++c) by_position[c] = c;
    std::sort(by_position.begin(), by_position.end(),
              [&](uint32_t a, uint32_t b) { return candidates[a].first < candidates[b].first; });
    size_t n = 0;
    std::vector<uint32_t> buffer;
    for (uint32_t c : by_position) {
      for (size_t u = candidates[c].first; u < candidates[c].last; ++u) {
        RawUse use = uses[u];
        use.point = c;
        if (target[c] != c) {
          double similarity = 0;
          SimilarAtLeast(corpus.TurnTokens(use.turn, &buffer, use.begin, use.end), texts[target[c]],
                         0, &similarity);
          use.similarity = static_cast<float>(similarity);
        }
        uses[n++] = use;  // n <= u: positions are visited in order
      }
    }
    uses.resize(n);
  }
  // By target, then place; at one place the candidate taken first (the
  // point's own uses, similarity 1 or its variants, before a fragment's).
  // Each candidate's uses are in place order: grouped by target, only the
  // targets with fragments merged into them need sorting.
  auto by_place = [&](const RawUse& a, const RawUse& b) {
    if (a.turn != b.turn) return a.turn < b.turn;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.point < b.point;
  };
  StableSortByKey(&uses, candidates.size(), [&](const RawUse& u) { return target[u.point]; });
  for (size_t i = 0; i < uses.size();) {
    size_t j = i + 1;
    while (j < uses.size() && target[uses[j].point] == target[uses[i].point]) ++j;
    if (!std::is_sorted(uses.begin() + i, uses.begin() + j, by_place))
      std::sort(uses.begin() + i, uses.begin() + j, by_place);
    i = j;
  }
  // Of overlapping uses of one target, the most similar (the first on a tie).
  size_t out = 0, kept = 0;
  for (size_t i = 0; i < uses.size(); ++i) {
    const RawUse u = uses[i];
    if (i == 0 || target[u.point] != target[uses[kept].point]) kept = out;
    if (out > kept && uses[out - 1].turn == u.turn && u.begin < uses[out - 1].end) {
      if (u.similarity > uses[out - 1].similarity) uses[out - 1] = u;
      continue;
    }
    uses[out++] = u;
  }
  uses.resize(out);
  for (RawUse& u : uses) u.point = candidates[target[u.point]].point;
  // A point's uses are in (turn, begin) order and do not overlap: sorted by
  // point, they are in (point, turn, begin) order.
  StableSortByKey(&uses, matcher.size(), [](const RawUse& u) { return u.point; });
  return uses;
}

}  // namespace lectern::point_stages
