// The model: one briefing as lectern understands it.
//
// A Briefing is what every reader produces and every later layer (index,
// analysis, server) consumes. Its JSON form is what `lectern parse --json`
// prints; see briefing_json.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// kNote is a transcriber's note, not speech: a stage direction such as
// "(Laughter.)", a time stamp, "END".
enum class Role { kQuestion, kAnswer, kStatement, kNote };

std::string_view RoleName(Role role);  // "question", "answer", "statement", "note"
std::optional<Role> RoleFromName(std::string_view name);

// One person speaking without interruption. `text` holds the turn's
// paragraphs joined by '\n', whitespace normalised, typography as published.
struct Turn {
  std::optional<std::string> speaker;  // "Geng Shuang"; null when the page names nobody
  Role role = Role::kStatement;
  std::optional<std::string> outlet;  // canonical outlet of a question; null if anonymous
  bool follow_up = false;             // the question was marked as a follow-up
  std::string text;
  // The label as printed at the start of the turn ("Q", "Bloomberg News",
  // "Geng Shuang"), or empty when the turn was recognised without one. Kept
  // so that nothing of the input is lost; not part of the JSON contract.
  std::string label;

  bool operator==(const Turn&) const = default;
};

// A question (one or more question turns) with the answer turns that follow it.
// Indexes point into Briefing::turns.
struct Exchange {
  std::vector<int> question;
  std::vector<int> answer;

  bool operator==(const Exchange&) const = default;
};

struct Briefing {
  std::string id;                   // stable across re-parses of the same page
  std::string institution;          // "mfa-china"
  std::string language;             // BCP 47 primary tag: "en", "zh"
  std::optional<std::string> date;  // YYYY-MM-DD; null when the page carries none
  std::string title;
  std::string kind;  // "regular-press-conference", "remarks", ...
  std::vector<std::string> spokespersons;
  std::string source;  // path or URL the bytes came from
  std::vector<Turn> turns;
  std::vector<Exchange> exchanges;

  bool operator==(const Briefing&) const = default;
};

}  // namespace lectern
