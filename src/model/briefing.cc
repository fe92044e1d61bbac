#include "model/briefing.h"

namespace lectern {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kQuestion:
      return "question";
    case Role::kAnswer:
      return "answer";
    case Role::kStatement:
      return "statement";
    case Role::kNote:
      return "note";
  }
  return "statement";
}

std::optional<Role> RoleFromName(std::string_view name) {
  if (name == "question") return Role::kQuestion;
  if (name == "answer") return Role::kAnswer;
  if (name == "statement") return Role::kStatement;
  if (name == "note") return Role::kNote;
  return std::nullopt;
}

}  // namespace lectern
