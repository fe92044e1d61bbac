#include "ingest/profiles/whitehouse.h"

#include <algorithm>
#include <array>
#include <vector>

#include "base/utf8.h"
#include "ingest/profiles/english_dates.h"

namespace lectern {
namespace {

// The press office's briefers of 2009-2012, so that a label names one
// person however the title does ("Press Briefing 1/22/09" names nobody;
// "MR. GIBBS:" is still Robert Gibbs).
constexpr std::array<std::string_view, 6> kPressOffice = {
    "Robert Gibbs", "Jay Carney", "Josh Earnest", "Bill Burton", "Jen Psaki", "Dan Pfeiffer"};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }

char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithSentenceMark(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return false;
  const char last = text.back();
  return last == '.' || last == '?' || last == '!' || last == ':';
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

std::string_view Surname(std::string_view name) {
  const size_t space = name.rfind(' ');
  return space == std::string_view::npos ? name : name.substr(space + 1);
}

// Cuts the site's name off a <title>: "X | whitehouse.gov".
std::string WithoutSiteName(std::string title) {
  const size_t bar = title.rfind(" | ");
  if (bar != std::string::npos) {
    const std::string tail = AsciiLower(title.substr(bar));
    if (tail.find("whitehouse.gov") != std::string::npos ||
        tail.find("white house") != std::string::npos) {
      title.erase(bar);
    }
  }
  return std::string(TrimAsciiSpace(title));
}

// `word` occurs in `lower` and is not the start of a longer word
// ("briefing" but not "briefings").
bool HasWord(const std::string& lower, std::string_view word) {
  for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool starts = at == 0 || !IsAlpha(lower[at - 1]);
    const bool ends = end == lower.size() || !IsAlpha(lower[end]);
    if (starts && ends) return true;
  }
  return false;
}

// The press office member a single surname ("Gibbs") stands for, or "".
std::string PressOfficeBySurname(std::string_view surname) {
  for (std::string_view name : kPressOffice) {
    if (AsciiLower(Surname(name)) == AsciiLower(surname)) return std::string(name);
  }
  return "";
}

// "Press Briefing by Press Secretary Jay Carney, 6/22/2011" -> {"Jay Carney"};
// every "Press Secretary NAME" counts ("... Robert Gibbs and Deputy Press
// Secretary Bill Burton"); a lone surname is completed from the press office
// ("Press Secretary Gibbs"). Without one, a press office name anywhere in
// the title ("Press Gaggle by Robert Gibbs - ...").
std::vector<std::string> NamesInTitle(const std::string& title) {
  std::vector<std::string> names;
  auto add = [&](std::string name) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
  };
  const std::string lower = AsciiLower(title);
  constexpr std::string_view kKey = "press secretary ";
  for (size_t at = lower.find(kKey); at != std::string::npos; at = lower.find(kKey, at + 1)) {
    std::vector<std::string_view> words;
    for (std::string_view word : SplitWords(std::string_view(title).substr(at + kKey.size()))) {
      const bool last = word.back() == ',' || word.back() == ';';
      if (last) word.remove_suffix(1);
      if (word.empty() || !IsUpper(word[0]) || word.size() > 20) break;
      if (word.find_first_of("0123456789/") != std::string_view::npos) break;
      static constexpr std::array<std::string_view, 9> kStops = {
          "Aboard", "En", "On", "To", "In", "At", "And", "With", "From"};
      if (std::find(kStops.begin(), kStops.end(), word) != kStops.end()) break;
      words.push_back(word);
      if (last || words.size() == 4) break;
    }
    if (words.empty()) continue;
    if (words.size() == 1) {
      add(PressOfficeBySurname(words[0]));
      continue;
    }
    std::string name;
    for (std::string_view word : words) name += (name.empty() ? "" : " ") + std::string(word);
    add(std::move(name));
  }
  if (names.empty()) {
    for (std::string_view name : kPressOffice) {
      if (lower.find(AsciiLower(name)) != std::string::npos) add(std::string(name));
    }
  }
  return names;
}

std::string KindOf(const std::string& lower) {
  if (HasWord(lower, "gaggle")) return "press-gaggle";
  if (HasWord(lower, "press conference") || HasWord(lower, "news conference")) {
    return "press-conference";
  }
  return "press-briefing";
}

std::optional<std::string> DateIn(std::string_view text) {
  if (auto date = FindUsNumericDate(text)) return date;
  return FindEnglishDate(text);
}

// ---- Notes --------------------------------------------------------------

// "(Laughter.)", "[Inaudible]", "(Cell phone rings.) (Laughter.)": nothing
// but bracketed groups.
bool IsBracketedNote(std::string_view t) {
  if (t.empty() || (t[0] != '(' && t[0] != '[') || t.size() > 600) return false;
  int depth = 0;
  for (char c : t) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (--depth < 0) return false;
    } else if (depth == 0 && c != ' ' && c != '.') {
      return false;  // words outside the brackets: speech with a note in it
    }
  }
  return depth == 0;
}

// Length of a time stamp at the start of `t` ("1:40 P.M. EST", "9:45 A.M
// (Local)", "12:47 P.M."), or 0.
size_t TimeStampLength(std::string_view t) {
  size_t i = 0;
  const size_t hour_start = i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i == hour_start || i - hour_start > 2 || i >= t.size() || t[i] != ':') return 0;
  ++i;
  const size_t minute_start = i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i - minute_start != 2) return 0;
  while (i < t.size() && t[i] == ' ') ++i;
  if (i >= t.size() || (ToLower(t[i]) != 'a' && ToLower(t[i]) != 'p')) return 0;
  ++i;
  if (i < t.size() && t[i] == '.') ++i;
  while (i < t.size() && t[i] == ' ') ++i;
  if (i >= t.size() || ToLower(t[i]) != 'm') return 0;
  ++i;
  if (i < t.size() && t[i] == '.') ++i;
  size_t end = i;
  // An optional zone: "EST", "HAST", "(Local)".
  size_t j = i;
  while (j < t.size() && t[j] == ' ') ++j;
  if (j < t.size() && t[j] == '(') {
    const size_t close = t.find(')', j);
    if (close != std::string_view::npos && close - j <= 12) end = close + 1;
  } else {
    size_t k = j;
    while (k < t.size() && IsUpper(t[k])) ++k;
    if (k - j >= 2 && k - j <= 5 && (k == t.size() || t[k] == ' ')) end = k;
  }
  if (end < t.size() && t[end] != ' ') return 0;
  return end;
}

// "1:40 P.M. EST", "END", "END 2:29 P.M. EST".
bool IsTimeStampOrEnd(std::string_view t) {
  if (t.size() >= 3 && t.substr(0, 3) == "END") {
    t = TrimAsciiSpace(t.substr(3));
    if (t.empty()) return true;
  }
  const size_t length = TimeStampLength(t);
  return length > 0 && TrimAsciiSpace(t.substr(length)).empty();
}

// "###", "* * * * *", "______", "#59-05/19/2009" (a release number).
bool IsSeparator(std::string_view t) {
  size_t marks = 0;
  bool only_marks = true;
  for (char c : t) {
    if (c == '#' || c == '*' || c == '_' || c == '-' || c == '=' || c == '~') {
      ++marks;
    } else if (c != ' ') {
      only_marks = false;
    }
  }
  if (only_marks) return marks >= 2 && t.find("--") != 0;  // "--" alone is a cut-off
  if (t[0] != '#') return false;
  return std::all_of(t.begin() + 1, t.end(),
                     [](char c) { return IsDigit(c) || c == '-' || c == '/'; });
}

bool StartsWithAny(std::string_view t, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (StartsWithIgnoreCase(t, prefix) &&
        (t.size() == prefix.size() || !IsAlpha(t[prefix.size()]))) {
      return true;
    }
  }
  return false;
}

// The release's header lines: where and when, the office that released it.
bool IsHeaderLine(std::string_view t) {
  if (t.size() <= 120 && !EndsWithSentenceMark(t) &&
      StartsWithAny(t, {"The White House", "Office of the Press Secretary",
                        "Office of the Vice President", "For Immediate Release",
                        "James S. Brady Press Briefing Room", "Brady Press Briefing Room",
                        "Aboard Air Force One", "Aboard AF1", "En Route", "Aboard Press Pool Bus",
                        "Aboard Press Bus", "Aboard the Press Bus", "Via Conference Call",
                        "Via Teleconference", "By Teleconference", "Returning From"})) {
    return true;
  }
  // Editorial lines above the transcript.
  return t.size() <= 400 &&
         StartsWithAny(t, {"See below for", "Please see below", "Resources that were mentioned"});
}

// "PRESS BRIEFING BY", "DEPUTY PRESS SECRETARY BILL BURTON", "GAP": a line
// with letters, none of them lower case, that is no sentence.
bool IsCapitalLine(std::string_view t) {
  size_t letters = 0;
  for (char c : t) {
    if (IsLower(c)) return false;
    if (IsUpper(c)) ++letters;
    if (c == ':') return false;
  }
  return letters >= 2 && t.size() <= 160 && !EndsWithSentenceMark(t);
}

// "February 2, 2009", "(April 17, 2009)", "Monday, February 2, 2009".
bool IsDateLine(std::string_view t) {
  if (t.size() > 40 || EndsWithSentenceMark(t) || !DateIn(t)) return false;
  return SplitWords(t).size() <= 5;
}

// Places a dateline names: "Vdara Hotel", "Las Vegas, Nevada", "Lions
// Park/Golden Community Center". Short, every word capitalised, no sentence.
bool IsPlaceLine(std::string_view t) {
  if (t.size() > 60 || t.empty() || EndsWithSentenceMark(t) || t.back() == ',' || t.back() == '-' ||
      !IsUpper(t[0])) {
    return false;
  }
  const std::vector<std::string_view> words = SplitWords(t);
  if (words.size() > 6) return false;
  static constexpr std::array<std::string_view, 7> kSmall = {"of", "the", "and", "at",
                                                             "de", "on",  "in"};
  for (std::string_view word : words) {
    if (std::find(kSmall.begin(), kSmall.end(), word) != kSmall.end()) continue;
    if (!IsUpper(word[0])) return false;
  }
  if (t.find(',') != std::string_view::npos) return words.size() >= 2;
  static constexpr std::array<std::string_view, 30> kPlaces = {
      "Hotel", "Resort", "Center", "Centre", "Room", "Hall", "School", "College", "University",
      "Park", "Base", "Airport", "Library", "Building", "Museum", "Arena", "Theater", "Theatre",
      "Auditorium", "Stadium", "Inn", "Lodge", "Plaza", "Convention",
      // Hotels a dateline names by brand alone ("Westin Lake Las Vegas").
      "Westin", "Hilton", "Hyatt", "Marriott", "Sheraton", "Waldorf"};
  for (std::string_view word : words) {
    for (std::string_view place : kPlaces) {
      if (word == place || (word.size() > place.size() && word.ends_with(place) &&
                            word[word.size() - place.size() - 1] == '/')) {
        return true;
      }
    }
  }
  return false;
}

// ---- Speakers -----------------------------------------------------------

// Length of the question mark-up at the start of `t`: a bare "Q" before a
// space or the end ("Q    Thanks, Robert."), "Q*" (a question answered
// after the briefing), "Q:"; and a "Q" the page glued to the question
// ("QThanks, Jay.", "Q-- of your own party.", "QI know"). 0 if none.
size_t QuestionLabelLength(std::string_view t) {
  if (t.empty() || t[0] != 'Q') return 0;
  size_t end = 1;
  if (end < t.size() && t[end] == '*') ++end;
  if (end < t.size() && t[end] == ':') ++end;
  if (end == t.size() || t[end] == ' ') return end;
  if (end > 1) return 0;
  const std::string_view rest = t.substr(1);
  if (rest.starts_with("--") || rest.starts_with("\"") || rest.starts_with("\xE2\x80\x9C")) {
    return 1;  // "Q-- of your own party.", "Q\"Plan B\" ..."
  }
  if (rest.size() >= 2 && IsUpper(rest[0])) {
    const char next = rest[1];
    if (IsLower(next) || next == '\'' || rest.substr(1).starts_with("\xE2\x80\x99")) return 1;
    if (next == ' ' && (rest[0] == 'I' || rest[0] == 'A')) return 1;  // "QI know", "QA process"
  }
  return 0;
}

bool IsOneOf(const std::string& lower, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), lower) != options.end();
}

// A speaker label as the transcripts print it: upper case ("MR. CARNEY",
// "SECRETARY CLINTON", "MR. McDONOUGH"), an honorific possibly in mixed
// case ("Mr. CARNEY"); no digits, a few words.
bool IsSpeakerLabel(std::string_view label) {
  if (label.size() < 2 || label.size() > 60) return false;
  std::string_view rest = label;
  for (std::string_view honorific : {"Mr. ", "Ms. ", "Mrs. ", "Dr. "}) {
    if (rest.starts_with(honorific)) rest.remove_prefix(honorific.size());
  }
  size_t letters = 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (IsUpper(c)) {
      ++letters;
    } else if (c == 'c' && i > 0 && rest[i - 1] == 'M' && (i == 1 || rest[i - 2] == ' ')) {
      ++letters;  // "McDONOUGH"
    } else if (c == ' ' || c == '.' || c == '-' || c == '\'' || c == ',' || c == '&') {
      continue;
    } else if (static_cast<unsigned char>(c) >= 0x80 && rest.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;  // ’
    } else {
      return false;
    }
  }
  return letters >= 2 && SplitWords(label).size() <= 8 && label.back() != ',';
}

}  // namespace

std::string WhiteHouseTitleCase(std::string_view label) {
  static constexpr std::array<std::string_view, 9> kSmall = {"of", "the", "and", "for", "on",
                                                             "to", "at",  "de",  "in"};
  std::string out;
  bool first = true;
  for (std::string_view word : SplitWords(label)) {
    if (!out.empty()) out.push_back(' ');
    std::string lower = AsciiLower(word);
    const bool initials = word.size() >= 3 && word.find('.') != std::string_view::npos &&
                          word.find('.') < word.size() - 1;  // "U.S."
    if (initials) {
      out += word;
    } else if (!first && std::find(kSmall.begin(), kSmall.end(), lower) != kSmall.end()) {
      out += lower;
    } else {
      bool start = true;
      for (size_t i = 0; i < lower.size(); ++i) {
        char c = lower[i];
        out.push_back(start ? ToUpper(c) : c);
        start = c == '-' || (i == 1 && lower.compare(0, 2, "mc") == 0 && lower.size() > 3) ||
                (i == 1 && lower.compare(0, 2, "o'") == 0);
      }
    }
    first = false;
  }
  return out;
}

std::optional<TitleFacts> WhiteHouseProfile::ReadTitle(std::string_view raw) const {
  const std::string collapsed = CollapseWhitespace(raw);
  std::string title = WithoutSiteName(collapsed);
  const std::string lower = AsciiLower(title);
  if (lower.find("spokesperson") != std::string::npos ||
      lower.find("foreign ministry") != std::string::npos ||
      lower.find("regular press conference") != std::string::npos) {
    return std::nullopt;
  }
  const bool briefing = HasWord(lower, "briefing") || HasWord(lower, "gaggle") ||
                        HasWord(lower, "press conference") || HasWord(lower, "news conference");
  if (!briefing) return std::nullopt;
  TitleFacts facts;
  facts.date = FindUsNumericDate(title);
  if (!facts.date) facts.date = FindEnglishDate(title);
  facts.spokespersons = NamesInTitle(title);
  // The White House's own: its site, its press office, its plane, or the
  // American month-first date its titles carry.
  const std::string raw_lower = AsciiLower(collapsed);
  const bool white_house = raw_lower.find("whitehouse.gov") != std::string::npos ||
                           lower.find("white house") != std::string::npos ||
                           lower.find("press secretary") != std::string::npos ||
                           lower.find("air force one") != std::string::npos ||
                           HasWord(lower, "af1") ||
                           lower.find("the president") != std::string::npos ||
                           lower.find("administration official") != std::string::npos ||
                           !facts.spokespersons.empty() || FindUsNumericDate(title).has_value();
  if (!white_house) return std::nullopt;
  // "Press Briefings", "The Briefing Room": listing pages name no one and no day.
  const bool specific =
      facts.date || !facts.spokespersons.empty() || lower.find(" by ") != std::string::npos ||
      lower.find(" with ") != std::string::npos || lower.find(" on ") != std::string::npos ||
      lower.find(" aboard ") != std::string::npos;
  if (!specific) return std::nullopt;
  facts.kind = KindOf(lower);
  facts.title = std::move(title);
  return facts;
}

std::optional<Label> WhiteHouseProfile::ReadLabel(const Paragraph& p, Syntax /*syntax*/,
                                                  const TitleFacts& facts) const {
  const std::string_view text = TrimAsciiSpace(p.text);
  if (text.empty()) return std::nullopt;

  const size_t offset = text.data() - p.text.data();
  const Label note{Role::kNote, std::nullopt, std::nullopt, false, "", 0};
  if (IsBracketedNote(text) || IsTimeStampOrEnd(text) || IsSeparator(text)) return note;

  // "1:40 P.M. EST MR. GIBBS: Good afternoon.", "CORRECTED: Q Jay, ...": the
  // time stamp or the correction mark stays in the label.
  size_t label_from = TimeStampLength(text);
  if (label_from == 0 && text.starts_with("CORRECTED: ")) label_from = 10;
  if (label_from > 0) ++label_from;
  if (label_from >= text.size()) label_from = 0;
  const std::string_view labelled = text.substr(label_from);

  if (size_t q_end = QuestionLabelLength(labelled); q_end > 0) {
    Label q;
    q.role = Role::kQuestion;
    q.text = std::string(text.substr(0, label_from + q_end));
    if (q.text.back() == ':') q.text.pop_back();
    size_t body = label_from + q_end;
    while (body < text.size() && text[body] == ' ') ++body;
    q.body_start = offset + body;
    return q;
  }

  // Editorial lines: "*The President was briefed on this ..." (an answer
  // given after the briefing), "Click HERE for details ...".
  if (text[0] == '*' || StartsWithAny(text, {"Click here"})) return note;

  std::optional<LabelSplit> split = SplitLabel(labelled, 64);
  if (split) {
    const std::string label(split->label);
    const std::string lower = AsciiLower(label);
    Label out;
    out.text = std::string(text.substr(0, label_from)) + label;
    out.body_start = offset + label_from + split->body_start;
    if (label_from == 0 &&
        (lower.starts_with("note") || lower.starts_with("*note") ||
         IsOneOf(lower, {"corrected", "correction", "addendum", "update", "editor's note"}))) {
      return note;  // an editor's note, kept whole
    }
    if (IsOneOf(lower, {"q", "question", "reporter", "the press", "press", "press corps",
                        "audience", "audience member", "participant"})) {
      out.role = Role::kQuestion;
      return out;
    }
    if (IsSpeakerLabel(label)) {
      out.role = IsOneOf(lower, {"operator", "moderator"}) ? Role::kStatement : Role::kAnswer;
      const std::vector<std::string_view> words = SplitWords(label);
      std::string_view surname = words.back();
      while (!surname.empty() && (surname.back() == '.' || surname.back() == ',')) {
        surname.remove_suffix(1);
      }
      for (const std::string& name : facts.spokespersons) {
        if (AsciiLower(Surname(name)) == AsciiLower(surname)) out.speaker = name;
      }
      if (!out.speaker && words.size() >= 2) {
        if (std::string known = PressOfficeBySurname(surname); !known.empty()) {
          out.speaker = known;
        }
      }
      if (!out.speaker) out.speaker = WhiteHouseTitleCase(label);
      return out;
    }
  }

  if (IsHeaderLine(text) || IsCapitalLine(text) || IsDateLine(text) || IsPlaceLine(text)) {
    return note;
  }
  // The title repeated above the transcript.
  if (text.size() <= 250 && !EndsWithSentenceMark(text) && ReadTitle(text)) return note;
  return std::nullopt;
}

std::optional<std::string> WhiteHouseProfile::ReadBodyDate(const Document& doc) const {
  const TitleFacts none;
  const size_t limit = std::min<size_t>(doc.paragraphs.size(), 20);
  for (size_t i = 0; i < limit; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    std::optional<Label> label = ReadLabel(p, doc.syntax, none);
    if (label && label->role != Role::kNote) break;  // the transcript has begun
    if (p.text.size() > 80) continue;
    if (std::optional<std::string> date = DateIn(p.text)) return date;
  }
  return std::nullopt;
}

}  // namespace lectern
