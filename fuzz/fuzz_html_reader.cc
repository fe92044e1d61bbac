// Fuzzes the HTML path: bytes -> ParseBytes("mfa-en-html"), which decodes the
// charset, reads the page with the gumbo-based reader and runs the grammar.
#include "fuzz/reader_target.h"
#include "ingest/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return lectern::fuzz::RunReaderTarget(
      data, size, "mfa-en-html", lectern::Syntax::kHtml,
      [](std::string_view utf8) { return lectern::ReadHtml(utf8); });
}
