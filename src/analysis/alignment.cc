#include "analysis/alignment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "base/utf8.h"

namespace lectern {
namespace {

// Places and organisations as the two languages name them. Matching is by
// substring: the Chinese name in Chinese text, the English (lower case,
// word-bounded) in English text.
struct Entity {
  std::string_view zh;
  std::string_view en;
};
constexpr std::array<Entity, 78> kEntities = {{
    {"美国", "us"},
    {"美方", "us"},
    {"日本", "japan"},
    {"日方", "japan"},
    {"朝鲜", "dprk"},
    {"韩国", "rok"},
    {"半岛", "peninsula"},
    {"台湾", "taiwan"},
    {"香港", "hong kong"},
    {"澳门", "macao"},
    {"新疆", "xinjiang"},
    {"西藏", "tibet"},
    {"印度", "india"},
    {"巴基斯坦", "pakistan"},
    {"俄罗斯", "russia"},
    {"伊朗", "iran"},
    {"伊拉克", "iraq"},
    {"叙利亚", "syria"},
    {"以色列", "israel"},
    {"巴勒斯坦", "palestin"},
    {"阿富汗", "afghanistan"},
    {"英国", "uk"},
    {"法国", "france"},
    {"德国", "germany"},
    {"欧盟", "eu"},
    {"欧洲", "europe"},
    {"加拿大", "canada"},
    {"澳大利亚", "australia"},
    {"新西兰", "new zealand"},
    {"越南", "viet"},
    {"菲律宾", "philippine"},
    {"南海", "south china sea"},
    {"东盟", "asean"},
    {"联合国", "un"},
    {"安理会", "security council"},
    {"世卫", "who"},
    {"世贸", "wto"},
    {"非洲", "africa"},
    {"委内瑞拉", "venezuela"},
    {"巴西", "brazil"},
    {"墨西哥", "mexico"},
    {"古巴", "cuba"},
    {"沙特", "saudi"},
    {"土耳其", "turkey"},
    {"埃及", "egypt"},
    {"乌克兰", "ukraine"},
    {"白俄罗斯", "belarus"},
    {"蒙古", "mongolia"},
    {"缅甸", "myanmar"},
    {"泰国", "thailand"},
    {"柬埔寨", "cambodia"},
    {"老挝", "laos"},
    {"新加坡", "singapore"},
    {"马来西亚", "malaysia"},
    {"印尼", "indonesia"},
    {"印度尼西亚", "indonesia"},
    {"斯里兰卡", "sri lanka"},
    {"孟加拉", "bangladesh"},
    {"尼泊尔", "nepal"},
    {"哈萨克斯坦", "kazakhstan"},
    {"意大利", "italy"},
    {"西班牙", "spain"},
    {"瑞典", "swed"},
    {"挪威", "norw"},
    {"荷兰", "netherlands"},
    {"波兰", "poland"},
    {"捷克", "czech"},
    {"立陶宛", "lithuania"},
    {"梵蒂冈", "vatican"},
    {"华为", "huawei"},
    {"孟晚舟", "meng wanzhou"},
    {"一带一路", "belt and road"},
    {"贸易", "trade"},
    {"疫情", "covid"},
    {"新冠", "covid"},
    {"奥运", "olympic"},
    {"峰会", "summit"},
    {"气候", "climate"},
}};

struct Features {
  std::set<std::string> numbers;        // digit runs
  std::set<std::string> latin;          // Latin-script words of 2+ letters, lower-cased
  std::set<std::string_view> entities;  // English names of the entities mentioned
  std::optional<std::string> outlet;
  double length = 0;  // words (English) or characters (Chinese)
  bool chinese = false;
};

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool ContainsWord(const std::string& lower, std::string_view word) {
  for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    const bool left = at == 0 || !IsAsciiAlnum(lower[at - 1]);
    // The English names above may be stems ("palestin"): only the left edge must be a boundary.
    if (left) return true;
  }
  return false;
}

Features Extract(const Briefing& b, const Exchange& e) {
  Features f;
  f.chinese = b.language == "zh";
  std::string text;
  for (int t : e.question) {
    text += b.turns[t].text + "\n";
    if (b.turns[t].outlet && !f.outlet) f.outlet = b.turns[t].outlet;
  }
  for (int t : e.answer) text += b.turns[t].text + "\n";
  const std::string lower = AsciiLower(text);
  std::string run;
  auto flush = [&] {
    if (run.empty()) return;
    const bool digits =
        std::all_of(run.begin(), run.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      f.numbers.insert(run);
    } else if (run.size() >= 2 && f.chinese) {
      f.latin.insert(run);
    } else if (run.size() >= 2 && run == AsciiLower(run) && run.size() <= 5) {
      f.latin.insert(run);  // English: acronyms are collected below from the original case
    }
    run.clear();
  };
  size_t words = 0, characters = 0;
  for (size_t i = 0; i < lower.size();) {
    unsigned char c = static_cast<unsigned char>(lower[i]);
    if (IsAsciiAlnum(static_cast<char>(c))) {
      if (run.empty()) ++words;
      run.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    flush();
    size_t start = i;
    char32_t cp = NextCodePoint(lower, &i);
    if (cp >= 0x3400 && cp <= 0x9FFF) ++characters;
    (void)start;
  }
  flush();
  if (!f.chinese) {
    // Keep only acronyms and names that a Chinese text would also print in Latin letters.
    std::set<std::string> acronyms;
    std::string token;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && IsAsciiAlnum(text[i])) {
        token.push_back(text[i]);
        continue;
      }
      const bool upper =
          token.size() >= 2 &&
          std::any_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
          std::none_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (upper) acronyms.insert(AsciiLower(token));
      token.clear();
    }
    f.latin = acronyms;
  }
  if (!f.chinese) {
    // "June 1" is "6月1日": months count as their numbers.
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (size_t m = 0; m < kMonths.size(); ++m) {
      for (size_t at = lower.find(kMonths[m]); at != std::string::npos;
           at = lower.find(kMonths[m], at + 1)) {
        size_t after = at + kMonths[m].size();
        while (after < lower.size() && lower[after] == ' ') ++after;
        if (after < lower.size() && lower[after] >= '0' && lower[after] <= '9') {
          f.numbers.insert(std::to_string(m + 1));
          break;
        }
      }
    }
  }
  for (const Entity& entity : kEntities) {
    const bool present =
        f.chinese ? text.find(entity.zh) != std::string::npos : ContainsWord(lower, entity.en);
    if (present) f.entities.insert(entity.en);
  }
  f.length = f.chinese ? static_cast<double>(characters) : static_cast<double>(words);
  return f;
}

template <typename Set>
double Overlap(const Set& a, const Set& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

double Similarity(const Features& a, size_t ia, size_t na, const Features& b, size_t ib,
                  size_t nb) {
  double score = 0;
  score += 1.5 * Overlap(a.numbers, b.numbers);
  score += 1.0 * Overlap(a.latin, b.latin);
  score += 1.5 * Overlap(a.entities, b.entities);
  if (a.outlet && b.outlet) score += *a.outlet == *b.outlet ? 1.0 : -1.0;
  // English words per Chinese character run near 0.6 in these transcripts.
  const Features& en = a.chinese ? b : a;
  const Features& zh = a.chinese ? a : b;
  if (en.length > 0 && zh.length > 0) {
    const double ratio = en.length / zh.length / 0.6;
    score += 0.8 * std::exp(-std::abs(std::log(ratio)));
  }
  const double pa = na > 1 ? static_cast<double>(ia) / (na - 1) : 0.5;
  const double pb = nb > 1 ? static_cast<double>(ib) / (nb - 1) : 0.5;
  score -= 1.2 * std::abs(pa - pb);
  return score;
}

constexpr double kPairThreshold = 0.9;
constexpr double kGapThreshold = 0.2;

}  // namespace

std::optional<std::string> TranslationKey(const Briefing& b) {
  if (!b.date) return std::nullopt;
  return b.institution + "/" + *b.date + "/" + b.kind;
}

double ExchangeSimilarity(const Briefing& a, const Exchange& ea, size_t ia, const Briefing& b,
                          const Exchange& eb, size_t ib) {
  return Similarity(Extract(a, ea), ia, a.exchanges.size(), Extract(b, eb), ib, b.exchanges.size());
}

Alignment AlignExchanges(const Briefing& first, const Briefing& second) {
  const size_t n = first.exchanges.size(), m = second.exchanges.size();
  std::vector<Features> fa, fb;
  for (const Exchange& e : first.exchanges) fa.push_back(Extract(first, e));
  for (const Exchange& e : second.exchanges) fb.push_back(Extract(second, e));
  std::vector<std::vector<double>> sim(n, std::vector<double>(m));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) sim[i][j] = Similarity(fa[i], i, n, fb[j], j, m);
  }
  // best[i][j]: the best total gain aligning the first i and j exchanges.
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      double pair = sim[i - 1][j - 1] > kPairThreshold
                        ? best[i - 1][j - 1] + sim[i - 1][j - 1] - kPairThreshold
                        : -1e9;
      best[i][j] = std::max({best[i - 1][j], best[i][j - 1], pair});
    }
  }
  std::vector<AlignedExchange> reversed;
  size_t i = n, j = m;
  Alignment out;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && sim[i - 1][j - 1] > kPairThreshold &&
        best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1] - kPairThreshold) {
      reversed.push_back({static_cast<int>(i - 1), static_cast<int>(j - 1), sim[i - 1][j - 1]});
      ++out.paired;
      --i;
      --j;
    } else if (i > 0 && (j == 0 || best[i][j] == best[i - 1][j])) {
      reversed.push_back({static_cast<int>(i - 1), -1, 0});
      --i;
    } else {
      reversed.push_back({-1, static_cast<int>(j - 1), 0});
      --j;
    }
  }
  out.rows.assign(reversed.rbegin(), reversed.rend());
  // Between two pairs, as many unpaired exchanges on each side, in order:
  // translations of each other unless they share nothing at all.
  std::vector<AlignedExchange> rows;
  for (size_t r = 0; r < out.rows.size();) {
    if (out.rows[r].first >= 0 && out.rows[r].second >= 0) {
      rows.push_back(out.rows[r++]);
      continue;
    }
    size_t end = r;
    std::vector<int> left, right;
    while (end < out.rows.size() && (out.rows[end].first < 0 || out.rows[end].second < 0)) {
      if (out.rows[end].first >= 0) left.push_back(out.rows[end].first);
      if (out.rows[end].second >= 0) right.push_back(out.rows[end].second);
      ++end;
    }
    const bool same_count = left.size() == right.size();
    bool all_plausible = same_count;
    for (size_t k = 0; same_count && k < left.size(); ++k) {
      all_plausible = all_plausible && sim[left[k]][right[k]] > kGapThreshold;
    }
    if (all_plausible) {
      for (size_t k = 0; k < left.size(); ++k) {
        rows.push_back({left[k], right[k], sim[left[k]][right[k]]});
        ++out.paired;
      }
    } else {
      rows.insert(rows.end(), out.rows.begin() + r, out.rows.begin() + end);
    }
    r = end;
  }
  out.rows = std::move(rows);
  return out;
}

}  // namespace lectern
