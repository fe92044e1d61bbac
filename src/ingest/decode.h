// Decoding: the bytes of a page, in whatever charset it was published, to UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace lectern {

struct DecodedText {
  std::string utf8;     // the text, valid UTF-8, without a byte order mark
  std::string charset;  // the charset the bytes were read as ("UTF-8", "GB18030", ...)
};

// Decides the charset in the order a browser would: a byte order mark, then a
// charset declared in the first bytes (<meta charset>, http-equiv, <?xml
// encoding>), then well-formed UTF-8, then ICU's statistical detector.
// GB2312 and GBK are read as their superset GB18030, ISO-8859-1 as
// Windows-1252. A declaration that the bytes contradict (invalid UTF-8
// declared as UTF-8) is overruled by detection.
// Fails with kNotABriefing for empty or binary (NUL-bearing) input.
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

// The charset named in the first 4 KiB of an HTML/XML page, lower-cased, or "".
std::string DeclaredCharset(std::string_view bytes);

}  // namespace lectern
