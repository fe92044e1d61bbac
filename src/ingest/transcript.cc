#include "ingest/transcript.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "base/dates.h"
#include "base/utf8.h"

namespace lectern {
namespace {

constexpr size_t kTitleSearchParagraphs = 6;

// A page's date stamp rather than speech: "2022-07-25 21:30",
// "Updated: 2022-07-25", "2020年10月7日".
bool IsDateStamp(std::string_view text) {
  for (std::string_view prefix : {"Updated:", "Published:", "发布时间："}) {
    if (StartsWithIgnoreCase(text, prefix))
      return text.size() < 64;  // "Updated: December 05, 2022"
  }
  text = TrimAsciiSpace(text);
  if (text.empty() || text.size() > 40) return false;
  size_t digits = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = NextCodePoint(text, &i);
    if (cp >= '0' && cp <= '9') {
      ++digits;
      continue;
    }
    const std::string_view c = text.substr(start, i - start);
    if (c != " " && c != "-" && c != "/" && c != ":" && c != "." && c != "年" && c != "月" &&
        c != "日") {
      return false;
    }
  }
  return digits >= 4;
}

// Drops the title, and whatever precedes it (a breadcrumb), from the top of
// the body, and the page's date stamp after it.
size_t FirstBodyParagraph(const Document& doc, const std::string& title,
                          const std::string& raw_title) {
  const size_t limit = std::min(doc.paragraphs.size(), kTitleSearchParagraphs);
  size_t first = 0;
  for (size_t i = 0; i < limit; ++i) {
    const std::string& text = doc.paragraphs[i].text;
    if (text == title || text == raw_title) {
      first = i + 1;
      break;
    }
  }
  while (first < doc.paragraphs.size() && IsDateStamp(doc.paragraphs[first].text)) ++first;
  return first;
}

std::optional<std::string> SoleSpokesperson(const TitleFacts& facts) {
  if (facts.spokespersons.size() == 1) return facts.spokespersons.front();
  return std::nullopt;
}

class TurnBuilder {
 public:
  TurnBuilder(const TitleFacts& facts, Briefing* briefing) : facts_(facts), b_(briefing) {}

  void Start(const Label& label, std::string_view text, bool bold) {
    Turn turn;
    turn.role = label.role;
    turn.speaker = label.speaker;
    if (!turn.speaker && label.role != Role::kQuestion && label.role != Role::kNote) {
      turn.speaker = SoleSpokesperson(facts_);  // notes are nobody's speech
    }
    turn.outlet = label.outlet;
    turn.follow_up = label.follow_up;
    turn.label = label.text;
    turn.text = std::string(text);
    b_->turns.push_back(std::move(turn));
    all_bold_ = bold;
    if (label.role != Role::kNote) last_speech_ = b_->turns.size() - 1;
  }

  // Speech interrupted by a note goes on in a new turn of the same speaker.
  void ResumeAfterNote(const Paragraph& p) {
    Turn resumed = b_->turns[*last_speech_];
    resumed.text = p.text;
    resumed.label.clear();
    resumed.follow_up = false;
    b_->turns.push_back(std::move(resumed));
    all_bold_ = p.all_bold;
  }

  void Continue(const Paragraph& p) {
    Turn& turn = b_->turns.back();
    if (!turn.text.empty()) turn.text.push_back('\n');
    turn.text += p.text;
    all_bold_ = all_bold_ && p.all_bold;
  }

  bool has_turn() const { return !b_->turns.empty(); }
  Role role() const { return b_->turns.back().role; }
  bool after_note() const {
    return has_turn() && role() == Role::kNote && last_speech_.has_value();
  }
  bool all_bold() const { return all_bold_; }

 private:
  const TitleFacts& facts_;
  Briefing* b_;
  bool all_bold_ = false;              // every paragraph of the current turn was wholly bold
  std::optional<size_t> last_speech_;  // the last turn that is not a note
};

void GroupExchanges(Briefing* b) {
  std::optional<Exchange> open;
  Role previous = Role::kStatement;
  auto close = [&] {
    if (open) b->exchanges.push_back(std::move(*open));
    open.reset();
  };
  for (int i = 0; i < static_cast<int>(b->turns.size()); ++i) {
    const Role role = b->turns[i].role;
    if (role == Role::kQuestion) {
      if (!open || previous != Role::kQuestion) {
        close();
        open.emplace();
      }
      open->question.push_back(i);
    } else if (role == Role::kAnswer && open) {
      open->answer.push_back(i);
    } else if (role == Role::kNote) {
      continue;  // notes neither open nor close an exchange
    } else {
      close();  // a statement, or an answer nobody asked for, stands alone
    }
    previous = role;
  }
  close();
}

void CollectSpokespersons(const TitleFacts& facts, Briefing* b) {
  b->spokespersons = facts.spokespersons;
  for (const Turn& turn : b->turns) {
    if (turn.role == Role::kQuestion || !turn.speaker) continue;
    if (std::find(b->spokespersons.begin(), b->spokespersons.end(), *turn.speaker) ==
        b->spokespersons.end()) {
      b->spokespersons.push_back(*turn.speaker);
    }
  }
}

uint32_t Fnv1a(std::string_view text) {
  uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

std::optional<FoundTitle> FindTitle(const Profile& profile, const Document& doc) {
  for (const std::string& candidate : doc.title_candidates) {
    if (std::optional<TitleFacts> facts = profile.ReadTitle(candidate)) {
      return FoundTitle{std::move(*facts), candidate};
    }
  }
  return std::nullopt;
}

std::string MakeBriefingId(const Briefing& b) {
  std::string id = b.institution + "-" + b.language + "-" + (b.date ? *b.date : "undated");
  if (b.kind == "regular-press-conference" && b.date) return id;
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", Fnv1a(b.title));
  return id + "-" + b.kind + "-" + hash;
}

Result<Briefing> BuildBriefing(const Profile& profile, const Document& doc,
                               const std::string& source) {
  std::optional<FoundTitle> found = FindTitle(profile, doc);
  if (!found) {
    std::string seen =
        doc.title_candidates.empty()
            ? "the page has no title"
            : "the page is titled '" + TruncateUtf8(doc.title_candidates[0], 150) + "'";
    return Status::NotABriefing("no " + std::string(profile.name()) + " briefing title; " + seen);
  }
  const TitleFacts* facts = &found->facts;
  const std::string& raw_title = found->printed;

  Briefing b;
  b.institution = std::string(profile.institution());
  b.language = std::string(profile.language());
  b.date = facts->date;
  if (!b.date) b.date = profile.ReadBodyDate(doc);  // a dateline among the header lines
  if (!b.date && doc.published.size() >= 10) {
    // "2020-10-07 14:02": the date part, if it is one.
    if (DaysFromIsoDate(std::string_view(doc.published).substr(0, 10))) {
      b.date = doc.published.substr(0, 10);
    }
  }
  b.title = facts->title;
  b.kind = facts->kind;
  b.source = source;

  TurnBuilder turns(*facts, &b);
  for (size_t i = FirstBodyParagraph(doc, facts->title, raw_title); i < doc.paragraphs.size();
       ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (std::optional<Label> label = profile.ReadLabel(p, doc.syntax, *facts)) {
      std::string_view rest = std::string_view(p.text).substr(label->body_start);
      turns.Start(*label, rest, p.all_bold);
      continue;
    }
    const bool html = doc.syntax == Syntax::kHtml;
    if (turns.after_note()) {
      turns.ResumeAfterNote(p);
    } else if (html && turns.has_turn() && turns.role() == Role::kQuestion && turns.all_bold() &&
               p.bold_prefix == 0 && !p.all_bold) {
      turns.Start(Label{Role::kAnswer, std::nullopt, std::nullopt, false, "", 0}, p.text, false);
    } else if (html && p.all_bold && turns.has_turn() && turns.role() == Role::kAnswer) {
      turns.Start(Label{Role::kQuestion, std::nullopt, std::nullopt, false, "", 0}, p.text, true);
    } else if (!turns.has_turn()) {
      turns.Start(Label{Role::kStatement, std::nullopt, std::nullopt, false, "", 0}, p.text,
                  p.all_bold);
    } else {
      turns.Continue(p);
    }
  }
  if (b.turns.empty()) {
    return Status::NotABriefing("the page has a briefing title but no transcript text");
  }
  GroupExchanges(&b);
  CollectSpokespersons(*facts, &b);
  b.id = MakeBriefingId(b);
  return b;
}

}  // namespace lectern
