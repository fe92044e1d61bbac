#include "crawl/source.h"

#include <algorithm>
#include <set>

#include "ingest/profiles/english_dates.h"

namespace lectern {
namespace {

std::vector<SourceProfile> MakeProfiles() {
  const auto icase = std::regex::ECMAScript | std::regex::icase;
  std::vector<SourceProfile> p;
  p.push_back(
      {"mfa-en",
       "Chinese Foreign Ministry, English: Regular Press Conference archive",
       {"www.fmprc.gov.cn", "fmprc.gov.cn", "www.mfa.gov.cn", "mfa.gov.cn"},
       {// 2022 on: mfa.gov.cn, articles in YYYYMM/ folders
        "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/",
        // about 2014-2021: the "_665403" scheme
        "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/default.shtml",
        // before: the short scheme
        "https://www.fmprc.gov.cn/eng/xwfw/s2510/2511/default.shtml"},
       std::regex(R"(^/(mfa_eng/xwfw_665399/s2510_665401/2511_665403|eng/xwfw/s2510/2511|)"
                  R"(eng/xw/fyrbt/lxjzh)/(\d{6}/)?t[0-9_]+\.s?html?$)",
                  icase)});
  p.push_back({"mfa-zh",
               "外交部 (Chinese Foreign Ministry), Chinese: 发言人表态 and 答记者问 archive",
               {"www.fmprc.gov.cn", "fmprc.gov.cn", "www.mfa.gov.cn", "mfa.gov.cn"},
               {// 2021 on: the new mfa.gov.cn template
                "https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/index.shtml",
                "https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/index.shtml",
                // 2020-2021: mfa.gov.cn without /web
                "https://www.mfa.gov.cn/wjdt_674879/fyrbt_674889/index.shtml",
                // to 2020: fmprc.gov.cn
                "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/default.shtml"},
               std::regex(R"(^/(web/)?(wjdt_674879/fyrbt_674889|fyrbt_673021/jzhsl_673025)/)"
                          R"((\d{6}/)?t[0-9_]+\.s?html?$)",
                          icase)});
  p.push_back({"whitehouse",
               "The White House (Obama administration archive): press briefings and gaggles",
               {"obamawhitehouse.archives.gov", "www.whitehouse.gov"},
               {"https://obamawhitehouse.archives.gov/briefing-room/press-briefings"},
               std::regex(R"(^/the-press-office/\d{4}/\d{2}/\d{2}/[^/]+$)", icase)});
  return p;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t FindCase(std::string_view hay, std::string_view needle, size_t from) {
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(std::min(from, hay.size())),
                        hay.end(), needle.begin(), needle.end(), [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

// The value of attribute `name` in the tag text `tag` ("<a href=... >").
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = FindCase(tag, name, pos)) != std::string_view::npos) {
    bool starts = pos > 0 && std::isspace(static_cast<unsigned char>(tag[pos - 1]));
    size_t p = pos + name.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (!starts || p >= tag.size() || tag[p] != '=') {
      pos += name.size();
      continue;
    }
    ++p;
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (p >= tag.size()) return "";
    char quote = tag[p];
    if (quote == '"' || quote == '\'') {
      size_t end = tag.find(quote, p + 1);
      return std::string(tag.substr(p + 1, end == std::string_view::npos ? end : end - p - 1));
    }
    size_t end = tag.find_first_of(" \t\r\n>", p);
    return std::string(tag.substr(p, end == std::string_view::npos ? end : end - p));
  }
  return "";
}

// Link text: tags dropped, a few entities decoded, white space collapsed.
std::string PlainText(std::string_view html) {
  std::string out;
  bool in_tag = false, space = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&nbsp;", " "}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&rsquo;", "’"}};
      bool done = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          if (text == " ") {
            space = !out.empty();
          } else {
            if (space) out += ' ';
            out += text;
            space = false;
          }
          i += entity.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::optional<std::string> IsoIn(const std::string& text, const std::regex& re, int y, int m,
                                 int d) {
  std::smatch match;
  if (!std::regex_search(text, match, re)) return std::nullopt;
  return FormatDate(std::stoi(match[y]), std::stoi(match[m]), std::stoi(match[d]));
}

// The briefing's date as the listing tells it: the title's date first (what
// the parser will read), then a date column beside the link, then the URL.
std::optional<std::string> ItemDate(const std::string& title, const std::string& beside,
                                    const Url& url) {
  static const std::regex kChinese(R"((\d{4})年(\d{1,2})月(\d{1,2})日)");
  static const std::regex kIso(R"((\d{4})-(\d{2})-(\d{2}))");
  static const std::regex kUrlStamp(R"(/t(\d{4})(\d{2})(\d{2})_)");
  static const std::regex kUrlPath(R"(/(\d{4})/(\d{2})/(\d{2})/)");
  if (auto d = IsoIn(title, kChinese, 1, 2, 3)) return d;
  if (auto d = FindEnglishDate(title)) return d;
  if (auto d = FindUsNumericDate(title)) return d;
  if (auto d = IsoIn(beside, kIso, 1, 2, 3)) return d;
  if (auto d = IsoIn(url.path, kUrlStamp, 1, 2, 3)) return d;
  return IsoIn(url.path, kUrlPath, 1, 2, 3);
}

// The MFA templates write their pager with a script: "var currentPage = 3;
// var countPage = 13" (page N is default_N.shtml, page 0 default.shtml), or
// createPageHTML(count, current, "index", "shtml").
// `has_pager` says whether the page has such a script at all: then its
// links (inside document.write strings) are not to be read as links.
std::optional<Url> ScriptedNextPage(std::string_view html, const Url& page_url, bool* has_pager) {
  const std::string text(html);
  static const std::regex kCurrent(R"(currentPage\s*=\s*(\d+))");
  static const std::regex kCount(R"(countPage\s*=\s*(\d+))");
  static const std::regex kCreate(R"(createPageHTML\(([^)]*)\))");
  std::string file = page_url.path.substr(page_url.path.rfind('/') + 1);
  std::string prefix = file.empty() ? "index" : file.substr(0, file.find_first_of("_."));
  std::string ext = file.find('.') == std::string::npos ? "shtml" : file.substr(file.find('.') + 1);
  long count = -1, current = -1;
  std::smatch m;
  if (std::regex_search(text, m, kCreate)) {
    std::vector<std::string> numbers, words;
    static const std::regex kArg(R"(["']?([A-Za-z0-9_]+)["']?)");
    std::string args = m[1];
    for (auto it = std::sregex_iterator(args.begin(), args.end(), kArg);
         it != std::sregex_iterator(); ++it) {
      std::string a = (*it)[1];
      (std::all_of(a.begin(), a.end(), ::isdigit) ? numbers : words).push_back(a);
    }
    if (numbers.size() >= 2) {
      count = std::stol(numbers[0]);
      current = std::stol(numbers[1]);
      for (const std::string& w : words) {
        if (w == "index" || w == "default") prefix = w;
        if (w == "shtml" || w == "html" || w == "htm") ext = w;
      }
    }
  } else {
    std::smatch a, b;
    if (std::regex_search(text, a, kCurrent) && std::regex_search(text, b, kCount)) {
      current = std::stol(a[1]);
      count = std::stol(b[1]);
    }
  }
  *has_pager = count >= 0 && current >= 0;
  if (!*has_pager || current + 1 >= count) return std::nullopt;
  return ResolveUrl(page_url, prefix + "_" + std::to_string(current + 1) + "." + ext);
}

bool LooksLikeNext(const std::string& tag, const std::string& text, std::string_view before) {
  std::string rel = Lower(Attribute(tag, "rel")), cls = Lower(Attribute(tag, "class"));
  std::string title = Lower(Attribute(tag, "title")), lower = Lower(text);
  return rel == "next" || cls.find("next") != std::string::npos ||
         title.find("next page") != std::string::npos || lower.rfind("next", 0) == 0 ||
         text == "下一页" || FindCase(before, "pager-next", 0) != std::string_view::npos;
}

}  // namespace

const std::vector<SourceProfile>& SourceProfiles() {
  static const std::vector<SourceProfile> profiles = MakeProfiles();
  return profiles;
}

const SourceProfile* FindSourceProfile(std::string_view name) {
  for (const SourceProfile& p : SourceProfiles())
    if (p.name == name) return &p;
  return nullptr;
}

ListingPage ReadListing(const SourceProfile& profile, std::string_view html, const Url& page_url) {
  ListingPage page;
  std::set<std::string> seen;
  bool has_pager = false;
  std::optional<Url> scripted = ScriptedNextPage(html, page_url, &has_pager);
  std::optional<Url> linked;
  size_t pos = 0;
  while ((pos = FindCase(html, "<a", pos)) != std::string_view::npos) {
    if (pos + 2 >= html.size() || !std::isspace(static_cast<unsigned char>(html[pos + 2]))) {
      pos += 2;
      continue;
    }
    size_t tag_end = html.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    std::string tag(html.substr(pos, tag_end - pos));
    size_t close = FindCase(html, "</a", tag_end);
    if (close == std::string_view::npos) close = tag_end + 1;
    std::string text = PlainText(html.substr(tag_end + 1, close - tag_end - 1));
    std::string_view before = html.substr(pos >= 80 ? pos - 80 : 0, std::min<size_t>(pos, 80));
    size_t next_a = FindCase(html, "<a", close + 1);
    std::string beside(html.substr(close, std::min<size_t>(next_a - close, 120)));
    pos = close;
    std::optional<Url> url = ResolveUrl(page_url, Attribute(tag, "href"));
    if (!url) continue;
    bool ours =
        std::find(profile.hosts.begin(), profile.hosts.end(), url->host) != profile.hosts.end() ||
        url->Origin() == page_url.Origin();
    if (!ours) continue;
    if (std::regex_search(url->path, profile.article_path)) {
      if (seen.insert(url->ToString()).second)
        page.articles.push_back({*url, text, ItemDate(text, beside, *url)});
    } else if (!linked && !has_pager && url->ToString() != page_url.ToString() &&
               LooksLikeNext(tag, text, before)) {
      linked = url;
    }
  }
  if (scripted) page.next.push_back(*scripted);
  if (linked) page.next.push_back(*linked);
  return page;
}

}  // namespace lectern
