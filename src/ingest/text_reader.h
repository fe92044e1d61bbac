// The plain-text block reader: text as a reader copies it from a browser.
//
// Copied pages put one paragraph per line, usually with blank lines between
// them; the first lines carry a breadcrumb ("Home Page > Spokesperson's
// Remarks") and the title. Every non-empty line becomes a paragraph, except
// in hard-wrapped text (short lines grouped into blank-line separated
// blocks), where the lines of a block are joined into one paragraph.
#pragma once

#include <string_view>

#include "ingest/document.h"

namespace lectern {

Document ReadText(std::string_view utf8);

}  // namespace lectern
