#include "analysis/turn_text.h"

#include <cctype>

#include "analysis/passage_tokens.h"

namespace lectern {

TurnTexts::TurnTexts(const Index& index, const TokenCorpus& corpus)
    : index_(index), corpus_(corpus), readers_(index.segments().size()) {}

TurnTexts::~TurnTexts() = default;

Result<std::string_view> TurnTexts::Text(uint32_t turn) {
  const CorpusTurn& ct = corpus_.turns[turn];
  const CorpusBriefing& cb = corpus_.briefings[ct.briefing];
  const Segment& segment = *index_.segments()[cb.segment].segment;
  std::unique_ptr<StoreReader>& reader = readers_[cb.segment];
  // Turns of many briefings are read once each: their store pages are given
  // back as the reader goes (the analysis's memory should not include them).
  if (!reader) reader = std::make_unique<StoreReader>(segment, /*release_pages=*/true);
  std::string_view text;
  Status read = reader->Read(segment.briefing(cb.ordinal).first_turn + ct.turn, &text);
  if (!read.ok()) return read;
  return text;
}

Result<TurnTexts::Shape> TurnTexts::TokenShape(uint32_t turn) {
  Result<std::string_view> text = Text(turn);
  if (!text.ok()) return text.status();
  PassageTokens(analyzer_, *text, &tokens_);
  Shape out;
  out.capitalized.reserve(tokens_.size());
  out.sentence_start.reserve(tokens_.size());
  out.hyphen_before.reserve(tokens_.size());
  size_t previous_end = 0;
  for (const Token& t : tokens_) {
    const char first = (*text)[t.begin];
    out.capitalized.push_back(first >= 'A' && first <= 'Z');
    // A break needs the mark followed by something other than a letter or
    // digit ("U.S." inside a word is not one), a full-width mark, or a new
    // line (paragraphs of one turn are joined by line breaks).
    const std::string_view gap = text->substr(previous_end, t.begin - previous_end);
    bool start = gap.find('\n') != std::string_view::npos;
    for (size_t i = 0; i < gap.size() && !start; ++i) {
      const char c = gap[i];
      if (c == '.' || c == '?' || c == '!' || c == ';' || c == ':') {
        start = i + 1 == gap.size() || !std::isalnum(static_cast<unsigned char>(gap[i + 1]));
      }
    }
    for (std::string_view mark :
         {"\xe3\x80\x82", "\xef\xbc\x9f", "\xef\xbc\x81", "\xef\xbc\x9b", "\xef\xbc\x9a"}) {
      start = start || gap.find(mark) != std::string_view::npos;
    }
    out.sentence_start.push_back(start && previous_end > 0);
    out.hyphen_before.push_back(
        previous_end > 0 &&
        (gap == "-" || gap == "\xe2\x80\x90" || gap == "\xe2\x80\x91" || gap == "\xe2\x80\x93"));
    previous_end = t.end;
  }
  return out;
}

}  // namespace lectern
