#include "analysis/turn_text.h"

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
  if (!reader) reader = std::make_unique<StoreReader>(segment);
  std::string_view text;
  Status read = reader->Read(segment.briefing(cb.ordinal).first_turn + ct.turn, &text);
  if (!read.ok()) return read;
  return text;
}

Result<std::vector<bool>> TurnTexts::Capitalized(uint32_t turn) {
  Result<std::string_view> text = Text(turn);
  if (!text.ok()) return text.status();
  PassageTokens(analyzer_, *text, &tokens_);
  std::vector<bool> out;
  out.reserve(tokens_.size());
  for (const Token& t : tokens_) {
    const char first = (*text)[t.begin];
    out.push_back(first >= 'A' && first <= 'Z');
  }
  return out;
}

}  // namespace lectern
