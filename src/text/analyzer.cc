#include "text/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/utext.h>

#include "base/utf8.h"

namespace lectern {

namespace {

bool IsContraction(std::string_view term) {
  static constexpr std::string_view kContractions[] = {
      "it's",  "that's", "what's",  "there's", "here's", "he's",  "she's",
      "let's", "who's",  "where's", "how's",   "when's", "why's", "this's"};
  for (std::string_view c : kContractions) {
    if (term == c) return true;
  }
  return false;
}

}  // namespace

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
    // English possessive: "china's" -> "china"; "'s" alone stays, and so do
    // contractions of "is"/"us" ("what's" is not a form of "what").
    if (out->size() > 2 && out->compare(out->size() - 2, 2, "'s") == 0 && !IsContraction(*out)) {
      out->resize(out->size() - 2);
    }
  }
};

namespace {

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

// Ideographs in `term`, each as a byte range; empty unless every code
// point of the term is an ideograph.
std::vector<std::pair<uint32_t, uint32_t>> Ideographs(std::string_view term) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  size_t i = 0;
  while (i < term.size()) {
    size_t start = i;
    if (!IsIdeograph(NextCodePoint(term, &i))) return {};
    out.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(i));
  }
  return out;
}

}  // namespace

std::string CharacterTerm(std::string_view character) {
  std::string term = "\x01";
  term += character;
  return term;
}

bool IsCharacterTerm(std::string_view term) { return !term.empty() && term[0] == '\x01'; }

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
    token.position = position;
    if (it.getRuleStatus() >= UBRK_WORD_IDEO) {
      const size_t characters = Ideographs(token.term).size();
      token.span = characters > 0 ? static_cast<uint32_t>(characters) : 1;
    }
    position += token.span;
    token.begin = static_cast<uint32_t>(start);
    token.end = static_cast<uint32_t>(end);
    tokens->push_back(std::move(token));
  }
  utext_close(ut);
}

void Analyzer::AnalyzeForIndex(std::string_view text, std::vector<Token>* tokens) {
  Analyze(text, tokens);
  bool any = false;
  for (const Token& t : *tokens) any = any || t.span > 1 || !Ideographs(t.term).empty();
  if (!any) return;
  std::vector<Token> out;
  out.reserve(tokens->size() * 2);
  for (Token& word : *tokens) {
    std::vector<std::pair<uint32_t, uint32_t>> chars = Ideographs(word.term);
    out.push_back(word);
    // Byte offsets of the characters in the text: NFKC keeps ideographs one
    // for one, so the text's characters line up with the term's.
    std::vector<std::pair<uint32_t, uint32_t>> in_text =
        Ideographs(text.substr(word.begin, word.end - word.begin));
    for (size_t k = 0; k < chars.size(); ++k) {
      Token c;
      c.term = CharacterTerm(
          std::string_view(word.term).substr(chars[k].first, chars[k].second - chars[k].first));
      c.position = word.position + static_cast<uint32_t>(k);
      const bool aligned = in_text.size() == chars.size();
      c.begin = aligned ? word.begin + in_text[k].first : word.begin;
      c.end = aligned ? word.begin + in_text[k].second : word.end;
      out.push_back(std::move(c));
    }
  }
  *tokens = std::move(out);
}

void Analyzer::AnalyzeForQuery(std::string_view text, std::vector<Token>* tokens) {
  AnalyzeForIndex(text, tokens);
  // Keep the character tokens of ideographic words and drop the words themselves.
  std::vector<Token> out;
  for (size_t i = 0; i < tokens->size(); ++i) {
    const Token& t = (*tokens)[i];
    const bool expanded = i + 1 < tokens->size() && IsCharacterTerm((*tokens)[i + 1].term) &&
                          (*tokens)[i + 1].position == t.position && !IsCharacterTerm(t.term);
    if (!expanded) out.push_back(t);
  }
  *tokens = std::move(out);
}

}  // namespace lectern
