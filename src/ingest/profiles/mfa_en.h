// The Chinese Ministry of Foreign Affairs' English transcripts (fmprc.gov.cn,
// mfa.gov.cn): "Foreign Ministry Spokesperson Geng Shuang's Regular Press
// Conference on June 11, 2018", "... Hua Chunying's Remarks on ...".
//
// Labels: "Q:", "A:", "Follow-up:", "Journalist:" (and "Journalist
// clarifies:"), a spokesperson's name, an outlet ("Bloomberg News:"); in
// HTML an unknown capitalised label is taken as an outlet only when bold.
// A paragraph that reports a question asked after the conference ("After
// the press conference, the following question was raised: ...") is a
// question with its wording kept.
#pragma once

#include "ingest/profile.h"

namespace lectern {

class MfaEnglishProfile final : public Profile {
 public:
  std::string_view name() const override { return "mfa-en"; }
  std::string_view institution() const override { return "mfa-china"; }
  std::string_view language() const override { return "en"; }
  std::optional<TitleFacts> ReadTitle(std::string_view title) const override;
  std::optional<Label> ReadLabel(const Paragraph& paragraph, Syntax syntax,
                                 const TitleFacts& facts) const override;
};

}  // namespace lectern
