// The White House's press briefings and gaggles (whitehouse.gov, 2009-2012):
// "Press Briefing by Press Secretary Jay Carney, 6/22/2011", "Press Briefing
// 1/22/09", "Press Gaggle by Press Secretary Jay Carney Aboard Air Force One,
// ...", "Briefing by White House Press Secretary Robert Gibbs, ...".
//
// Labels: an upper-case name and a colon ("MR. CARNEY:", "SECRETARY
// CLINTON:", "THE PRESIDENT:") is an answer; a bare "Q" (no colon) a
// question, anonymous. Notes (role kNote, nothing consumed): a paragraph
// that is only a parenthesised or bracketed note ("(Laughter.)",
// "[Inaudible]"), a time stamp ("1:40 P.M. EST"), "END" with or without a
// time, separators ("###", "* * *") and the release's header lines ("THE
// WHITE HOUSE", "Office of the Press Secretary", "James S. Brady Press
// Briefing Room", "Aboard Air Force One", the title repeated, a dateline).
//
// Speakers: the press secretary's label is the full name the title gives
// ("MR. CARNEY" -> "Jay Carney"), or that a known member of the press office
// has; every other label is kept in title case ("Secretary Clinton").
#pragma once

#include "ingest/profile.h"

namespace lectern {

class WhiteHouseProfile final : public Profile {
 public:
  std::string_view name() const override { return "whitehouse-en"; }
  std::string_view institution() const override { return "white-house"; }
  std::string_view language() const override { return "en"; }
  std::optional<TitleFacts> ReadTitle(std::string_view title) const override;
  std::optional<Label> ReadLabel(const Paragraph& paragraph, Syntax syntax,
                                 const TitleFacts& facts) const override;
  std::optional<std::string> ReadBodyDate(const Document& document) const override;
};

// "MR. McDONOUGH" -> "Mr. McDonough", "THE VICE PRESIDENT" -> "The Vice
// President", "SHERWOOD-RANDALL" -> "Sherwood-Randall". Exposed for tests.
std::string WhiteHouseTitleCase(std::string_view label);

}  // namespace lectern
