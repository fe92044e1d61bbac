// Two-column terminal layout for side-by-side text in any script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

// Columns a code point takes on a terminal: 2 for East Asian wide
// characters, 1 otherwise.
int DisplayWidth(char32_t cp);

// `text` broken into lines of at most `width` columns: at spaces where
// there are any, anywhere between wide characters; '\n' always breaks.
std::vector<std::string> WrapToWidth(std::string_view text, int width);

// Lines of `left` and `right` side by side, each padded to `width`.
std::string SideBySide(const std::vector<std::string>& left, const std::vector<std::string>& right,
                       int width, std::string_view gutter = " │ ");

}  // namespace lectern
