#include "cli/passage_render.h"

#include <algorithm>

namespace lectern {

std::string RenderUseInContext(const UseInContext& use, bool color) {
  const std::string on = color ? "\033[1;33m" : "[", off = color ? "\033[0m" : "]";
  const std::string add_on = color ? "\033[1;31m" : "{+", add_off = color ? "\033[0;1;33m" : "+}";
  const std::string& text = use.context;
  std::string out = text.substr(0, use.begin) + on;
  size_t at = use.begin;
  for (const auto& [b, e] : use.differences) {
    if (b < at || e > use.end) continue;
    out += text.substr(at, b - at) + add_on + text.substr(b, e - b) + add_off;
    at = e;
  }
  out += text.substr(at, use.end - at) + off + text.substr(use.end);
  std::replace(out.begin(), out.end(), '\n', ' ');
  if (!use.missing.empty()) {
    out += color ? "  \033[2m(lacks:" : "  (lacks:";
    for (const std::string& w : use.missing) out += " -" + w + "-";
    out += color ? ")\033[0m" : ")";
  }
  return out;
}

std::string RenderUse(const TalkingPointUse& use) {
  std::string out = use.date ? *use.date : "(undated)  ";
  out +=
      "  " + (use.role == Role::kQuestion ? std::string("(question)") : use.speaker.value_or("?"));
  out += "  " + std::string(RoleName(use.role)) + "  " + use.briefing_id + " #" +
         std::to_string(use.turn);
  return out;
}

}  // namespace lectern
