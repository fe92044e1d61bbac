// Fuzzes the plain-text path: bytes -> ParseBytes("mfa-en-text"), which
// decodes the charset, reads the lines with the text reader and runs the grammar.
#include "fuzz/reader_target.h"
#include "ingest/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return lectern::fuzz::RunReaderTarget(
      data, size, "mfa-en-text", lectern::Syntax::kText,
      [](std::string_view utf8) { return lectern::ReadText(utf8); });
}
