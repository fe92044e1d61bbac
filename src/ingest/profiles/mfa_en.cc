#include "ingest/profiles/mfa_en.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "ingest/outlets.h"
#include "ingest/profiles/english_dates.h"
#include "ingest/spokespersons.h"

namespace lectern {
namespace {

// Replaces typographic apostrophes so that "Geng Shuang’s" reads like "Geng Shuang's".
std::string PlainApostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// "Foreign Ministry Spokesperson Geng Shuang's ..." -> {"Geng Shuang"};
// "Spokespersons Hua Chunying and Geng Shuang's" -> both.
std::vector<std::string> NamesInTitle(const std::string& title) {
  std::vector<std::string> names;
  const std::string lower = AsciiLower(title);
  size_t at = lower.find("spokesperson");
  if (at == std::string::npos) return names;
  at += std::string_view("spokesperson").size();
  if (at < lower.size() && lower[at] == 's') ++at;
  if (at >= lower.size() || lower[at] != ' ') return names;  // "Spokesperson's Remarks"
  size_t end = lower.find("'s ", at);
  if (end == std::string::npos || end - at > 60) return names;
  std::string list = title.substr(at + 1, end - at - 1);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    size_t conj = list.find(" and ", start);
    size_t cut = std::min(comma, conj);
    std::string name = std::string(TrimAsciiSpace(list.substr(start, cut - start)));
    if (!name.empty()) names.push_back(name);
    if (cut == std::string::npos) break;
    start = cut + (cut == conj ? 5 : 1);
  }
  return names;
}

std::string KindOf(const std::string& lower) {
  if (lower.find("regular press conference") != std::string::npos ||
      lower.find("daily briefing") != std::string::npos ||
      lower.find("press conference") != std::string::npos) {
    return "regular-press-conference";
  }
  if (lower.find("answer") != std::string::npos || lower.find("question") != std::string::npos ||
      lower.find("q&a") != std::string::npos) {
    return "answers-to-questions";
  }
  if (lower.find("statement") != std::string::npos) return "statement";
  return "remarks";
}

// Cuts a site name off a <title>: "X - Ministry of Foreign Affairs of ...".
std::string WithoutSiteName(std::string title) {
  for (std::string_view separator : {" - ", " | ", "_", " — ", " – "}) {
    size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string tail = AsciiLower(title.substr(at));
    if (tail.find("ministry of foreign affairs") != std::string::npos ||
        tail.find("fmprc") != std::string::npos || tail.find("mfa") != std::string::npos) {
      title.erase(at);
    }
  }
  return std::string(TrimAsciiSpace(title));
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerWord(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

// Words that open sentences or form fields, never an outlet's name.
bool IsSentenceOpener(std::string_view word) {
  static constexpr std::array<std::string_view, 48> kOpeners = {
      "I",       "We",     "But",   "And",     "So",       "As",       "Here",       "Here's",
      "What",    "This",   "That",  "It",      "Our",      "My",       "Your",       "In",
      "On",      "At",     "For",   "To",      "If",       "When",     "Yes",        "No",
      "Please",  "Note",   "Time",  "Venue",   "Date",     "Appendix", "Attachment", "Source",
      "Address", "Theme",  "Topic", "Firstly", "Secondly", "First",    "Second",     "Third",
      "Updated", "Editor", "Print", "Close",   "Author",   "Photo",    "Related",    "Share"};
  return std::find(kOpeners.begin(), kOpeners.end(), word) != kOpeners.end();
}

// "China Daily", "Associated Press of Pakistan", "CNN-News18", "People's Daily":
// one to seven words, capitalised but for a few connectives, no sentence marks.
bool LooksLikeOutletName(std::string_view label) {
  if (label.size() > 50 || label.empty() || !IsUpper(label[0])) return false;
  for (char c : label) {
    if (c == ',' || c == '.' || c == '?' || c == '!' || c == '"' || c == ';' || c == '(' ||
        c == ')' || c == '/' || (c >= '0' && c <= '9' && false)) {
      return false;
    }
    if (static_cast<unsigned char>(c) >= 0x80) return false;  // quotes, dashes: prose
  }
  size_t words = 0, start = 0;
  while (start < label.size()) {
    size_t end = label.find(' ', start);
    if (end == std::string_view::npos) end = label.size();
    std::string_view word = label.substr(start, end - start);
    if (words == 0 && IsSentenceOpener(word)) return false;
    if (IsLowerWord(word) && word != "of" && word != "the" && word != "and" && word != "de" &&
        word != "for" && word != "news") {
      return false;
    }
    ++words;
    start = end + 1;
  }
  return words >= 1 && words <= 7;
}

bool IsOneOf(const std::string& lower, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), lower) != options.end();
}

// "Journalist clarifies", "The journalist clarified", "Reporter adds".
bool IsJournalistAside(const std::string& lower) {
  for (std::string_view who : {"journalist ", "the journalist ", "reporter ", "the reporter "}) {
    if (lower.rfind(who, 0) != 0) continue;
    std::string_view verb = std::string_view(lower).substr(who.size());
    return verb.find(' ') == std::string_view::npos && verb.size() >= 3;
  }
  return false;
}

// Paragraphs that report a question instead of labelling it.
bool IntroducesQuestion(std::string_view text) {
  for (std::string_view intro :
       {"after the press conference", "the following question was raised",
        "the following questions were raised", "this question was raised after",
        "a journalist posed the following question", "a journalist asked",
        "after the regular press conference", "the following question is raised"}) {
    if (StartsWithIgnoreCase(text, intro)) return true;
  }
  return false;
}

}  // namespace

std::optional<TitleFacts> MfaEnglishProfile::ReadTitle(std::string_view raw) const {
  std::string title = WithoutSiteName(CollapseWhitespace(raw));
  std::string plain = PlainApostrophes(title);
  std::string lower = AsciiLower(plain);
  // The ministry's own words: other institutions hold "press conferences" too.
  const bool spokesperson = lower.find("spokesperson") != std::string::npos;
  const bool conference = lower.find("regular press conference") != std::string::npos ||
                          lower.find("daily briefing") != std::string::npos ||
                          lower.find("foreign ministry") != std::string::npos;
  if (!spokesperson && !conference) return std::nullopt;
  TitleFacts facts;
  facts.date = FindEnglishDate(plain);
  facts.spokespersons = NamesInTitle(plain);
  // A bare "Regular Press Conference" is a listing page's title.
  if (!facts.date && facts.spokespersons.empty() && lower.find(" on ") == std::string::npos) {
    return std::nullopt;
  }
  facts.kind = KindOf(lower);
  facts.title = std::move(title);
  return facts;
}

std::optional<Label> MfaEnglishProfile::ReadLabel(const Paragraph& p, Syntax syntax,
                                                  const TitleFacts& facts) const {
  std::optional<LabelSplit> split = SplitLabel(p.text, 64);
  if (!split) {
    if (IntroducesQuestion(p.text)) return Label{Role::kQuestion, {}, {}, false, "", 0};
    return std::nullopt;
  }
  const std::string label(split->label);
  const std::string lower = AsciiLower(PlainApostrophes(label));
  Label out;
  out.text = label;
  out.body_start = split->body_start;
  if (IsOneOf(lower, {"q", "question", "journalist", "reporter", "correspondent", "questioner"})) {
    out.role = Role::kQuestion;
    return out;
  }
  if (IsOneOf(lower,
              {"follow-up", "follow up", "followup", "follow-up question", "further question"}) ||
      IsJournalistAside(lower)) {
    out.role = Role::kQuestion;
    out.follow_up = true;
    return out;
  }
  if (IsOneOf(lower, {"a", "answer", "spokesperson"})) {
    out.role = Role::kAnswer;
    return out;
  }
  // "Spokesperson Wang Wenbin:" is the spokesperson by name.
  const std::string name_part = lower.rfind("spokesperson ", 0) == 0
                                    ? label.substr(std::string_view("spokesperson ").size())
                                    : label;
  for (const std::string& name : facts.spokespersons) {
    if (AsciiLower(name) == AsciiLower(name_part)) {
      out.role = Role::kAnswer;
      out.speaker = name;
      return out;
    }
  }
  if (const Spokesperson* known = FindSpokesperson(name_part)) {
    out.role = Role::kAnswer;
    out.speaker = std::string(known->name);
    return out;
  }
  if (IntroducesQuestion(p.text)) return Label{Role::kQuestion, {}, {}, false, "", 0};
  if (const Outlet* outlet = FindOutlet(label)) {
    out.role = Role::kQuestion;
    out.outlet = std::string(outlet->name);
    return out;
  }
  const bool bold_label = p.bold_prefix >= split->label.size();
  if (LooksLikeOutletName(label) && (syntax == Syntax::kText || bold_label)) {
    out.role = Role::kQuestion;
    out.outlet = StripJournalistSuffix(label);
    return out;
  }
  return std::nullopt;
}

}  // namespace lectern
