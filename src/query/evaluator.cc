#include "query/evaluator.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "base/dates.h"
#include "base/utf8.h"
#include "ingest/outlets.h"
#include "ingest/spokespersons.h"
#include "query/parser.h"
#include "query/searcher.h"

namespace lectern {
namespace {

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
    if (iterators_.size() == 1) {  // one word: its postings are the answer
      PostingIterator& it = iterators_[0];
      started_[0] = true;
      docs.reserve(it.df());
      while (it.Next()) docs.push_back(it.doc());
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

  // The spans of `doc` (which must not be below an earlier call's doc),
  // ascending by start.
  bool SpansAt(uint32_t doc, std::vector<Span>* spans) {
    spans->clear();
    if (empty_) return false;
    if (leaf_.kind == Leaf::Kind::kPrefix) {
      for (size_t i = 0; i < iterators_.size(); ++i) {
        if (!Advance(i, doc) || iterators_[i].doc() != doc) continue;
        for (uint32_t p : iterators_[i].Positions()) spans->push_back({p, p});
      }
      std::sort(spans->begin(), spans->end(),
                [](const Span& a, const Span& b) { return a.start < b.start; });
      return !spans->empty();
    }
    for (size_t i = 0; i < iterators_.size(); ++i) {
      if (!Advance(i, doc) || iterators_[i].doc() != doc) return false;
    }
    return PhraseAt(spans);
  }

  // Whether a word or phrase leaf matches `doc` (not below an earlier
  // call's doc): probing candidates skips through the postings instead of
  // decoding them all.
  bool MatchesAt(uint32_t doc) {
    if (empty_) return false;
    for (size_t i = 0; i < iterators_.size(); ++i) {
      if (!Advance(i, doc) || iterators_[i].doc() != doc) return false;
    }
    return iterators_.size() == 1 || PhraseAt(nullptr);
  }

  // At most this many documents match a word or phrase leaf: its rarest word's.
  uint64_t MaxDocs() const {
    if (empty_) return 0;
    uint64_t n = UINT64_MAX;
    for (const PostingIterator& it : iterators_) n = std::min<uint64_t>(n, it.df());
    return n;
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
    const std::vector<uint32_t>& first = iterators_[0].Positions();  // each iterator owns its own
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

// The pairs of spans of a NEAR's two sides with at most `distance` words
// strictly between them (overlapping spans do not count), each as one span
// from the first word to the last, ascending and without duplicates.
std::vector<Span> NearSpans(const std::vector<Span>& ls, const std::vector<Span>& rs,
                            uint32_t distance) {
  std::vector<Span> out;
  for (const Span& x : ls) {
    for (const Span& y : rs) {
      if (x.end < y.start && y.start - x.end - 1 <= distance) out.push_back({x.start, y.end});
      if (y.end < x.start && x.start - y.end - 1 <= distance) out.push_back({y.start, x.end});
    }
  }
  auto less = [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  };
  std::sort(out.begin(), out.end(), less);
  out.erase(std::unique(
                out.begin(), out.end(),
                [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }),
            out.end());
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

Status Compile(const QueryNode& node, bool negated, bool in_near, Analyzer& analyzer,
               CompiledQuery* q) {
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
      if (!negated) {
        const std::string& a = node.children[0]->text;
        const std::string& b = node.children[1]->text;
        q->units.push_back({&node, a + " NEAR/" + std::to_string(node.distance) + " " + b});
      }
      for (const auto& child : node.children) {
        LECTERN_RETURN_IF_ERROR(Compile(*child, negated, true, analyzer, q));
      }
      return Status::Ok();
    default:
      for (const auto& child : node.children) {
        LECTERN_RETURN_IF_ERROR(
            Compile(*child, negated || node.kind == QueryKind::kNot, in_near, analyzer, q));
      }
      return Status::Ok();
  }
  if (!negated) {
    q->scored.push_back(&q->leaves[&node]);
    if (!in_near) q->units.push_back({&node, node.text});
  }
  return Status::Ok();
}

}  // namespace

Result<CompiledQuery> CompileQuery(std::string_view text, Analyzer& analyzer, bool allow_empty) {
  CompiledQuery q;
  if (allow_empty && text.find_first_not_of(" \t\r\n") == std::string_view::npos) return q;
  Result<std::unique_ptr<QueryNode>> root = ParseQuery(text);
  if (!root.ok()) return root.status();
  q.root = std::move(root).value();
  LECTERN_RETURN_IF_ERROR(Compile(*q.root, false, false, analyzer, &q));
  return q;
}

class SegmentEvaluator::Impl {
 public:
  Impl(const CompiledQuery& q, const SegmentView& view)
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

  Result<DocList> Matches() {
    if (!q_.root) return AllLive();
    return Eval(*q_.root);
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

  Status UnitSpans(size_t u, uint32_t doc, std::vector<Span>* spans) {
    spans->clear();
    if (unit_cursors_.empty()) unit_cursors_.resize(q_.units.size());
    UnitCursors& c = unit_cursors_[u];
    const QueryNode& node = *q_.units[u].node;
    Status error;
    if (node.kind != QueryKind::kNear) {
      if (!c.left) c.left = std::make_unique<LeafCursor>(q_.leaves.at(&node), segment_, &error);
      if (!error.ok()) return error;
      c.left->SpansAt(doc, spans);
      return Status::Ok();
    }
    if (!c.left) {
      c.left = std::make_unique<LeafCursor>(q_.leaves.at(node.children[0].get()), segment_, &error);
      c.right =
          std::make_unique<LeafCursor>(q_.leaves.at(node.children[1].get()), segment_, &error);
    }
    if (!error.ok()) return error;
    if (c.left->SpansAt(doc, &ls_) && c.right->SpansAt(doc, &rs_)) {
      *spans = NearSpans(ls_, rs_, static_cast<uint32_t>(node.distance));
    }
    return Status::Ok();
  }

 private:
  struct UnitCursors {
    std::unique_ptr<LeafCursor> left, right;  // right: a NEAR's second side
  };

  DocList Live(DocList docs) {
    if (view_.live_turns == segment_.turn_count()) return docs;  // nothing deleted
    docs.erase(std::remove_if(docs.begin(), docs.end(), [&](uint32_t d) { return !view_.live(d); }),
               docs.end());
    return docs;
  }

  // AND: intersect the positive parts, then apply field filters and remove
  // the negated parts (a filter never builds a set of its own).
  Result<DocList> EvalAnd(const QueryNode& node) {
    std::optional<DocList> docs;
    std::vector<const QueryNode*> filters, negated, composites;
    // Words and phrases, rarest first: the rarest is listed, the others
    // only probed at its documents.
    std::vector<std::pair<uint64_t, const QueryNode*>> words;
    for (const auto& child : node.children) {
      if (child->kind == QueryKind::kField) {
        filters.push_back(child.get());
      } else if (child->kind == QueryKind::kNot) {
        negated.push_back(child->children[0].get());
      } else if (child->kind == QueryKind::kTerm || child->kind == QueryKind::kPhrase) {
        Status error;
        LeafCursor cursor(q_.leaves.at(child.get()), segment_, &error);
        if (!error.ok()) return error;
        words.emplace_back(cursor.MaxDocs(), child.get());
      } else {
        composites.push_back(child.get());
      }
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (!words.empty()) {
      Result<DocList> part = Eval(*words.front().second);
      if (!part.ok()) return part;
      docs = std::move(part).value();
      if (docs->empty()) return DocList{};
    }
    for (const QueryNode* child : composites) {
      Result<DocList> part = Eval(*child);
      if (!part.ok()) return part;
      docs = docs ? Intersect(*docs, *part) : std::move(part).value();
      if (docs->empty()) return DocList{};
    }
    for (size_t i = 1; i < words.size(); ++i) {
      Status error;
      LeafCursor cursor(q_.leaves.at(words[i].second), segment_, &error);
      if (!error.ok()) return error;
      DocList kept;
      for (uint32_t doc : *docs) {
        if (cursor.MatchesAt(doc)) kept.push_back(doc);
      }
      docs = std::move(kept);
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
      if (!NearSpans(ls, rs, static_cast<uint32_t>(node.distance)).empty()) out.push_back(doc);
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
  std::vector<UnitCursors> unit_cursors_;
  std::vector<Span> ls_, rs_;
};

SegmentEvaluator::SegmentEvaluator(const CompiledQuery& q, const SegmentView& view)
    : impl_(std::make_unique<Impl>(q, view)) {}
SegmentEvaluator::~SegmentEvaluator() = default;

Result<DocList> SegmentEvaluator::Matches() { return impl_->Matches(); }

Status SegmentEvaluator::UnitSpans(size_t u, uint32_t doc, std::vector<Span>* spans) {
  return impl_->UnitSpans(u, doc, spans);
}

}  // namespace lectern
