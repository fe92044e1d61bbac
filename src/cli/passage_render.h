// Terminal renderings shared by `talking-points` and `trace`: a use in its
// sentence, and a use's one-line facts.
#pragma once

#include <string>

#include "analysis/passage_text.h"
#include "analysis/talking_points.h"

namespace lectern {

// The context with the use highlighted (bold yellow, or [brackets] without
// colour), words the reference lacks marked (red, or {+word+}), and the
// reference's words the use lacks listed after it (-word-).
std::string RenderUseInContext(const UseInContext& use, bool color);

// "2019-03-04  Geng Shuang  answer  mfa-china-en-2019-03-04 #12"
std::string RenderUse(const TalkingPointUse& use);

}  // namespace lectern
