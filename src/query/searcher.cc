#include "query/searcher.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "base/dates.h"
#include "base/utf8.h"
#include "ingest/outlets.h"
#include "ingest/spokespersons.h"
#include "query/parser.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using DocList = std::vector<uint32_t>;

struct Span {
  uint32_t start, end;  // positions, inclusive
};

// A term, phrase or prefix, analysed once per query.
struct Leaf {
  enum class Kind { kTerms, kPrefix } kind = Kind::kTerms;
  std::vector<std::string> terms;  // kTerms: one word or a phrase's words, in order
  std::vector<uint32_t> offsets;   // kTerms: each word's position within the phrase
  std::string prefix;              // kPrefix: normalised prefix
};

DocList Intersect(const DocList& a, const DocList& b) {
  DocList out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

DocList Union(const DocList& a, const DocList& b) {
  DocList out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

DocList Difference(const DocList& a, const DocList& b) {
  DocList out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Walks one leaf's matches in one segment, document by document, ascending.
class LeafCursor {
 public:
  LeafCursor(const Leaf& leaf, const Segment& segment, Status* error) : leaf_(leaf) {
    if (leaf.kind == Leaf::Kind::kPrefix) {
      std::vector<TermInfo> infos = segment.PrefixRange(leaf.prefix, kMaxPrefixExpansion);
      if (infos.size() > kMaxPrefixExpansion) {
        *error = Status::InvalidArgument("'" + leaf.prefix + "*' stands for more than " +
                                         std::to_string(kMaxPrefixExpansion) +
                                         " words; make the prefix longer");
        return;
      }
      for (const TermInfo& info : infos) iterators_.push_back(segment.Postings(info));
      started_.assign(iterators_.size(), false);
      return;
    }
    for (const std::string& term : leaf.terms) {
      std::optional<TermInfo> info = segment.Find(term);
      if (!info) {
        empty_ = true;
        return;
      }
      iterators_.push_back(segment.Postings(*info));
    }
    started_.assign(iterators_.size(), false);
  }

  // All documents with at least one span, ascending.
  DocList Docs() {
    DocList docs;
    if (empty_ || iterators_.empty()) return docs;
    if (leaf_.kind == Leaf::Kind::kPrefix) {
      for (PostingIterator& it : iterators_) {
        while (it.Next()) docs.push_back(it.doc());
      }
      std::sort(docs.begin(), docs.end());
      docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
      return docs;
    }
    // Leapfrog over the words, then check positions for phrases.
    uint32_t target = 0;
    for (;;) {
      bool agreed = true;
      for (size_t i = 0; i < iterators_.size(); ++i) {
        if (!Advance(i, target)) return docs;
        if (iterators_[i].doc() != target) {
          target = iterators_[i].doc();
          agreed = false;
          break;
        }
      }
      if (!agreed) continue;
      if (iterators_.size() == 1 || PhraseAt(nullptr)) docs.push_back(target);
      ++target;
    }
  }

  // The spans of `doc` (which must not be below an earlier call's doc).
  bool SpansAt(uint32_t doc, std::vector<Span>* spans) {
    spans->clear();
    if (empty_) return false;
    if (leaf_.kind == Leaf::Kind::kPrefix) {
      for (size_t i = 0; i < iterators_.size(); ++i) {
        if (!Advance(i, doc) || iterators_[i].doc() != doc) continue;
        for (uint32_t p : iterators_[i].Positions()) spans->push_back({p, p});
      }
      return !spans->empty();
    }
    for (size_t i = 0; i < iterators_.size(); ++i) {
      if (!Advance(i, doc) || iterators_[i].doc() != doc) return false;
    }
    return PhraseAt(spans);
  }

 private:
  bool Advance(size_t i, uint32_t target) {
    PostingIterator& it = iterators_[i];
    if (!started_[i]) {
      started_[i] = true;
      if (!it.Next()) return false;
    }
    return it.doc() >= target || it.SkipTo(target);
  }

  // All iterators sit on one document: does the phrase occur in it?
  bool PhraseAt(std::vector<Span>* spans) {
    const std::vector<uint32_t> first = iterators_[0].Positions();
    bool any = false;
    for (uint32_t p : first) {
      bool all = true;
      for (size_t i = 1; i < iterators_.size() && all; ++i) {
        const std::vector<uint32_t>& pos = iterators_[i].Positions();
        const uint32_t want = p - leaf_.offsets[0] + leaf_.offsets[i];
        all = std::binary_search(pos.begin(), pos.end(), want);
      }
      if (!all) continue;
      any = true;
      if (spans == nullptr) return true;
      const uint32_t start = p - leaf_.offsets[0];
      spans->push_back({start, start + leaf_.offsets.back()});
    }
    return any;
  }

  const Leaf& leaf_;
  std::vector<PostingIterator> iterators_;
  std::vector<bool> started_;
  bool empty_ = false;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

// Everything about a parsed query that does not depend on the segment.
struct CompiledQuery {
  std::unique_ptr<QueryNode> root;
  std::unordered_map<const QueryNode*, Leaf> leaves;
  std::vector<const Leaf*> scored;  // leaves outside NOT, for ranking and highlights
};

Status Compile(const QueryNode& node, bool negated, Analyzer& analyzer, CompiledQuery* q) {
  const std::string where = "col " + std::to_string(node.column) + ": ";
  switch (node.kind) {
    case QueryKind::kTerm:
    case QueryKind::kPhrase: {
      std::vector<Token> tokens;
      analyzer.AnalyzeForQuery(node.text, &tokens);
      if (tokens.empty()) {
        return Status::InvalidArgument(where + "'" + node.text + "' has no searchable words");
      }
      Leaf leaf;
      for (const Token& t : tokens) {
        leaf.terms.push_back(t.term);
        leaf.offsets.push_back(t.position - tokens.front().position);
      }
      q->leaves[&node] = std::move(leaf);
      break;
    }
    case QueryKind::kPrefix: {
      Leaf leaf;
      leaf.kind = Leaf::Kind::kPrefix;
      leaf.prefix = analyzer.NormalizeWord(node.text);
      if (leaf.prefix.empty()) return Status::InvalidArgument(where + "empty prefix");
      q->leaves[&node] = std::move(leaf);
      break;
    }
    case QueryKind::kNear:
      for (const auto& child : node.children) {
        if (child->kind != QueryKind::kTerm && child->kind != QueryKind::kPhrase &&
            child->kind != QueryKind::kPrefix) {
          return Status::InvalidArgument("col " + std::to_string(child->column) +
                                         ": NEAR joins words, phrases and prefixes only");
        }
      }
      [[fallthrough]];
    default:
      for (const auto& child : node.children) {
        LECTERN_RETURN_IF_ERROR(
            Compile(*child, negated || node.kind == QueryKind::kNot, analyzer, q));
      }
      return Status::Ok();
  }
  if (!negated) q->scored.push_back(&q->leaves[&node]);
  return Status::Ok();
}

// Evaluates a compiled query over one segment.
class SegmentEvaluator {
 public:
  SegmentEvaluator(const CompiledQuery& q, const SegmentView& view)
      : q_(q), view_(view), segment_(*view.segment) {}

  Result<DocList> Eval(const QueryNode& node) {
    switch (node.kind) {
      case QueryKind::kTerm:
      case QueryKind::kPhrase:
      case QueryKind::kPrefix: {
        Status error;
        LeafCursor cursor(q_.leaves.at(&node), segment_, &error);
        if (!error.ok()) return error;
        return Live(cursor.Docs());
      }
      case QueryKind::kOr: {
        DocList out;
        for (const auto& child : node.children) {
          Result<DocList> docs = Eval(*child);
          if (!docs.ok()) return docs;
          out = Union(out, *docs);
        }
        return out;
      }
      case QueryKind::kAnd:
        return EvalAnd(node);
      case QueryKind::kNot: {
        Result<DocList> docs = Eval(*node.children[0]);
        if (!docs.ok()) return docs;
        return Difference(AllLive(), *docs);
      }
      case QueryKind::kNear:
        return EvalNear(node);
      case QueryKind::kField: {
        DocList out;
        std::function<bool(uint32_t)> keep = FieldPredicate(node);
        for (uint32_t doc : AllLive()) {
          if (keep(doc)) out.push_back(doc);
        }
        return out;
      }
    }
    return DocList{};
  }

 private:
  DocList Live(DocList docs) {
    docs.erase(std::remove_if(docs.begin(), docs.end(), [&](uint32_t d) { return !view_.live(d); }),
               docs.end());
    return docs;
  }

  const DocList& AllLive() {
    if (!all_live_ready_) {
      for (uint32_t doc = 0; doc < segment_.turn_count(); ++doc) {
        if (view_.live(doc)) all_live_.push_back(doc);
      }
      all_live_ready_ = true;
    }
    return all_live_;
  }

  // AND: intersect the positive parts, then apply field filters and remove
  // the negated parts (a filter never builds a set of its own).
  Result<DocList> EvalAnd(const QueryNode& node) {
    std::optional<DocList> docs;
    std::vector<const QueryNode*> filters, negated;
    for (const auto& child : node.children) {
      if (child->kind == QueryKind::kField) {
        filters.push_back(child.get());
        continue;
      }
      if (child->kind == QueryKind::kNot) {
        negated.push_back(child->children[0].get());
        continue;
      }
      Result<DocList> part = Eval(*child);
      if (!part.ok()) return part;
      docs = docs ? Intersect(*docs, *part) : std::move(part).value();
      if (docs->empty()) return DocList{};
    }
    if (!docs) docs = AllLive();
    if (!filters.empty()) {
      std::vector<std::function<bool(uint32_t)>> predicates;
      for (const QueryNode* f : filters) predicates.push_back(FieldPredicate(*f));
      DocList kept;
      for (uint32_t doc : *docs) {
        if (std::all_of(predicates.begin(), predicates.end(), [&](auto& p) { return p(doc); })) {
          kept.push_back(doc);
        }
      }
      docs = std::move(kept);
    }
    for (const QueryNode* n : negated) {
      Result<DocList> part = Eval(*n);
      if (!part.ok()) return part;
      docs = Difference(*docs, *part);
    }
    return *docs;
  }

  Result<DocList> EvalNear(const QueryNode& node) {
    Result<DocList> a = Eval(*node.children[0]);
    if (!a.ok()) return a;
    Result<DocList> b = Eval(*node.children[1]);
    if (!b.ok()) return b;
    DocList candidates = Intersect(*a, *b);
    Status error;
    LeafCursor left(q_.leaves.at(node.children[0].get()), segment_, &error);
    LeafCursor right(q_.leaves.at(node.children[1].get()), segment_, &error);
    if (!error.ok()) return error;
    DocList out;
    std::vector<Span> ls, rs;
    for (uint32_t doc : candidates) {
      if (!left.SpansAt(doc, &ls) || !right.SpansAt(doc, &rs)) continue;
      bool near = false;
      for (const Span& x : ls) {
        for (const Span& y : rs) {
          // Words strictly between the two spans; overlapping spans do not count.
          if (x.end < y.start)
            near = near || y.start - x.end - 1 <= static_cast<uint32_t>(node.distance);
          if (y.end < x.start)
            near = near || x.start - y.end - 1 <= static_cast<uint32_t>(node.distance);
        }
      }
      if (near) out.push_back(doc);
    }
    return out;
  }

  // Ids in this segment's string table equal (ignoring ASCII case) to a value,
  // or to the canonical name of a value's alias (outlets, spokespersons).
  std::vector<bool> MatchingStrings(const QueryNode& node, bool outlet) {
    std::vector<std::string> wanted = node.values;
    for (const std::string& v : node.values) {
      if (outlet) {
        if (const Outlet* o = FindOutlet(v)) wanted.emplace_back(o->name);
      } else if (const Spokesperson* s = FindSpokesperson(v)) {
        wanted.emplace_back(s->name);  // speaker:汪文斌 is speaker:"Wang Wenbin"
      }
    }
    std::vector<bool> ids(segment_.string_count(), false);
    for (uint32_t id = 1; id < ids.size(); ++id) {
      std::string_view s = segment_.string(id);
      ids[id] = std::any_of(wanted.begin(), wanted.end(),
                            [&](const std::string& w) { return EqualsIgnoreCase(s, w); });
    }
    return ids;
  }

  std::function<bool(uint32_t)> FieldPredicate(const QueryNode& node) {
    const Segment& s = segment_;
    const std::string& field = node.field;
    if (field == "date") {
      const int32_t from =
          node.date_from ? DaysFromIsoDate(*node.date_from).value_or(INT32_MIN) : INT32_MIN;
      const int32_t to =
          node.date_to ? DaysFromIsoDate(*node.date_to).value_or(INT32_MAX) : INT32_MAX;
      return [&s, from, to](uint32_t doc) {
        const std::optional<int32_t>& date = s.briefing(s.turn_briefing(doc)).date;
        return date && *date >= from && *date <= to;
      };
    }
    if (field == "role") {
      std::vector<Role> roles;
      for (const std::string& v : node.values) {
        if (auto role = RoleFromName(AsciiLower(v))) roles.push_back(*role);
      }
      return [&s, roles](uint32_t doc) {
        return std::find(roles.begin(), roles.end(), s.turn_role(doc)) != roles.end();
      };
    }
    auto ids = std::make_shared<std::vector<bool>>(MatchingStrings(node, field == "outlet"));
    auto has = [ids](uint32_t id) { return id < ids->size() && (*ids)[id]; };
    if (field == "outlet") return [&s, has](uint32_t doc) { return has(s.turn_outlet(doc)); };
    if (field == "speaker") return [&s, has](uint32_t doc) { return has(s.turn_speaker(doc)); };
    if (field == "lang") {
      return [&s, has](uint32_t doc) { return has(s.briefing(s.turn_briefing(doc)).language); };
    }
    if (field == "kind") {
      return [&s, has](uint32_t doc) { return has(s.briefing(s.turn_briefing(doc)).kind); };
    }
    if (field == "institution") {
      return [&s, has](uint32_t doc) { return has(s.briefing(s.turn_briefing(doc)).institution); };
    }
    return [](uint32_t) { return false; };
  }

  const CompiledQuery& q_;
  const SegmentView& view_;
  const Segment& segment_;
  DocList all_live_;
  bool all_live_ready_ = false;
};

struct Match {
  uint32_t segment;
  uint32_t doc;
  double score;
  int32_t date;  // INT32_MIN when undated
};

}  // namespace

struct Searcher::Impl {
  std::shared_ptr<const Index> index;
  Analyzer analyzer;

  Result<CompiledQuery> Prepare(std::string_view text) {
    Result<std::unique_ptr<QueryNode>> root = ParseQuery(text);
    if (!root.ok()) return root.status();
    CompiledQuery q;
    q.root = std::move(root).value();
    LECTERN_RETURN_IF_ERROR(Compile(*q.root, false, analyzer, &q));
    return q;
  }

  // Every match with its BM25 score (k1 = 1.2, b = 0.75).
  Result<std::vector<Match>> Run(const CompiledQuery& q) {
    // Document frequencies over the whole index, for idf.
    std::unordered_map<std::string, uint64_t> df;
    auto global_df = [&](const std::string& term) -> uint64_t {
      auto it = df.find(term);
      if (it != df.end()) return it->second;
      uint64_t n = 0;
      for (const SegmentView& v : index->segments()) {
        if (auto info = v.segment->Find(term)) n += info->df;
      }
      return df[term] = n;
    };
    const double total = static_cast<double>(std::max<uint64_t>(1, index->live_turns()));
    const double avgdl = std::max(1.0, index->average_turn_length());
    auto idf = [&](const std::string& term) {
      const double n = static_cast<double>(global_df(term));
      return std::log(1.0 + (total - n + 0.5) / (n + 0.5));
    };

    std::vector<Match> matches;
    for (uint32_t s = 0; s < index->segments().size(); ++s) {
      const SegmentView& view = index->segments()[s];
      const Segment& segment = *view.segment;
      SegmentEvaluator evaluator(q, view);
      Result<DocList> docs = evaluator.Eval(*q.root);
      if (!docs.ok()) return docs.status();
      if (docs->empty()) continue;
      std::vector<double> scores(docs->size(), 0.0);
      for (const Leaf* leaf : q.scored) {
        std::vector<TermInfo> infos;
        if (leaf->kind == Leaf::Kind::kPrefix) {
          infos = segment.PrefixRange(leaf->prefix, kMaxPrefixExpansion);
        } else {
          for (const std::string& term : leaf->terms) {
            if (auto info = segment.Find(term)) infos.push_back(*info);
          }
        }
        for (const TermInfo& info : infos) {
          const double weight = idf(std::string(segment.term(info.ordinal)));
          PostingIterator it = segment.Postings(info);
          if (!it.Next()) continue;
          for (size_t i = 0; i < docs->size(); ++i) {
            const uint32_t doc = (*docs)[i];
            if (!it.SkipTo(doc)) break;
            if (it.doc() != doc) continue;
            const double tf = it.freq();
            const double len = segment.turn_length(doc);
            scores[i] += weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avgdl));
          }
        }
      }
      for (size_t i = 0; i < docs->size(); ++i) {
        const std::optional<int32_t>& date =
            segment.briefing(segment.turn_briefing((*docs)[i])).date;
        matches.push_back(Match{s, (*docs)[i], scores[i], date.value_or(INT32_MIN)});
      }
    }
    return matches;
  }

  bool Highlighted(const CompiledQuery& q, const std::string& term) {
    for (const Leaf* leaf : q.scored) {
      if (leaf->kind == Leaf::Kind::kPrefix) {
        if (term.compare(0, leaf->prefix.size(), leaf->prefix) == 0) return true;
      } else if (std::find(leaf->terms.begin(), leaf->terms.end(), term) != leaf->terms.end()) {
        return true;
      }
    }
    return false;
  }
};

Searcher::Searcher(std::shared_ptr<const Index> index) : impl_(std::make_unique<Impl>()) {
  impl_->index = std::move(index);
}
Searcher::~Searcher() = default;

Result<SearchResults> Searcher::Search(std::string_view text, const SearchOptions& options) {
  if (options.offset + options.limit > kMaxResultWindow) {
    return Status::InvalidArgument("offset + limit may not exceed " +
                                   std::to_string(kMaxResultWindow));
  }
  Result<CompiledQuery> q = impl_->Prepare(text);
  if (!q.ok()) return q.status();
  Result<std::vector<Match>> run = impl_->Run(*q);
  if (!run.ok()) return run.status();
  std::vector<Match>& matches = *run;

  SearchResults results;
  results.total_turns = matches.size();
  std::set<std::pair<uint32_t, uint32_t>> briefings;
  const auto& segments = impl_->index->segments();
  for (const Match& m : matches) {
    briefings.insert({m.segment, segments[m.segment].segment->turn_briefing(m.doc)});
  }
  results.total_briefings = briefings.size();

  auto by_relevance = [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.date != b.date) return a.date > b.date;
    return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc;
  };
  auto by_date = [](const Match& a, const Match& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.score != b.score) return a.score > b.score;
    return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc;
  };
  const size_t end = std::min(matches.size(), options.offset + options.limit);
  if (options.offset >= end) return results;
  if (options.sort == SearchOptions::Sort::kDate) {
    std::partial_sort(matches.begin(), matches.begin() + end, matches.end(), by_date);
  } else {
    std::partial_sort(matches.begin(), matches.begin() + end, matches.end(), by_relevance);
  }

  std::map<std::pair<uint32_t, uint32_t>, Briefing> loaded;
  std::vector<Token> tokens;
  for (size_t i = options.offset; i < end; ++i) {
    const Match& m = matches[i];
    const Segment& segment = *segments[m.segment].segment;
    const uint32_t ordinal = segment.turn_briefing(m.doc);
    auto key = std::make_pair(m.segment, ordinal);
    auto it = loaded.find(key);
    if (it == loaded.end()) {
      Result<Briefing> b = segment.LoadBriefing(ordinal);
      if (!b.ok()) return b.status();
      it = loaded.emplace(key, std::move(b).value()).first;
    }
    const Briefing& b = it->second;
    Hit hit;
    hit.briefing_id = b.id;
    hit.turn = segment.turn_index(m.doc);
    hit.score = m.score;
    hit.date = b.date;
    hit.title = b.title;
    if (hit.turn >= b.turns.size())
      return Status::Corruption(segment.path() + ": turn out of range");
    hit.matched = b.turns[hit.turn];
    impl_->analyzer.AnalyzeForIndex(hit.matched.text, &tokens);
    hit.snippet = MakeSnippet(hit.matched.text, tokens, [&](const std::string& term) {
      return impl_->Highlighted(*q, term);
    });
    for (const Exchange& e : b.exchanges) {
      const bool in_question = std::find(e.question.begin(), e.question.end(),
                                         static_cast<int>(hit.turn)) != e.question.end();
      const bool in_answer =
          std::find(e.answer.begin(), e.answer.end(), static_cast<int>(hit.turn)) != e.answer.end();
      if (!in_question && !in_answer) continue;
      for (int t : e.question) hit.exchange_turns.push_back(static_cast<uint32_t>(t));
      for (int t : e.answer) hit.exchange_turns.push_back(static_cast<uint32_t>(t));
      break;
    }
    for (uint32_t t : hit.exchange_turns) hit.exchange.push_back(b.turns[t]);
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Result<std::vector<TurnRef>> Searcher::MatchAll(std::string_view text) {
  Result<CompiledQuery> q = impl_->Prepare(text);
  if (!q.ok()) return q.status();
  Result<std::vector<Match>> run = impl_->Run(*q);
  if (!run.ok()) return run.status();
  std::vector<TurnRef> refs;
  refs.reserve(run->size());
  for (const Match& m : *run) {
    const Segment& segment = *impl_->index->segments()[m.segment].segment;
    refs.push_back(TurnRef{std::string(segment.briefing(segment.turn_briefing(m.doc)).id),
                           segment.turn_index(m.doc)});
  }
  std::sort(refs.begin(), refs.end());
  return refs;
}

}  // namespace lectern
