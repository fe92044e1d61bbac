#include "ingest/spokespersons.h"

#include <array>

#include "base/utf8.h"

namespace lectern {

const Spokesperson* FindSpokesperson(std::string_view printed) {
  // The Chinese Foreign Ministry's spokespersons since the 1990s.
  static constexpr std::array<Spokesperson, 18> kKnown = {{
      {"mfa-china", "Zhu Bangzao", "朱邦造"},
      {"mfa-china", "Sun Yuxi", "孙玉玺"},
      {"mfa-china", "Kong Quan", "孔泉"},
      {"mfa-china", "Zhang Qiyue", "章启月"},
      {"mfa-china", "Liu Jianchao", "刘建超"},
      {"mfa-china", "Qin Gang", "秦刚"},
      {"mfa-china", "Jiang Yu", "姜瑜"},
      {"mfa-china", "Ma Zhaoxu", "马朝旭"},
      {"mfa-china", "Hong Lei", "洪磊"},
      {"mfa-china", "Liu Weimin", "刘为民"},
      {"mfa-china", "Hua Chunying", "华春莹"},
      {"mfa-china", "Lu Kang", "陆慷"},
      {"mfa-china", "Geng Shuang", "耿爽"},
      {"mfa-china", "Zhao Lijian", "赵立坚"},
      {"mfa-china", "Wang Wenbin", "汪文斌"},
      {"mfa-china", "Mao Ning", "毛宁"},
      {"mfa-china", "Lin Jian", "林剑"},
      {"mfa-china", "Guo Jiakun", "郭嘉昆"},
  }};
  const std::string lowered = AsciiLower(printed);
  for (const Spokesperson& s : kKnown) {
    if (AsciiLower(s.name) == lowered || (!s.name_zh.empty() && s.name_zh == printed)) return &s;
  }
  return nullptr;
}

}  // namespace lectern
