// JSON in and out for the model.
//
// ToJson emits exactly the public contract of `lectern parse --json`:
// id, institution, language, date, title, kind, spokespersons, source,
// turns [{speaker, role, outlet, follow_up, text}], exchanges [{question, answer}].
// FromJson accepts that form back (an unknown key is ignored, a missing or
// mistyped one is an error naming it).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "model/briefing.h"

namespace lectern {

// One line of JSON, no trailing newline.
std::string ToJsonLine(const Briefing& briefing);

Result<Briefing> BriefingFromJson(std::string_view json);

}  // namespace lectern
