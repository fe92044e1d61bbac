#include "ingest/outlets.h"

#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"

namespace lectern {
namespace {

struct Entry {
  Outlet outlet;
  std::vector<std::string_view> aliases;  // the name itself need not be repeated
};

// Outlets that ask at the MFA, the White House and the UN, by how they are
// printed in transcripts. Add aliases here, never special cases in profiles.
const std::vector<Entry>& Table() {
  static const std::vector<Entry> table = {
      {{"afp", "AFP"}, {"Agence France-Presse", "Agence France Presse", "法新社"}},
      {{"al-jazeera", "Al Jazeera"}, {"Al-Jazeera", "半岛电视台"}},
      {{"anadolu", "Anadolu Agency"}, {"Anadolu", "阿纳多卢通讯社", "土耳其阿纳多卢通讯社"}},
      {{"ansa", "ANSA"}, {"安莎社"}},
      {{"ap", "Associated Press"}, {"AP", "The Associated Press", "美联社"}},
      {{"app", "Associated Press of Pakistan"}, {"APP", "巴基斯坦联合通讯社", "巴通社"}},
      {{"asahi", "Asahi Shimbun"}, {"The Asahi Shimbun", "朝日新闻"}},
      {{"bbc", "BBC"}, {"英国广播公司"}},
      {{"beijing-radio-tv", "Beijing Radio and Television Station"},
       {"BRTV", "北京广播电视台", "北京广电"}},
      {{"beijing-daily", "Beijing Daily"}, {"北京日报"}},
      {{"beijing-youth-daily", "Beijing Youth Daily"}, {"北京青年报"}},
      {{"bernama", "Bernama"}, {"马来西亚国家通讯社"}},
      {{"bloomberg", "Bloomberg"}, {"Bloomberg News", "彭博社"}},
      {{"cbs", "CBS"}, {"CBS News", "哥伦比亚广播公司"}},
      {{"cctv", "CCTV"},
       {"China Central Television", "中央广播电视总台", "央视", "中央电视台", "总台央视"}},
      {{"cgtn", "CGTN"}, {"中国国际电视台", "中国环球电视网", "总台CGTN"}},
      {{"china-daily", "China Daily"}, {"中国日报"}},
      {{"china-news-service", "China News Service"}, {"CNS", "中新社", "中国新闻社"}},
      {{"china-review-news", "China Review News"}, {"中评社", "中国评论通讯社"}},
      {{"cnn", "CNN"}, {"美国有线电视新闻网"}},
      {{"cnr", "China National Radio"}, {"CNR", "中央人民广播电台", "央广", "总台央广"}},
      {{"cri", "China Radio International"},
       {"CRI", "国际台", "中国国际广播电台", "总台国广", "中央广播电视总台国广"}},
      {{"china-arab-tv", "China Arab TV"}, {"中阿卫视"}},
      {{"abc-spain", "ABC (Spain)"}, {"《阿贝赛报》", "阿贝赛报"}},
      {{"dpa", "DPA"}, {"Deutsche Presse-Agentur", "德新社"}},
      {{"dragon-tv", "Dragon TV"}, {"东方卫视"}},
      {{"dw", "Deutsche Welle"}, {"DW", "德国之声"}},
      {{"efe", "EFE"}, {"埃菲社"}},
      {{"feature-story-news", "Feature Story News"}, {"FSN", "美国专题新闻社", "专题新闻社"}},
      {{"financial-times", "Financial Times"}, {"FT", "金融时报", "英国金融时报"}},
      {{"fuji-tv", "Fuji TV"}, {"富士电视台"}},
      {{"global-times", "Global Times"}, {"环球时报"}},
      {{"globe-and-mail", "The Globe and Mail"}, {"Globe and Mail", "环球邮报"}},
      {{"o-globo", "O Globo"}, {"环球报"}},
      {{"the-hindu", "The Hindu"}, {"Hindu", "印度教徒报"}},
      {{"all-india-radio", "All India Radio"}, {"AIR", "印度公共广播电台", "全印广播电台"}},
      {{"guangming-daily", "Guangming Daily"}, {"光明日报"}},
      {{"hong-kong-commercial-daily", "Hong Kong Commercial Daily"}, {"香港商报"}},
      {{"hubei-media-group", "Hubei Media Group"}, {"湖北广播电视台", "湖北广电"}},
      {{"itar-tass", "TASS"}, {"ITAR-TASS", "塔斯社", "俄塔社"}},
      {{"kbs", "KBS"}, {"韩国广播公司"}},
      {{"kyodo", "Kyodo News"}, {"Kyodo", "共同社"}},
      {{"lianhe-zaobao", "Lianhe Zaobao"}, {"联合早报"}},
      {{"mastv", "Macau Asia Satellite TV"}, {"MASTV", "澳亚卫视"}},
      {{"macau-monthly", "Macau Monthly"}, {"澳门月刊"}},
      {{"nbc", "NBC"}, {"NBC News", "美国全国广播公司"}},
      {{"ntv", "Nippon TV"}, {"NTV", "日本电视网", "日本电视台"}},
      {{"nhk", "NHK"}, {"日本广播协会", "NHK电视台"}},
      {{"nikkei", "Nikkei"}, {"Nikkei Asia", "Nikkei Asian Review", "日经新闻", "日本经济新闻"}},
      {{"new-york-times", "The New York Times"}, {"New York Times", "NYT", "纽约时报"}},
      {{"npr", "NPR"}, {"National Public Radio", "美国全国公共广播电台"}},
      {{"the-paper", "The Paper"}, {"澎湃新闻"}},
      {{"peoples-daily", "People's Daily"}, {"People’s Daily", "人民日报"}},
      {{"phoenix-tv", "Phoenix TV"}, {"Phoenix Television", "凤凰卫视"}},
      {{"prasar-bharati", "Prasar Bharati"}, {"印度广播公司"}},
      {{"pti", "Press Trust of India"}, {"PTI", "印度报业托拉斯"}},
      {{"reuters", "Reuters"}, {"路透社"}},
      {{"ria-novosti", "RIA Novosti"},
       {"RIA", "俄新社", "MIA Rossiya Segodnya", "今日俄罗斯国际通讯社"}},
      {{"rt", "RT"}, {"Russia Today", "今日俄罗斯"}},
      {{"rthk", "RTHK"}, {"香港电台"}},
      {{"scmp", "South China Morning Post"}, {"SCMP", "南华早报"}},
      {{"shenzhen-tv", "Shenzhen TV"}, {"Shenzhen Satellite TV", "深圳卫视"}},
      {{"sputnik", "Sputnik"}, {"卫星通讯社", "俄罗斯卫星通讯社"}},
      {{"straits-times", "The Straits Times"}, {"Straits Times", "海峡时报"}},
      {{"tbs", "TBS"}, {"东京广播公司"}},
      {{"tv-asahi", "TV Asahi"}, {"朝日电视台"}},
      {{"voa", "Voice of America"}, {"VOA", "美国之音"}},
      {{"wall-street-journal", "The Wall Street Journal"},
       {"Wall Street Journal", "WSJ", "华尔街日报"}},
      {{"washington-post", "The Washington Post"}, {"Washington Post", "华盛顿邮报"}},
      {{"xinhua", "Xinhua News Agency"}, {"Xinhua", "新华社"}},
      {{"ytn", "YTN"}, {"韩国联合有线新闻台", "联合有线新闻台"}},
      {{"yomiuri", "Yomiuri Shimbun"}, {"The Yomiuri Shimbun", "读卖新闻"}},
      {{"yonhap", "Yonhap News Agency"}, {"Yonhap", "Yonhap News", "韩联社"}},
  };
  return table;
}

// Lower-cased, white space collapsed, without "the " and journalist suffixes.
std::string LookupKey(std::string_view label) {
  std::string key = AsciiLower(CollapseWhitespace(StripJournalistSuffix(label)));
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

}  // namespace

std::string StripJournalistSuffix(std::string_view label) {
  std::string text = CollapseWhitespace(label);
  for (std::string_view suffix : {" reporter", " journalist", " correspondent", "记者"}) {
    if (text.size() > suffix.size() &&
        AsciiLower(text.substr(text.size() - suffix.size())) == suffix) {
      text.erase(text.size() - suffix.size());
      text = std::string(TrimAsciiSpace(text));
      break;
    }
  }
  return text;
}

const Outlet* FindOutlet(std::string_view label) {
  static const std::unordered_map<std::string, const Outlet*> index = [] {
    std::unordered_map<std::string, const Outlet*> map;
    for (const Entry& entry : Table()) {
      map.emplace(LookupKey(entry.outlet.name), &entry.outlet);
      for (std::string_view alias : entry.aliases) map.emplace(LookupKey(alias), &entry.outlet);
    }
    return map;
  }();
  auto it = index.find(LookupKey(label));
  if (it != index.end()) return it->second;
  // "Xinhua News Agency (新华社)": either name will do.
  size_t open = label.find('(');
  size_t close = label.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return nullptr;
  }
  for (std::string_view part : {label.substr(0, open), label.substr(open + 1, close - open - 1)}) {
    it = index.find(LookupKey(part));
    if (it != index.end()) return it->second;
  }
  return nullptr;
}

}  // namespace lectern
