// JSON of talking points and traces: the one serialisation that the CLI's
// --json prints and the server's /api/talking-points returns.
#pragma once

#include <string>
#include <vector>

#include "analysis/passage_text.h"
#include "analysis/talking_points.h"
#include "analysis/trace.h"

namespace lectern {

// {"briefings","turns","tokens","points","boilerplate","options":{...},
//  "talking_points":[point...]} with each point as TalkingPointToJson
// (uses left out unless `with_uses`). One line, invalid UTF-8 replaced.
std::string TalkingPointsReportToJson(const TalkingPointsReport& report, bool with_uses = false);

// {"id","text","length","language","briefings","occurrences","variant_occurrences",
//  "variants","questions":{"briefings","occurrences","quoting_earlier_answers"},
//  "first_use":use,"last_use":use,"speakers":[{"name","uses"}],
//  "per_year":{"2019":n},"boilerplate":reason|null,
//  "source":{"briefing","turn","token_begin","token_end"},
//  "uses":[occurrence...] (when `with_uses`; with "context" when `contexts`
//  has one per use)}, where a use is {"briefing","date","speaker","role","turn"}
// and an occurrence adds "token_begin","token_end","similarity","verbatim",
// "quotes_earlier_answer" and, in context, {"context","highlight":[b,e],
// "differences":[[b,e]...],"missing":[word...]} (byte offsets in context).
std::string TalkingPointToJson(const TalkingPoint& point, bool with_uses,
                               const std::vector<UseInContext>& contexts = {});

// {"text","length","briefings_searched","briefings","verbatim","uses":[occurrence...]}
std::string TraceReportToJson(const TraceReport& report,
                              const std::vector<UseInContext>& contexts = {});

}  // namespace lectern
