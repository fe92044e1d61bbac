#include "cli/render.h"

#include <unistd.h>

#include <cstdlib>

namespace lectern {
namespace {

const char* RoleLetter(Role role) {
  switch (role) {
    case Role::kQuestion:
      return "Q";
    case Role::kAnswer:
      return "A";
    case Role::kStatement:
      return "S";
    case Role::kNote:
      return "N";
  }
  return "S";
}

const char* RoleColor(Role role) {
  switch (role) {
    case Role::kQuestion:
      return "\033[1;34m";
    case Role::kAnswer:
      return "\033[1;32m";
    case Role::kStatement:
      return "\033[1;35m";
    case Role::kNote:
      return "\033[2m";
  }
  return "";
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

bool StdoutWantsColor() { return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr; }

std::string RenderBriefing(const Briefing& b, const RenderStyle& style) {
  const std::string bold = style.color ? "\033[1m" : "";
  const std::string dim = style.color ? "\033[2m" : "";
  const std::string reset = style.color ? "\033[0m" : "";
  std::string out;
  out += bold + (b.date ? *b.date : "(undated)") + "  " + b.title + reset + "\n";
  out += dim + b.institution + " · " + b.language + " · " + b.kind;
  if (!b.spokespersons.empty()) out += " · " + Join(b.spokespersons, ", ");
  out += " · " + std::to_string(b.turns.size()) + " turns, " + std::to_string(b.exchanges.size()) +
         " exchanges\n";
  out += "id " + b.id + " · " + b.source + reset + "\n";
  for (const Turn& turn : b.turns) {
    out += "\n";
    out += (style.color ? RoleColor(turn.role) : "") + std::string(RoleLetter(turn.role)) + reset;
    const auto& who = turn.role == Role::kQuestion ? turn.outlet : turn.speaker;
    if (turn.role != Role::kNote) {
      out +=
          " [" + (who ? *who : std::string(turn.role == Role::kQuestion ? "anonymous" : "?")) + "]";
    }
    if (turn.follow_up) out += " (follow-up)";
    out += "\n";
    size_t start = 0;
    while (start <= turn.text.size()) {
      size_t end = turn.text.find('\n', start);
      if (end == std::string::npos) end = turn.text.size();
      out += "  " + turn.text.substr(start, end - start) + "\n";
      start = end + 1;
    }
  }
  return out;
}

}  // namespace lectern
