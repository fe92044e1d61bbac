#include "text/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>

namespace lectern {

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  bool ok = false;
  icu::UnicodeString scratch_in, scratch_out;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    ok = U_SUCCESS(status) && words != nullptr && nfkc_casefold != nullptr;
  }

  // Appends the normalised form of `word` to `out`.
  void Normalize(std::string_view word, std::string* out) {
    out->clear();
    bool ascii = true;
    for (char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      out->reserve(word.size());
      for (char c : word) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      scratch_in = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
      scratch_out.remove();
      nfkc_casefold->normalize(scratch_in, scratch_out, status);
      if (U_FAILURE(status)) scratch_out = scratch_in;
      scratch_out.toUTF8String(*out);
      // Typographic apostrophes (’ and ʼ) read as the ASCII one.
      size_t at;
      while ((at = out->find("\xE2\x80\x99")) != std::string::npos) out->replace(at, 3, "'");
      while ((at = out->find("\xCA\xBC")) != std::string::npos) out->replace(at, 2, "'");
    }
    // English possessive: "china's" -> "china"; "'s" alone stays.
    if (out->size() > 2 && out->compare(out->size() - 2, 2, "'s") == 0) out->resize(out->size() - 2);
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string Analyzer::NormalizeWord(std::string_view word) {
  std::string out;
  impl_->Normalize(word, &out);
  return out;
}

void Analyzer::Analyze(std::string_view text, std::vector<Token>* tokens) {
  tokens->clear();
  if (!impl_->ok || text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator& it = *impl_->words;
  it.setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return;
  }
  uint32_t position = 0;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    if (it.getRuleStatus() < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    Token token;
    impl_->Normalize(text.substr(start, end - start), &token.term);
    if (token.term.empty()) continue;
    token.position = position++;
    token.begin = static_cast<uint32_t>(start);
    token.end = static_cast<uint32_t>(end);
    tokens->push_back(std::move(token));
  }
  utext_close(ut);
}

}  // namespace lectern
