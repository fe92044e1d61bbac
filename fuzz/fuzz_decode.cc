// Fuzzes charset decoding (DecodeToUtf8, DeclaredCharset) and the UTF-8
// helpers every reader relies on (IsValidUtf8, NextCodePoint,
// CollapseWhitespace), on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/invariants.h"
#include "ingest/decode.h"

namespace lectern::fuzz {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsLowerCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The code point of the well-formed sequence at s[i] and its length, or
// length 0 when the bytes there are ill-formed.
char32_t ReferenceDecode(std::string_view s, size_t i, size_t* len) {
  for (size_t n = 1; n <= 4 && i + n <= s.size(); ++n) {
    if (ReferenceValidUtf8(s.substr(i, n))) {
      *len = n;
      size_t pos = i;
      return NextCodePoint(s, &pos);  // only the value; the length is checked by the caller
    }
  }
  *len = 0;
  return 0xFFFD;
}

void CheckUtf8Helpers(std::string_view bytes) {
  FUZZ_CHECK(IsValidUtf8(bytes) == ReferenceValidUtf8(bytes));
  // "Ill-formed bytes decode as U+FFFD, one byte at a time."
  size_t i = 0;
  while (i < bytes.size()) {
    size_t len = 0;
    ReferenceDecode(bytes, i, &len);
    size_t pos = i;
    const char32_t cp = NextCodePoint(bytes, &pos);
    if (len == 0) {
      FUZZ_CHECK(cp == 0xFFFD && pos == i + 1);
    } else {
      FUZZ_CHECK(pos == i + len);
      std::string encoded;
      AppendUtf8(cp, &encoded);
      FUZZ_CHECK(encoded == bytes.substr(i, len));
    }
    i = pos;
  }
  const std::string collapsed = CollapseWhitespace(bytes);
  CheckNormalized(collapsed);
  FUZZ_CHECK(CollapseWhitespace(collapsed) == collapsed);
}

void CheckDecode(std::string_view bytes) {
  const std::string declared = DeclaredCharset(bytes);
  for (char c : declared) FUZZ_CHECK(IsLowerCharsetChar(c));

  Result<DecodedText> decoded = DecodeToUtf8(bytes);
  if (!decoded.ok()) {
    // ParseBytes passes decoding errors on, and promises kNotABriefing for
    // every input it cannot read.
    FUZZ_CHECK(decoded.status().code() == Status::Code::kNotABriefing);
    FUZZ_CHECK(!decoded.status().message().empty());
    return;
  }
  const std::string& text = decoded->utf8;
  FUZZ_CHECK(IsValidText(text));
  FUZZ_CHECK(!decoded->charset.empty());
  // Empty and binary input is refused, whatever its charset. (Binary is
  // sniffed: only a NUL in the first 8 KiB makes a page binary.)
  FUZZ_CHECK(!TrimAsciiSpace(text).empty());
  FUZZ_CHECK(std::string_view(text).substr(0, 8192).find('\0') == std::string_view::npos);
  // A byte order mark decides the charset before anything else.
  const std::string charset = AsciiLower(decoded->charset);
  if (StartsWith(bytes, "\xEF\xBB\xBF")) FUZZ_CHECK(charset == "utf-8");
  if (StartsWith(bytes, "\xFF\xFE")) FUZZ_CHECK(charset == "utf-16le");
  if (StartsWith(bytes, "\xFE\xFF")) FUZZ_CHECK(charset == "utf-16be");
  // Undeclared, well-formed UTF-8 is taken as it is.
  if (declared.empty() && IsValidUtf8(bytes) && !StartsWith(bytes, "\xEF\xBB\xBF") &&
      !StartsWith(bytes, "\xFF\xFE") && !StartsWith(bytes, "\xFE\xFF")) {
    FUZZ_CHECK(charset == "utf-8" && text == bytes);
  }
}

}  // namespace
}  // namespace lectern::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lectern::fuzz::CheckUtf8Helpers(bytes);
  lectern::fuzz::CheckDecode(bytes);
  return 0;
}
