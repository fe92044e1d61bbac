#include "ingest/profiles/mfa_zh.h"

#include <array>

#include "base/utf8.h"
#include "ingest/outlets.h"
#include "ingest/profiles/english_dates.h"
#include "ingest/spokespersons.h"

namespace lectern {
namespace {

constexpr std::string_view kSpokespersonWord = "发言人";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "2020年9月7日" anywhere in `text` (ASCII digits), as YYYY-MM-DD.
std::optional<std::string> FindChineseDate(std::string_view text) {
  constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";
  for (size_t at = text.find(kYear); at != std::string_view::npos; at = text.find(kYear, at + 1)) {
    if (at < 4) continue;
    int year = 0;
    bool digits = true;
    for (size_t i = at - 4; i < at; ++i) {
      digits = digits && text[i] >= '0' && text[i] <= '9';
      year = year * 10 + (text[i] - '0');
    }
    if (!digits) continue;
    size_t p = at + kYear.size();
    auto number = [&](int* out) {
      size_t start = p;
      *out = 0;
      while (p < text.size() && p - start < 2 && text[p] >= '0' && text[p] <= '9') {
        *out = *out * 10 + (text[p++] - '0');
      }
      return p > start;
    };
    int month, day;
    if (!number(&month) || text.substr(p, kMonth.size()) != kMonth) continue;
    p += kMonth.size();
    if (!number(&day) || text.substr(p, kDay.size()) != kDay) continue;
    if (auto date = FormatDate(year, month, day)) return date;
  }
  return std::nullopt;
}

// The canonical name of a printed spokesperson name.
std::string CanonicalSpeaker(std::string_view printed) {
  const Spokesperson* known = FindSpokesperson(printed);
  return known ? std::string(known->name) : std::string(printed);
}

// The name that follows "发言人" in a title, up to the verb that follows it.
std::optional<std::string> NameAfterSpokesperson(std::string_view title) {
  size_t at = title.find(kSpokespersonWord);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = title.substr(at + kSpokespersonWord.size());
  size_t end = rest.find_first_of("0123456789");  // "耿爽2月15日答记者问"
  for (std::string_view verb :
       {"主持", "答记者问", "就", "发表", "宣布", "应询", "表示", "：", "谈", "举行", "介绍"}) {
    end = std::min(end, rest.find(verb));
  }
  if (end == std::string_view::npos || end == 0 || end > 4 * 3)
    return std::nullopt;  // names: 2-4 characters
  return std::string(rest.substr(0, end));
}

std::string KindOf(std::string_view title) {
  if (title.find("例行记者会") != std::string_view::npos) return "regular-press-conference";
  if (title.find("答记者问") != std::string_view::npos ||
      title.find("应询") != std::string_view::npos) {
    return "answers-to-questions";
  }
  if (title.find("声明") != std::string_view::npos) return "statement";
  return "remarks";
}

// Country prefixes an outlet may carry ("日本共同社", "美国有线电视新闻网").
constexpr std::array<std::string_view, 16> kCountries = {
    "日本",   "美国", "英国", "韩国", "俄罗斯", "土耳其", "印度",   "巴西",
    "加拿大", "德国", "法国", "香港", "澳门",   "西班牙", "意大利", "新加坡"};

// "《环球时报》记者" -> "Global Times"; unknown outlets keep their printed name.
std::string OutletOf(std::string_view label) {
  std::string name = StripJournalistSuffix(label);
  // Several outlets asking together: "路透社、彭博社记者" -> the first.
  if (size_t comma = name.find("、"); comma != std::string::npos) {
    std::string first = name.substr(0, comma);
    if (FindOutlet(first) != nullptr) name = first;
  }
  std::string bare;
  for (size_t i = 0; i < name.size();) {
    if (name.compare(i, 3, "《") == 0 || name.compare(i, 3, "》") == 0) {
      i += 3;
    } else {
      bare.push_back(name[i++]);
    }
  }
  if (const Outlet* o = FindOutlet(bare)) return std::string(o->name);
  for (std::string_view country : kCountries) {
    if (StartsWith(bare, country)) {
      if (const Outlet* o = FindOutlet(bare.substr(country.size()))) return std::string(o->name);
    }
  }
  return name;  // as printed, brackets and all
}

bool IntroducesQuestion(std::string_view text) {
  for (std::string_view intro :
       {"会后有记者问及", "会后，有记者问及", "会后有记者问", "有记者问及", "会后，有记者问"}) {
    if (StartsWith(text, intro)) return true;
  }
  return false;
}

}  // namespace

std::optional<TitleFacts> MfaChineseProfile::ReadTitle(std::string_view raw) const {
  std::string title = CollapseWhitespace(raw);
  for (std::string_view site : {" — 中华人民共和国外交部", "_中华人民共和国外交部",
                                " - 中华人民共和国外交部", "—中华人民共和国外交部"}) {
    if (EndsWith(title, site)) title.erase(title.size() - site.size());
  }
  title = std::string(TrimAsciiSpace(title));
  const bool spokesperson = title.find(kSpokespersonWord) != std::string::npos;
  const bool conference = title.find("例行记者会") != std::string::npos;
  std::optional<std::string> name = NameAfterSpokesperson(title);
  // "耿爽：中国政府决定…": a spokesperson's remark titled with the name.
  if (!name) {
    size_t colon = title.find("：");
    if (colon != std::string::npos && FindSpokesperson(title.substr(0, colon)) != nullptr) {
      name = title.substr(0, colon);
    }
  }
  bool speaks = false;  // the spokesperson answering, remarking, announcing
  for (std::string_view verb :
       {"答记者问", "谈话", "声明", "宣布", "应询", "主持", "表示", "答问"}) {
    speaks = speaks || title.find(verb) != std::string::npos;
  }
  if (!(spokesperson && speaks) && !conference && !name) return std::nullopt;
  TitleFacts facts;
  facts.title = title;
  facts.date = FindChineseDate(title);
  if (name) facts.spokespersons.push_back(CanonicalSpeaker(*name));
  facts.kind = KindOf(title);
  return facts;
}

std::optional<Label> MfaChineseProfile::ReadLabel(const Paragraph& p, Syntax,
                                                  const TitleFacts& facts) const {
  std::optional<LabelSplit> split = SplitLabel(p.text, 96);
  if (!split) {
    if (IntroducesQuestion(p.text)) return Label{Role::kQuestion, {}, {}, false, "", 0};
    return std::nullopt;
  }
  const std::string label(split->label);
  Label out;
  out.text = label;
  out.body_start = split->body_start;
  if (label == "问" || label == "记者" || label == "记者问") {
    out.role = Role::kQuestion;
    return out;
  }
  if (label == "追问" || label == "记者追问" || label == "又问") {
    out.role = Role::kQuestion;
    out.follow_up = true;
    return out;
  }
  if (label == "答") {
    out.role = Role::kAnswer;
    return out;
  }
  if (IntroducesQuestion(p.text)) return Label{Role::kQuestion, {}, {}, false, "", 0};
  // "（记者：日本媒体。）": the journalist interjecting within an answer.
  if (label == "（记者" || label == "(记者") {
    out.role = Role::kQuestion;
    out.follow_up = true;
    return out;
  }
  if (EndsWith(label, "记者") || FindOutlet(label) != nullptr) {
    out.role = Role::kQuestion;
    out.outlet = OutletOf(label);
    return out;
  }
  // "外交部发言人赵立坚宣布": an announcement.
  if (std::optional<std::string> name = NameAfterSpokesperson(label)) {
    if (FindSpokesperson(*name) != nullptr || label.find("宣布") != std::string::npos) {
      out.role = Role::kStatement;
      out.speaker = CanonicalSpeaker(*name);
      return out;
    }
  }
  const std::string speaker = CanonicalSpeaker(label);
  for (const std::string& s : facts.spokespersons) {
    if (s == speaker) {
      out.role = Role::kAnswer;
      out.speaker = s;
      return out;
    }
  }
  if (FindSpokesperson(label) != nullptr) {
    out.role = Role::kAnswer;
    out.speaker = speaker;
    return out;
  }
  return std::nullopt;
}

}  // namespace lectern
