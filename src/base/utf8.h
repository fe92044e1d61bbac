// Small UTF-8 and whitespace helpers shared by the readers.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

// Decodes the code point starting at `text[*pos]` and advances `*pos` past it.
// Ill-formed bytes decode as U+FFFD, one byte at a time.
char32_t NextCodePoint(std::string_view text, size_t* pos);

void AppendUtf8(char32_t cp, std::string* out);

// Unicode white space as the readers treat it: ASCII space and controls,
// NO-BREAK SPACE, the U+2000 block spaces, IDEOGRAPHIC SPACE and friends.
bool IsSpace(char32_t cp);

// Code points that carry no text and are dropped: zero-width space and
// joiners' lookalikes, the byte order mark, soft hyphen.
bool IsInvisible(char32_t cp);

// Collapses every run of white space to one ASCII space, drops invisible
// code points and trims both ends. Typography (quotes, dashes) is untouched.
std::string CollapseWhitespace(std::string_view text);

std::string_view TrimAsciiSpace(std::string_view text);

// At most `max_bytes` of `text`, cut at a code point boundary, with "..."
// appended when anything was cut.
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

// ASCII-only lower casing; other bytes are copied.
std::string AsciiLower(std::string_view text);

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

}  // namespace lectern
