// Fuzzes the store's coding (index/store_builder.h, store_vocabulary.h):
// any bytes, stored with the words the analyzer finds in them (as the index
// builder does), must come back byte for byte; and the same bytes read as a
// store block or a vocabulary section must be refused or decoded within
// bounds, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/coding.h"
#include "index/store_builder.h"
#include "index/store_vocabulary.h"
#include "index/term_table.h"
#include "text/analyzer.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "\ninvariant violated: %s\n", what);
    __builtin_trap();
  }
}

// Hands the analyzer's words to the store as SegmentBuilder does.
struct Sink final : lectern::IndexTermSink {
  lectern::TermTable* terms;
  lectern::StoreBuilder* store;
  std::vector<uint32_t> ids;  // of the turn's tokens, in order
  void Term(std::string_view term, uint32_t position, uint32_t begin, uint32_t end) override {
    const uint32_t id = terms->Intern(term);
    ids.push_back(id);
    store->Word(begin, end, position, id, terms->term(id));
  }
  void Ideograph(char16_t ideograph, uint32_t position, uint32_t begin) override {
    const char bytes[3] = {static_cast<char>(0xE0 | (ideograph >> 12)),
                           static_cast<char>(0x80 | ((ideograph >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (ideograph & 0x3F))};
    ids.push_back(terms->Intern(lectern::CharacterTerm(std::string_view(bytes, 3))));
    store->Ideograph(begin, position, ideograph);
  }
};

bool Decode(const lectern::StoreVocabulary& v, std::string_view block, uint32_t turns,
            std::vector<std::string>* texts) {
  std::string out;
  size_t size = 0;
  std::vector<lectern::StoreRecord> records;
  const bool ok = v.DecodeBlock(
      block, turns,
      [&](size_t n) {
        out.resize(n);
        return out.data();
      },
      &size, &records);
  texts->clear();
  for (const lectern::StoreRecord& r : records) {
    Check(r.text + uint64_t{r.text_size} <= out.size(), "a record's text lies outside the block");
    Check(r.label + uint64_t{r.label_size} <= out.size(), "a record's label lies outside");
    texts->push_back(out.substr(r.text, r.text_size));
  }
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static lectern::Analyzer analyzer;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Two turns: the input, and its second half (labels: its first bytes).
  const std::string_view second = bytes.substr(size / 2);
  const std::string_view label = bytes.substr(0, size % 7);
  lectern::TermTable terms;
  lectern::StoreBuilder store;
  Sink sink;
  sink.terms = &terms;
  sink.store = &store;
  // Each turn's term ids, if its words are its positions with their terms.
  std::optional<std::vector<uint32_t>> ids[2];
  store.BeginTurn(0, bytes);
  if (store.EndTurn(label, analyzer.AnalyzeForIndex(bytes, &sink))) ids[0] = sink.ids;
  sink.ids.clear();
  store.BeginTurn(1, second);
  if (store.EndTurn("", analyzer.AnalyzeForIndex(second, &sink))) ids[1] = sink.ids;
  auto ideograph_term = [&](char16_t ideograph) {
    const char bytes[3] = {static_cast<char>(0xE0 | (ideograph >> 12)),
                           static_cast<char>(0x80 | ((ideograph >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (ideograph & 0x3F))};
    return terms.Intern(lectern::CharacterTerm(std::string_view(bytes, 3)));
  };
  Check(store
            .Finish([&](uint32_t id) { return terms.term(id); }, [](uint32_t id) { return id; },
                    ideograph_term)
            .ok(),
        "Finish failed");
  auto vocabulary = lectern::StoreVocabulary::Parse(store.vocabulary());
  Check(vocabulary.ok(), "the vocabulary written does not parse");

  // Every block as kBlocks locates it (format.h), both turns exactly.
  const std::string blocks = store.BlocksSection();
  const char *p = blocks.data(), *end = blocks.data() + blocks.size();
  uint64_t count = 0, first = 0, offset = 0;
  Check(lectern::GetVarint(&p, end, &count) && count >= 1 && count <= 2, "bad block count");
  std::vector<std::pair<uint64_t, uint64_t>> located;  // first turn, offset
  for (uint64_t b = 0; b < count; ++b) {
    uint64_t dt = 0, doff = 0;
    Check(lectern::GetVarint(&p, end, &dt) && lectern::GetVarint(&p, end, &doff), "bad blocks");
    first += dt;
    offset += doff;
    located.emplace_back(first, offset);
  }
  std::vector<std::string> all, texts;
  for (size_t b = 0; b < located.size(); ++b) {
    const uint64_t to = b + 1 < located.size() ? located[b + 1].second : store.store().size();
    const uint64_t turns = (b + 1 < located.size() ? located[b + 1].first : 2) - located[b].first;
    Check(Decode(*vocabulary,
                 std::string_view(store.store()).substr(located[b].second, to - located[b].second),
                 static_cast<uint32_t>(turns), &texts),
          "a block written does not decode");
    all.insert(all.end(), texts.begin(), texts.end());
  }
  Check(all.size() == 2 && all[0] == bytes && all[1] == second,
        "the store did not give the bytes back");

  // The terms of a turn whose words are its positions come back as indexed.
  if (located.size() == 1) {
    std::vector<uint32_t> decoded, starts;
    Check(vocabulary->DecodeTerms(store.store(), 2, &decoded, &starts) && starts.size() == 3,
          "the terms of a block written do not decode");
    for (int t = 0; t < 2; ++t) {
      if (!ids[t]) continue;
      Check(std::vector<uint32_t>(decoded.begin() + starts[t], decoded.begin() + starts[t + 1]) ==
                *ids[t],
            "a turn's terms are not the ones indexed");
    }
  }

  // Windows of words of the first turn's text decode to bytes of it.
  lectern::WordsText window;
  const uint32_t from = size % 5, to = from + size % 11;
  if (located.size() == 1) {
    Check(vocabulary->DecodeWords(store.store(), 2, 0, from, to, &window),
          "a window of words does not decode");
    Check(window.text().empty() || bytes.find(window.text()) != std::string_view::npos,
          "a window of words is not the text's");
  }

  // The input as a block of this vocabulary, and as a vocabulary.
  Decode(*vocabulary, bytes, 1, &texts);
  vocabulary->DecodeWords(bytes, 1, 0, from, to, &window);
  std::vector<uint32_t> decoded, starts;
  vocabulary->DecodeTerms(bytes, 1, &decoded, &starts);
  lectern::StoreVocabulary::Parse(bytes);
  return 0;
}
