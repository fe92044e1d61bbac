// Terminal renderings of the model, shared by every command that prints a
// briefing (parse, show).
#pragma once

#include <string>

#include "model/briefing.h"

namespace lectern {

struct RenderStyle {
  bool color = false;  // ANSI bold and colours
};

// Date and title, a line of facts, then each turn as "Q [Reuters]" /
// "A [Wang Wenbin]" / "S [Wang Wenbin]" with its paragraphs indented.
std::string RenderBriefing(const Briefing& briefing, const RenderStyle& style);

// Whether stdout is a terminal that wants colour (NO_COLOR unset).
bool StdoutWantsColor();

}  // namespace lectern
