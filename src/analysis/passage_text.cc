#include "analysis/passage_text.h"

#include <map>
#include <unordered_map>

#include "analysis/passage_tokens.h"
#include "analysis/sequence_similarity.h"
#include "base/utf8.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

constexpr size_t kContextBytes = 300;  // at most this much on either side

// Loads briefings once each.
class BriefingCache {
 public:
  explicit BriefingCache(const Index& index) : index_(index) {}
  Result<const Briefing*> Get(const std::string& id) {
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      Result<Briefing> b = index_.LoadBriefing(id);
      if (!b.ok()) return b.status();
      // Its text is copied: the store pages read need not stay resident
      // (the page cache may map them a large folio at a time, megabytes
      // for a briefing of a few kilobytes).
      for (const SegmentView& view : index_.segments()) view.segment->ReleaseStorePages();
      it = cache_.emplace(id, std::move(b).value()).first;
    }
    return &it->second;
  }

 private:
  const Index& index_;
  std::map<std::string, Briefing> cache_;
};

Result<std::string_view> TurnText(BriefingCache& cache, const PassageRef& ref) {
  Result<const Briefing*> b = cache.Get(ref.briefing_id);
  if (!b.ok()) return b.status();
  if (ref.turn >= (*b)->turns.size()) {
    return Status::NotFound(ref.briefing_id + ": no turn " + std::to_string(ref.turn));
  }
  return std::string_view((*b)->turns[ref.turn].text);
}

bool EndsSentence(std::string_view text, size_t at) {
  const char c = text[at];
  if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
  // 。！？ are E3 80 82, EF BC 81, EF BC 9F: look at the last byte's lead.
  if (at >= 2) {
    std::string_view three = text.substr(at - 2, 3);
    return three == "。" || three == "！" || three == "？";
  }
  return false;
}

// Start of the sentence holding byte `at`, at most kContextBytes before it.
size_t SentenceStart(std::string_view text, size_t at) {
  size_t i = at;
  while (i > 0 && at - i < kContextBytes && !EndsSentence(text, i - 1)) --i;
  while (i < at && (text[i] == ' ' || (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)) ++i;
  return i;
}

// End of the sentence holding byte `at - 1`, at most kContextBytes after it.
size_t SentenceEnd(std::string_view text, size_t at) {
  size_t i = at;
  if (i > 0 && EndsSentence(text, i - 1)) return i;
  while (i < text.size() && i - at < kContextBytes && !EndsSentence(text, i)) ++i;
  if (i < text.size() && text[i] != '\n') {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

Result<std::vector<std::string>> PassageTexts(const Index& index,
                                              const std::vector<PassageRef>& refs) {
  BriefingCache cache(index);
  Analyzer analyzer;
  std::vector<Token> tokens;
  std::vector<std::string> out;
  for (const PassageRef& ref : refs) {
    Result<std::string_view> text = TurnText(cache, ref);
    if (!text.ok()) return text.status();
    PassageTokens(analyzer, *text, &tokens);
    if (ref.end > tokens.size() || ref.begin >= ref.end) {
      return Status::Corruption(ref.briefing_id + ": turn " + std::to_string(ref.turn) +
                                " has changed since it was analysed");
    }
    const size_t a = tokens[ref.begin].begin, b = tokens[ref.end - 1].end;
    out.push_back(std::string(text->substr(a, b - a)));
  }
  return out;
}

Result<ReferenceWording> WordingOf(const Index& index, const PassageRef& ref) {
  BriefingCache cache(index);
  Result<std::string_view> text = TurnText(cache, ref);
  if (!text.ok()) return text.status();
  Analyzer analyzer;
  std::vector<Token> tokens;
  PassageTokens(analyzer, *text, &tokens);
  ReferenceWording w;
  for (uint32_t i = ref.begin; i < ref.end && i < tokens.size(); ++i) {
    w.terms.push_back(tokens[i].term);
    w.printed.push_back(
        std::string(text->substr(tokens[i].begin, tokens[i].end - tokens[i].begin)));
  }
  return w;
}

ReferenceWording WordingOfText(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  PassageTokens(analyzer, text, &tokens);
  ReferenceWording w;
  for (const Token& t : tokens) {
    w.terms.push_back(t.term);
    w.printed.push_back(std::string(text.substr(t.begin, t.end - t.begin)));
  }
  return w;
}

Result<std::vector<UseInContext>> UsesInContext(const Index& index,
                                                const ReferenceWording& reference,
                                                const std::vector<PassageRef>& uses) {
  BriefingCache cache(index);
  Analyzer analyzer;
  std::vector<Token> tokens;
  std::unordered_map<std::string, uint32_t> ids;
  auto id = [&](const std::string& term) {
    return ids.emplace(term, static_cast<uint32_t>(ids.size())).first->second;
  };
  std::vector<uint32_t> ref_ids;
  for (const std::string& t : reference.terms) ref_ids.push_back(id(t));
  std::vector<UseInContext> out;
  for (const PassageRef& use : uses) {
    Result<std::string_view> text = TurnText(cache, use);
    if (!text.ok()) return text.status();
    PassageTokens(analyzer, *text, &tokens);
    if (use.end > tokens.size() || use.begin >= use.end) {
      return Status::Corruption(use.briefing_id + ": turn " + std::to_string(use.turn) +
                                " has changed since it was analysed");
    }
    const size_t a = tokens[use.begin].begin, b = tokens[use.end - 1].end;
    const size_t from = SentenceStart(*text, a), to = SentenceEnd(*text, b);
    UseInContext u;
    u.context = std::string(text->substr(from, to - from));
    u.begin = a - from;
    u.end = b - from;
    std::vector<uint32_t> use_ids;
    for (uint32_t i = use.begin; i < use.end; ++i) use_ids.push_back(id(tokens[i].term));
    for (const AlignStep& s : Align(ref_ids, use_ids)) {
      if (s.kind == AlignStep::kOnlyA) {
        u.missing.push_back(reference.printed[s.a]);
      } else if (s.kind == AlignStep::kOnlyB) {
        const Token& t = tokens[use.begin + s.b];
        const size_t tb = t.begin - from, te = t.end - from;
        // Adjacent changed words form one difference (with the space between).
        if (!u.differences.empty() && tb - u.differences.back().second <= 1) {
          u.differences.back().second = te;
        } else {
          u.differences.emplace_back(tb, te);
        }
      }
    }
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace lectern
