// Fuzzes the analyzer's fast path (text/word_scanner.h) against ICU alone:
// on any bytes, invalid UTF-8 included, Analyze and AnalyzeForIndex must
// give the same tokens (terms, positions, spans, byte offsets) with the fast
// path as without it, and every token must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "\ninvariant violated: %s\n", what);
    __builtin_trap();
  }
}

bool Same(const std::vector<lectern::Token>& a, const std::vector<lectern::Token>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].term != b[i].term || a[i].position != b[i].position || a[i].span != b[i].span ||
        a[i].begin != b[i].begin || a[i].end != b[i].end) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static lectern::Analyzer fast(true), icu(false);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<lectern::Token> a, b;
  fast.Analyze(text, &a);
  icu.Analyze(text, &b);
  Check(Same(a, b), "Analyze: fast path == ICU");
  for (const lectern::Token& t : a) Check(t.begin < t.end && t.end <= size, "token in the text");
  fast.AnalyzeForIndex(text, &a);
  icu.AnalyzeForIndex(text, &b);
  Check(Same(a, b), "AnalyzeForIndex: fast path == ICU");
  return 0;
}
