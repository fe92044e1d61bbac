// The outlet alias table: every way a transcript names a news outlet, mapped
// to one canonical outlet shared by all languages ("Bloomberg News",
// "Bloomberg" and "彭博社" are one outlet).
#pragma once

#include <string>
#include <string_view>

namespace lectern {

struct Outlet {
  std::string_view id;    // stable key: "bloomberg"
  std::string_view name;  // canonical display name: "Bloomberg"
};

// Looks `label` up, ignoring ASCII case, a leading "The", white space and a
// trailing "reporter"/"journalist"/"correspondent"/"记者"; "Name (Other
// name)" is found by either name. Returns nullptr
// for a name the table does not know.
const Outlet* FindOutlet(std::string_view label);

// The label with the decoration FindOutlet ignores removed, for outlets the
// table does not know ("Hubei Media Group reporter" -> "Hubei Media Group").
std::string StripJournalistSuffix(std::string_view label);

}  // namespace lectern
