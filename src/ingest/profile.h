// Profile: the grammar of one institution's transcripts in one language.
//
// A profile knows what its titles and speaker labels look like; it knows
// nothing of markup (see document.h) and nothing of how turns are grouped
// (see transcript.h, shared by every profile). Adding a source means one new
// profile in profiles/, registered in profiles/registry.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "model/briefing.h"

namespace lectern {

// What a briefing's title says about it.
struct TitleFacts {
  std::string title;                // the title as it should be stored (site suffixes removed)
  std::optional<std::string> date;  // YYYY-MM-DD
  std::vector<std::string> spokespersons;
  std::string kind;  // "regular-press-conference", "remarks", ...
};

// A speaker label found at the start of a paragraph.
struct Label {
  Role role = Role::kQuestion;
  std::optional<std::string> speaker;  // unset: the grammar infers it (the sole spokesperson)
  std::optional<std::string> outlet;   // canonical name, for questions
  bool follow_up = false;
  std::string text;       // the label as printed ("Bloomberg News"); "" when nothing is consumed
  size_t body_start = 0;  // byte offset in the paragraph where the turn's own words begin
};

class Profile {
 public:
  virtual ~Profile() = default;

  virtual std::string_view name() const = 0;         // "mfa-en"
  virtual std::string_view institution() const = 0;  // "mfa-china"
  virtual std::string_view language() const = 0;     // "en"

  // Recognises one of this profile's briefing titles; nullopt for any other
  // title (a listing page's, an error page's, another institution's).
  virtual std::optional<TitleFacts> ReadTitle(std::string_view title) const = 0;

  // The speaker label that opens `paragraph`, if any. `syntax` says whether
  // bold information is available.
  virtual std::optional<Label> ReadLabel(const Paragraph& paragraph, Syntax syntax,
                                         const TitleFacts& facts) const = 0;

  // The date the body states (a dateline among the header lines), for a
  // briefing whose title has none. By default the body is not consulted.
  virtual std::optional<std::string> ReadBodyDate(const Document& /*document*/) const {
    return std::nullopt;
  }
};

// A label candidate: the text before the first colon (':' or '：') found
// within `max_bytes` of the start, and where the text after it begins.
struct LabelSplit {
  std::string_view label;  // trimmed
  size_t body_start = 0;   // after the colon and any following space
};
std::optional<LabelSplit> SplitLabel(std::string_view text, size_t max_bytes);

}  // namespace lectern
