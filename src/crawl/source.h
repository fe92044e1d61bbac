// Source profiles: where a source's listing pages start, which links on
// them are articles, and how a listing page names the next one.
//
// A profile lists every URL scheme the source has used over the years
// (sites move: the MFA's English archive went from /eng/xwfw/s2510/2511/ to
// /mfa_eng/xwfw_665399/s2510_665401/2511_665403/ to /eng/xw/fyrbt/lxjzh/);
// a start listing the site no longer serves (404) is skipped, not an error.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "crawl/url.h"

namespace lectern {

struct SourceProfile {
  std::string name;                     // "mfa-en"
  std::string description;              // one line for --help
  std::vector<std::string> hosts;       // hosts that belong to the source
  std::vector<std::string> start_urls;  // first listing page of each scheme, newest scheme first
  std::regex article_path;              // matched against a link's path
};

// The profiles, by name: "mfa-en", "mfa-zh", "whitehouse".
const std::vector<SourceProfile>& SourceProfiles();
const SourceProfile* FindSourceProfile(std::string_view name);

struct ListingItem {
  Url url;
  std::string title;                // the link text, tags stripped
  std::optional<std::string> date;  // YYYY-MM-DD when the listing or URL tells
};

struct ListingPage {
  std::vector<ListingItem> articles;  // in page order, no duplicates
  std::vector<Url> next;              // the next listing page(s), if any
};

// Reads a listing page served at `page_url`. Articles are links to the
// profile's hosts whose path matches `article_path`. The next page comes
// from the MFA templates' pager scripts (countPage/currentPage,
// createPageHTML) or a link marked as next (rel="next", class "next",
// "pager-next", text "Next" / "下一页").
ListingPage ReadListing(const SourceProfile& profile, std::string_view html, const Url& page_url);

}  // namespace lectern
