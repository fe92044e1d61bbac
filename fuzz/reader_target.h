// The body shared by the two reader targets: the bytes go through ParseBytes
// with a forced format (decode, block reader, transcript grammar), and, on
// the side, through the same steps one at a time so that the reader's
// Document can be checked too and the two paths must agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/invariants.h"
#include "ingest/decode.h"
#include "ingest/parse.h"
#include "ingest/profiles/registry.h"

namespace lectern::fuzz {

template <typename Reader>
int RunReaderTarget(const uint8_t* data, size_t size, const char* format, Syntax syntax,
                    Reader read) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string source = "fuzz-input";
  ParseOptions options;
  options.format = format;
  Result<Briefing> parsed = ParseBytes(bytes, source, options);
  CheckParseResult(parsed, source);

  Result<DecodedText> decoded = DecodeToUtf8(bytes);
  if (!decoded.ok()) {
    FUZZ_CHECK(!parsed.ok());
    return 0;
  }
  FUZZ_CHECK(IsValidText(decoded->utf8));
  const Document document = read(decoded->utf8);
  CheckDocument(document, syntax);
  const Profile* profile = FindProfile("mfa-en");
  FUZZ_CHECK(profile != nullptr);
  Result<Briefing> built = BuildBriefing(*profile, document, source);
  FUZZ_CHECK(built.ok() == parsed.ok());
  if (built.ok()) FUZZ_CHECK(*built == *parsed);
  return 0;
}

}  // namespace lectern::fuzz
