// The store's coding: dense codes, the vocabulary, and that any text comes
// back byte for byte however the analyzer split it.
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "index/dense_code.h"
#include "index/index_test_support.h"
#include "index/segment.h"
#include "index/segment_builder.h"
#include "index/store_builder.h"
#include "index/store_reader.h"
#include "index/store_vocabulary.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::TempDir;

// Each turn's (text, label) in a block; nullopt if the block is refused.
using Turns = std::vector<std::pair<std::string, std::string>>;
std::optional<Turns> Decode(const StoreVocabulary& vocabulary, std::string_view block,
                            uint32_t turns) {
  std::string out;
  size_t size = 0;
  std::vector<StoreRecord> records;
  if (!vocabulary.DecodeBlock(
          block, turns,
          [&](size_t n) {
            out.resize(n);
            return out.data();
          },
          &size, &records)) {
    return std::nullopt;
  }
  Turns decoded;
  for (const StoreRecord& r : records) {
    decoded.emplace_back(out.substr(r.text, r.text_size), out.substr(r.label, r.label_size));
  }
  return decoded;
}

TEST(DenseCode, EveryRankRoundTripsAtItsLength) {
  for (unsigned s : {1u, 64u, 128u, 200u, 255u}) {
    const DenseCode code(s);
    std::vector<uint64_t> ranks;
    for (uint64_t r = 0; r < 70000 && r < code.capacity(); ++r) ranks.push_back(r);
    ranks.push_back(code.capacity() - 1);
    std::string bytes;
    for (uint64_t r : ranks) code.Append(r, &bytes);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    for (uint64_t r : ranks) {
      const auto* before = p;
      uint64_t got;
      ASSERT_TRUE(code.Next(&p, end, &got)) << "s=" << s << " rank " << r;
      ASSERT_EQ(got, r) << "s=" << s;
      ASSERT_EQ(static_cast<unsigned>(p - before), code.Length(r)) << "s=" << s << " rank " << r;
    }
    EXPECT_EQ(p, end);
  }
}

TEST(DenseCode, LengthsFollowTheStopperCount) {
  // s = 200, c = 56: ranks 0..199 take one byte, the next 200 x 56 two.
  const DenseCode code(200);
  EXPECT_EQ(code.Length(0), 1u);
  EXPECT_EQ(code.Length(199), 1u);
  EXPECT_EQ(code.Length(200), 2u);
  EXPECT_EQ(code.Length(200 + 200 * 56 - 1), 2u);
  EXPECT_EQ(code.Length(200 + 200 * 56), 3u);
  std::string bytes;
  code.Append(200, &bytes);  // the first two-byte codeword: continuer 200, stopper 0
  EXPECT_EQ(bytes, std::string("\xC8\x00", 2));
}

TEST(DenseCode, BestStopperCountMinimisesBytes) {
  // 300 ranks of equal frequency: s = 255 codes 255 in one byte and 45 in
  // two (345 bytes); any smaller s puts more of them in two.
  EXPECT_EQ(DenseCode::Best(std::vector<uint64_t>(300, 1)), 255u);
  // One dominant rank and a long tail: the choice must be no worse than
  // any other s, counted codeword by codeword.
  std::vector<uint64_t> tail(20001, 1);
  tail[0] = 1000;
  const unsigned best = DenseCode::Best(tail);
  auto bytes = [&](unsigned s) {
    const DenseCode code(s);
    uint64_t total = 0;
    for (size_t r = 0; r < tail.size(); ++r) total += tail[r] * code.Length(r);
    return total;
  };
  for (unsigned s = 1; s < 256; ++s) {
    if (DenseCode(s).capacity() >= tail.size()) {
      EXPECT_LE(bytes(best), bytes(s)) << s;
    }
  }
}

TEST(DenseCode, TruncatedOrOverlongCodewordsAreRefused) {
  const DenseCode code(128);
  const unsigned char continuer_only[] = {0x80, 0x81};
  const unsigned char* p = continuer_only;
  uint64_t rank;
  EXPECT_FALSE(code.Next(&p, p + 2, &rank));
  const unsigned char overlong[] = {0x80, 0x80, 0x80, 0x80, 0x01};
  p = overlong;
  EXPECT_FALSE(code.Next(&p, p + 5, &rank));
}

// Texts whose every byte must come back: white space of every kind,
// punctuation, capitals, possessives, hyphens, words NFKC changes,
// ideographs next to words, supplementary characters, combining marks,
// bytes no word covers.
const std::vector<std::string>& TrickyTexts() {
  static const std::vector<std::string> texts = {
      "",
      " ",
      "  leading and trailing  ",
      "Reuters: China's position on the US-China trade talks is clear.",
      "Q:  Two  spaces\tand a tab\nand lines\n\n\nend",
      "\xE2\x80\x9CQuoted,\xE2\x80\x9D she said \xE2\x80\x94 don\xE2\x80\x99t you?",
      "\xEF\xAC\x81nance \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 \xE2\x91\xA0 caf\xC3\xA9 "
      "cafe\xCC\x81",
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE5\x8F\x91\xE8\xA8\x80\xE4\xBA"
      "\xBA\xEF\xBC\x9A\xE2\x80\x9C\xE4\xB8\x80\xE4\xB8\xAA\xE4\xB8\xAD\xE5\x9B\xBD\xE2\x80\x9D"
      "\xE5\x8E\x9F\xE5\x88\x99\xE3\x80\x82",
      "A\xE8\x82\xA1 and 5G\xE7\xBD\x91\xE7\xBB\x9C 2020\xE5\xB9\xB4 "
      "\xF0\xA0\x80\x80\xF0\xA0\x80\x81",
      "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF \xED\x95\x9C\xEA\xB5\xAD",
      "U.S. 3.5% e-mail O'Brien's rock'n'roll ... --- ***",
      "emoji \xF0\x9F\x98\x80 and \xCC\x81 a lone combining mark",
      [] {
        const char bytes[] = "nul \0 byte and \x01 control";
        return std::string(bytes, sizeof bytes - 1);
      }(),
      "wordword",
      "the the the the the",
  };
  return texts;
}

// `b` written as the one briefing of a segment in `dir`, opened.
Result<std::shared_ptr<const Segment>> WriteSegment(const TempDir& dir, const Briefing& b) {
  SegmentBuilder builder;
  builder.Add(b, BriefingContentHash(b));
  if (Status s = builder.Write(dir.path() + "/s.lseg"); !s.ok()) return s;
  return Segment::Open(dir.path() + "/s.lseg");
}

TEST(Store, EveryByteOfTrickyTextsComesBack) {
  std::vector<Turn> turns;
  for (const std::string& text : TrickyTexts()) {
    Turn t = Answer(text, "Hua Chunying");
    t.label = text.empty() ? "" : "Hua Chunying:";
    turns.push_back(t);
  }
  // And again, now that the words are frequent enough to be ranked first.
  for (const std::string& text : TrickyTexts()) turns.push_back(Question(text, "AFP"));
  TempDir dir;
  auto opened = WriteSegment(dir, MakeBriefing("tricky", "2021-03-04", turns));
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  StoreReader reader(**opened);
  ASSERT_EQ((*opened)->turn_count(), turns.size());
  for (uint32_t doc = 0; doc < turns.size(); ++doc) {
    std::string_view text, label;
    ASSERT_TRUE(reader.Read(doc, &text, &label).ok());
    EXPECT_EQ(text, turns[doc].text) << "turn " << doc;
    EXPECT_EQ(label, turns[doc].label) << "turn " << doc;
  }
}

// Every window of words of every turn whose words are its positions
// decodes to the turn's own bytes there, the words where the analyzer put
// them; windows past the last word give what there is. The turns are long
// enough to have word checkpoints (format.h: kStoreWordCheckpoint).
TEST(Store, WindowsOfWordsDecodeToTheTurnsTextThere) {
  std::vector<Turn> turns;
  std::string long_text;
  for (const std::string& text : TrickyTexts()) {
    turns.push_back(Answer(text, "Hua Chunying"));
    long_text += text + (text.size() % 2 ? " " : "\n");
  }
  turns.push_back(Answer(long_text, "Hua Chunying"));
  turns.push_back(Question(long_text + long_text, "AFP"));
  TempDir dir;
  auto opened = WriteSegment(dir, MakeBriefing("windows", "2021-03-04", turns));
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  const Segment& segment = **opened;
  StoreReader reader(segment);
  Analyzer analyzer;
  size_t exact = 0;
  for (uint32_t doc = 0; doc < turns.size(); ++doc) {
    const std::string& text = turns[doc].text;
    std::vector<Token> tokens;
    analyzer.AnalyzeForIndex(text, &tokens);
    if (!segment.turn_words_are_positions(doc)) continue;
    ++exact;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    for (uint32_t first = 0; first < n + 2; ++first) {
      for (uint32_t last = first; last < n + 2; last += 1 + (last - first) / 8) {
        WordsText window;
        ASSERT_TRUE(reader.DecodeWords(doc, first, last, &window).ok());
        const uint32_t decoded = first >= n ? 0 : std::min(last, n - 1) - first + 1;
        ASSERT_EQ(window.begin.size(), decoded) << "turn " << doc << " " << first << "-" << last;
        EXPECT_EQ(window.from_start, first == 0);
        EXPECT_EQ(window.to_end, last + 1 >= n);
        if (first >= n) continue;
        ASSERT_EQ(tokens[first].position, first);
        const size_t start = first == 0 ? 0 : tokens[first].begin;
        ASSERT_EQ(text.compare(start, window.text().size(), window.text()), 0)
            << "turn " << doc << " words " << first << "-" << last << ": " << window.text();
        // Through the separators after the last word: to the text's end,
        // or to the next word but the space implied between two words.
        const size_t stop = start + window.text().size();
        if (last + 1 >= n) {
          EXPECT_EQ(stop, text.size());
        } else {
          EXPECT_LE(tokens[last + 1].begin - stop, 1u);
        }
        for (uint32_t k = 0; k < decoded; ++k) {
          EXPECT_EQ(start + window.begin[k], tokens[first + k].begin);
          EXPECT_EQ(start + window.end[k], tokens[first + k].end);
        }
      }
    }
  }
  EXPECT_EQ(exact, turns.size());
}

TEST(Store, TurnsWhoseWordsAreNotTheirPositionsAreToldApart) {
  const std::string text = "one two three";
  auto exact = [&](auto add_words, uint32_t positions) {
    StoreBuilder store;
    store.BeginTurn(0, text);
    add_words(store);
    return store.EndTurn("", positions);
  };
  EXPECT_TRUE(exact(
      [](StoreBuilder& s) {
        s.Word(0, 3, 0, 0, "one");
        s.Word(4, 7, 1, 1, "two");
        s.Word(8, 13, 2, 7, "3");  // stored by its bytes, indexed as term 7
      },
      3));
  EXPECT_FALSE(exact(  // a position skipped
      [](StoreBuilder& s) {
        s.Word(0, 3, 0, 0, "one");
        s.Word(8, 13, 2, 2, "three");
      },
      3));
  EXPECT_FALSE(exact(  // overlapping words: the second is not stored
      [](StoreBuilder& s) {
        s.Word(0, 7, 0, 0, "one two");
        s.Word(4, 7, 1, 1, "two");
      },
      2));
  EXPECT_FALSE(exact(  // positions after the last word stored
      [](StoreBuilder& s) { s.Word(0, 3, 0, 0, "one"); }, 3));
  EXPECT_FALSE(exact(  // a word of no term
      [](StoreBuilder& s) { s.Word(0, 3, 0, StoreBuilder::kNoTerm, {}); }, 1));
  // One word's bytes indexed as two terms: the vocabulary names the first.
  StoreBuilder store;
  store.BeginTurn(0, text);
  store.Word(0, 3, 0, 4, "uno");
  EXPECT_TRUE(store.EndTurn("", 1));
  store.BeginTurn(1, text);
  store.Word(0, 3, 0, 5, "eins");
  EXPECT_FALSE(store.EndTurn("", 1));
}

// Every word's term comes back from the vocabulary, by ordinal, without
// decoding the text.
TEST(Store, TermsOfEveryRecordComeBackInOrder) {
  StoreBuilder store;
  store.BeginTurn(0, "China's stance, \xE4\xB8\xAD.");
  store.Word(0, 7, 0, 0, "china");  // a literal word ("China's")
  store.Word(8, 14, 1, 1, "stance");
  store.Ideograph(16, 2, u'\u4E2D');
  EXPECT_TRUE(store.EndTurn("Hua Chunying:", 3));
  store.BeginTurn(1, "");
  EXPECT_TRUE(store.EndTurn("", 0));
  store.BeginTurn(2, "china x");
  store.Word(0, 5, 0, 0, "china");
  store.Word(6, 7, 1, StoreBuilder::kNoTerm, {});
  EXPECT_FALSE(store.EndTurn("", 2));
  // Ordinals: ids in reverse.
  ASSERT_TRUE(store
                  .Finish([](uint32_t id) { return id == 0   ? "china"
                                                   : id == 1 ? "stance"
                                                             : "x"; },
                          [](uint32_t id) { return 10 - id; }, [](char16_t) { return 2u; })
                  .ok());
  auto vocabulary = StoreVocabulary::Parse(store.vocabulary());
  ASSERT_TRUE(vocabulary.ok());
  std::vector<uint32_t> terms, starts;
  ASSERT_TRUE(vocabulary->DecodeTerms(store.store(), 3, &terms, &starts));
  EXPECT_EQ(starts, (std::vector<uint32_t>{0, 3, 3, 5}));
  terms.resize(starts.back());  // (it may hold more)
  EXPECT_EQ(terms, (std::vector<uint32_t>{10, 9, 8, 10, StoreVocabulary::kNoTerm}));
  EXPECT_FALSE(vocabulary->DecodeTerms(store.store(), 2, &terms, &starts));  // a record more
  EXPECT_FALSE(vocabulary->DecodeTerms(store.store().substr(0, 6), 3, &terms, &starts));
}

TEST(Store, RandomBytesComeBackWhateverTheWordsReported) {
  // The builder takes any word spans in order, even overlapping or out of
  // the text: what no word covers is stored as separators.
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::string text(rng() % 60, '\0');
    for (char& c : text) c = static_cast<char>("ab AB,.\n\xE4\xB8\xAD"[rng() % 12]);
    StoreBuilder store;
    store.BeginTurn(0, text);
    uint32_t at = 0, position = 0;
    while (at < text.size() && rng() % 4 != 0) {
      const uint32_t begin = at + rng() % 3, end = begin + 1 + rng() % 4;
      if (begin + 3 <= text.size() && text.compare(begin, 3, "\xE4\xB8\xAD") == 0 &&
          rng() % 2 == 0) {
        store.Ideograph(begin, position++, u'\u4E2D');
      } else {  // may run past the text: ignored
        store.Word(begin, end, position++, StoreBuilder::kNoTerm, {});
      }
      at = begin + rng() % 3;
    }
    store.EndTurn(round % 2 ? "label" : "", position);
    ASSERT_TRUE(store
                    .Finish([](uint32_t) { return std::string_view(); },
                            [](uint32_t id) { return id; }, [](char16_t) { return 2u; })
                    .ok());
    auto vocabulary = StoreVocabulary::Parse(store.vocabulary());
    ASSERT_TRUE(vocabulary.ok());
    const std::optional<Turns> decoded = Decode(*vocabulary, store.store(), 1);
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(decoded->size(), 1u);
    EXPECT_EQ((*decoded)[0].first, text) << "round " << round;
    EXPECT_EQ((*decoded)[0].second, round % 2 ? "label" : "");
  }
}

// The texts of a store of one block of `turns` turns; {} if refused.
std::vector<std::string> DecodeAll(const StoreBuilder& store, uint32_t turns) {
  auto vocabulary = StoreVocabulary::Parse(store.vocabulary());
  if (!vocabulary.ok()) return {};
  const std::optional<Turns> decoded = Decode(*vocabulary, store.store(), turns);
  std::vector<std::string> texts;
  if (decoded) {
    for (const auto& [text, label] : *decoded) texts.push_back(text);
  }
  return texts;
}

TEST(Store, WordsAreStoredByTermWhenWrittenAsItOrCapitalised) {
  // "china" is term 0: "china" and "China" are stored by its id, "CHINA"
  // and "chinA" by their bytes; all come back as written.
  const std::string text = "China, china; CHINA chinA China";
  StoreBuilder store;
  store.BeginTurn(0, text);
  uint32_t position = 0;
  for (uint32_t begin : {0u, 7u, 14u, 20u, 26u})
    store.Word(begin, begin + 5, position++, 0, "china");
  EXPECT_TRUE(store.EndTurn("", 5));
  ASSERT_TRUE(store
                  .Finish([](uint32_t id) { return id == 0 ? "china" : ""; },
                          [](uint32_t id) { return id; }, [](char16_t) { return 2u; })
                  .ok());
  EXPECT_EQ(DecodeAll(store, 1), std::vector<std::string>{text});
  // The vocabulary holds "china" and "China" once each, and "CHINA" and
  // "chinA" as words of their own: 4 words; ", " and "; " (single spaces
  // between words are implied); the end.
  auto vocabulary = StoreVocabulary::Parse(store.vocabulary());
  ASSERT_TRUE(vocabulary.ok());
  EXPECT_EQ(vocabulary->size(), 4u + 2u + 1u);
}

TEST(Store, ShortSeparatorsIncludingNulAreKeptApart) {
  // Separators: one NUL, two NULs, a comma, a comma and a space; a NUL last.
  const char bytes[] = "a\0b\0\0c,d, e\0";
  const std::string text(bytes, sizeof bytes - 1);
  StoreBuilder store;
  store.BeginTurn(0, text);
  uint32_t position = 0;
  for (uint32_t begin : {0u, 2u, 5u, 7u, 10u})
    store.Word(begin, begin + 1, position++, StoreBuilder::kNoTerm, {});
  store.EndTurn("", 5);
  store.BeginTurn(1, "");
  store.EndTurn("", 0);
  ASSERT_TRUE(store
                  .Finish([](uint32_t) { return std::string_view(); },
                          [](uint32_t id) { return id; }, [](char16_t) { return 2u; })
                  .ok());
  EXPECT_EQ(DecodeAll(store, 2), (std::vector<std::string>{text, ""}));
}

TEST(Store, DamagedBlocksAreRefusedNotCrashedOn) {
  StoreBuilder store;
  const std::string text = "We firmly oppose it. We firmly oppose it.";
  store.BeginTurn(0, text);
  store.Word(0, 2, 0, StoreBuilder::kNoTerm, {});
  store.Word(3, 9, 1, StoreBuilder::kNoTerm, {});
  store.EndTurn("Zhao Lijian:", 2);
  ASSERT_TRUE(store
                  .Finish([](uint32_t) { return std::string_view(); },
                          [](uint32_t id) { return id; }, [](char16_t) { return 2u; })
                  .ok());
  auto vocabulary = StoreVocabulary::Parse(store.vocabulary());
  ASSERT_TRUE(vocabulary.ok());
  auto decode = [&](const std::string& block, uint32_t turns) {
    return Decode(*vocabulary, block, turns).has_value();
  };
  const std::string good = store.store();
  EXPECT_TRUE(decode(good, 1));
  EXPECT_FALSE(decode(good, 2));                             // a record missing
  EXPECT_FALSE(decode(good.substr(0, good.size() - 1), 1));  // truncated
  EXPECT_FALSE(decode("", 1));
  EXPECT_FALSE(decode(std::string("\x05\x00\x7F", 3), 1));  // a rank outside the vocabulary
  EXPECT_FALSE(decode(std::string("\x05\x09\x00", 3), 1));  // checkpoints past the end
  WordsText window;
  EXPECT_TRUE(vocabulary->DecodeWords(good, 1, 0, 1, 1, &window));
  EXPECT_EQ(window.text(), "firmly oppose it. We firmly oppose it.");  // one separator after
  EXPECT_FALSE(vocabulary->DecodeWords(good.substr(0, 5), 1, 0, 0, 9, &window));  // truncated
  EXPECT_FALSE(vocabulary->DecodeWords(good, 1, 1, 0, 1, &window));               // no such record
  std::mt19937 rng(3);
  for (int i = 0; i < 2000; ++i) {
    std::string bad = good;
    bad[rng() % bad.size()] = static_cast<char>(rng());
    decode(bad, 1);  // whatever it says, it must not read or write out of bounds
    WordsText window;
    vocabulary->DecodeWords(bad, 1, 0, rng() % 3, 2 + rng() % 3, &window);
    std::vector<uint32_t> terms, starts;
    vocabulary->DecodeTerms(bad, 1, &terms, &starts);
  }
  EXPECT_FALSE(StoreVocabulary::Parse("not a zstd frame").ok());
}

}  // namespace
}  // namespace lectern
