// A short English stopword list (function words), for the analyses'
// optional stopword filter. Analyses keep every word by default: what a
// spokesperson does with "we" and "the" can matter.
#pragma once

#include <string_view>

namespace lectern {

// `term` as the analyzer normalises words (lower case).
bool IsStopword(std::string_view term);

}  // namespace lectern
