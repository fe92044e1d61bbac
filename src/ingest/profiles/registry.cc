#include "ingest/profiles/registry.h"

#include "ingest/profiles/mfa_en.h"
#include "ingest/profiles/mfa_zh.h"
#include "ingest/profiles/whitehouse.h"

namespace lectern {

const std::vector<const Profile*>& AllProfiles() {
  static const MfaEnglishProfile mfa_en;
  static const MfaChineseProfile mfa_zh;
  static const WhiteHouseProfile whitehouse_en;
  static const std::vector<const Profile*> profiles = {&mfa_en, &mfa_zh, &whitehouse_en};
  return profiles;
}

const Profile* FindProfile(std::string_view name) {
  for (const Profile* profile : AllProfiles()) {
    if (profile->name() == name) return profile;
  }
  return nullptr;
}

}  // namespace lectern
