// Every profile lectern knows, in the order auto-detection tries them.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/profile.h"

namespace lectern {

const std::vector<const Profile*>& AllProfiles();

// The profile called `name` ("mfa-en"), or nullptr.
const Profile* FindProfile(std::string_view name);

}  // namespace lectern
