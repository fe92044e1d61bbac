#include "analysis/boilerplate.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace lectern {
namespace {

const std::unordered_set<std::string_view>& FunctionWords() {
  static const std::unordered_set<std::string_view> words = {
      // English
      "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
      "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
      "could", "did", "do", "does", "doing", "don't", "down", "during", "each", "few", "for",
      "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
      "how", "i", "i'm", "i'd", "i'll", "i've", "if", "in", "into", "is", "it", "it's", "its",
      "itself", "just", "let", "let's", "me", "more", "most", "my", "no", "nor", "not", "now", "of",
      "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
      "she", "should", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs",
      "them", "then", "there", "there's", "these", "they", "this", "those", "through", "to", "too",
      "under", "until", "up", "very", "was", "we", "we're", "we've", "were", "what", "what's",
      "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
      "you're", "your", "yours", "yes", "okay", "ok", "well", "thank", "thanks", "please", "mr",
      "ms", "sir", "go", "ahead", "say", "said", "think", "know", "get", "got", "like", "want",
      "mean", "just", "really", "going", "one", "see", "thing", "things", "way", "lot", "something",
      "anything", "nothing", "everything", "question", "questions", "information", "aware",
      "specific", "specifics", "details", "answer", "afternoon", "morning", "everybody", "everyone",
      "today", "right", "may", "might", "must", "shall", "make", "made", "take", "give", "ask",
      "asked", "refer", "already",
      // Chinese function characters
      "的", "了", "是", "在", "我", "们", "你", "您", "他", "她", "它", "这", "那", "有", "和",
      "与", "及", "也", "就", "都", "而", "但", "对", "于", "以", "为", "之", "其", "个", "不",
      "没", "很", "会", "要", "能", "可", "把", "被", "从", "向", "到", "给", "让", "将", "还",
      "又", "再", "并", "或", "如", "果", "等", "些", "么", "什", "吗", "呢", "吧", "啊", "问",
      "题", "答", "谢", "好", "请", "说", "讲", "刚", "才", "提", "到", "关", "方", "面", "情",
      "况", "所", "已", "经"};
  return words;
}

bool IsNumber(std::string_view term) {
  return !term.empty() && std::all_of(term.begin(), term.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == '%';
  });
}

}  // namespace

bool IsFunctionWord(std::string_view term) { return FunctionWords().count(term) > 0; }

bool IsConnective(std::string_view term) {
  static const std::unordered_set<std::string_view> words = {
      "and", "or",   "but", "of",   "to",    "in",   "on",    "for",   "with", "by",
      "at",  "from", "as",  "that", "which", "will", "would", "shall", "is",   "are",
      "was", "were", "be",  "has",  "have",  "had",  "its",   "their", "our",  "his",
      "her", "和",   "的",  "与",   "及",    "了",   "在"};
  return words.count(term) > 0;
}

size_t ContentTokens(std::span<const uint32_t> tokens, const std::vector<std::string>& terms) {
  size_t n = 0;
  for (uint32_t t : tokens) {
    const std::string& term = terms[t];
    n += !IsFunctionWord(term) && !IsNumber(term);
  }
  return n;
}

double CapitalizedShare(std::span<const uint32_t> tokens, const std::vector<std::string>& terms,
                        const std::vector<bool>& capitalized, size_t first) {
  size_t content = 0, capital = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& term = terms[tokens[i]];
    if (IsFunctionWord(term) || IsNumber(term)) continue;
    ++content;
    capital += capitalized[first + i];
  }
  return content ? static_cast<double>(capital) / content : 0;
}

}  // namespace lectern
