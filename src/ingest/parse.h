// The ingest layer's front door: bytes or files to Briefings.
//
// A format names a block reader and a profile: "mfa-en-html" is the HTML
// reader with the mfa-en profile, "mfa-en-text" the plain-text reader with
// it. "auto" sniffs the syntax (markup or text) and tries every profile on
// the title.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/briefing.h"

namespace lectern {

struct ParseOptions {
  std::string format = "auto";
};

// The format names ParseOptions::format accepts, "auto" first.
std::vector<std::string> KnownFormats();

// Parses one page. `source` is recorded in the briefing and used in no
// other way. Errors: kInvalidArgument for an unknown format, kNotABriefing
// (with the reason) for anything that is not a briefing transcript.
Result<Briefing> ParseBytes(std::string_view bytes, const std::string& source,
                            const ParseOptions& options);

// Reads and parses the file at `path`; error messages start with the path.
Result<Briefing> ParseFile(const std::string& path, const ParseOptions& options);

}  // namespace lectern
