#include "analysis/analysis_test_support.h"

#include <gtest/gtest.h>

#include "index/index_writer.h"
#include "text/analyzer.h"

namespace lectern::testing {

std::shared_ptr<const Index> BuildIndex(const std::string& dir,
                                        const std::vector<Briefing>& briefings, size_t commits) {
  WriterOptions options;
  options.max_segments = 100;  // keep several segments, to analyse across them
  for (size_t c = 0; c < commits; ++c) {
    auto writer = IndexWriter::Open(dir, options);
    EXPECT_TRUE(writer.ok()) << writer.status().message();
    if (!writer.ok()) return nullptr;
    for (size_t i = c; i < briefings.size(); i += commits) {
      EXPECT_TRUE((*writer)->Add(briefings[i]).ok());
    }
    EXPECT_TRUE((*writer)->Commit().ok());
  }
  auto index = Index::Open(dir);
  EXPECT_TRUE(index.ok()) << index.status().message();
  return index.ok() ? *index : nullptr;
}

std::vector<uint32_t> BruteForcePhrase(const std::string& text, const std::string& phrase) {
  thread_local Analyzer analyzer;
  std::vector<Token> words, query;
  analyzer.Analyze(text, &words);
  analyzer.Analyze(phrase, &query);
  std::vector<uint32_t> out;
  if (query.empty()) return out;
  for (size_t i = 0; i + query.size() <= words.size(); ++i) {
    bool all = true;
    for (size_t k = 0; k < query.size() && all; ++k) all = words[i + k].term == query[k].term;
    if (all) out.push_back(words[i].position);
  }
  return out;
}

std::map<std::string, uint64_t> CountByMonth(const std::vector<Briefing>& briefings,
                                             const std::string& phrase) {
  std::map<std::string, uint64_t> out;
  for (const Briefing& b : briefings) {
    if (!b.date) continue;
    for (const Turn& t : b.turns) {
      const size_t n = BruteForcePhrase(t.text, phrase).size();
      if (n) out[b.date->substr(0, 7)] += n;
    }
  }
  return out;
}

}  // namespace lectern::testing
