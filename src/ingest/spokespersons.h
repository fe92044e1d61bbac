// Known spokespersons, with their names as each language prints them, so
// that one person is one speaker across languages ("汪文斌" is "Wang Wenbin").
#pragma once

#include <string_view>

namespace lectern {

struct Spokesperson {
  std::string_view institution;  // "mfa-china"
  std::string_view name;         // canonical: "Wang Wenbin"
  std::string_view name_zh;      // "汪文斌", or "" when not known
};

// The spokesperson a printed name stands for (either language, ASCII case
// ignored), or nullptr.
const Spokesperson* FindSpokesperson(std::string_view printed);

}  // namespace lectern
