// The Chinese Ministry of Foreign Affairs' Chinese transcripts, both the old
// fmprc.gov.cn template and the mfa.gov.cn template of 2021 on:
// "2020年9月7日外交部发言人赵立坚主持例行记者会", "外交部发言人华春莹就…答记者问".
//
// Labels (full-width or ASCII colon): "问：", "答：", "追问：", "记者：",
// "<outlet>记者：" ("路透社记者", "《环球时报》记者", "日本共同社记者"), a
// spokesperson's name ("汪文斌："), "外交部发言人X宣布：". "会后有记者问及：…"
// is a question with its wording kept. Outlets resolve through the shared
// alias table, spokespersons through the shared table of names, so that
// 路透社 is Reuters and 汪文斌 is Wang Wenbin in both languages.
#pragma once

#include "ingest/profile.h"

namespace lectern {

class MfaChineseProfile final : public Profile {
 public:
  std::string_view name() const override { return "mfa-zh"; }
  std::string_view institution() const override { return "mfa-china"; }
  std::string_view language() const override { return "zh"; }
  std::optional<TitleFacts> ReadTitle(std::string_view title) const override;
  std::optional<Label> ReadLabel(const Paragraph& paragraph, Syntax syntax,
                                 const TitleFacts& facts) const override;
};

}  // namespace lectern
