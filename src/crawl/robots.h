// robots.txt (RFC 9309): which paths lectern may fetch from a host.
//
// The group for the most specific user-agent that names "lectern" applies,
// else the "*" group. Allow/Disallow patterns support "*" and a final "$";
// the longest matching pattern wins and Allow wins a tie. Crawl-delay of the
// chosen group is kept so the crawler can slow down to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

class Robots {
 public:
  // Everything allowed: a missing robots.txt (4xx) means no rules.
  static Robots AllowAll() { return Robots(); }
  // Nothing allowed: a robots.txt that could not be fetched (5xx, network
  // failure) means the site may be down, and RFC 9309 says assume the worst.
  static Robots DisallowAll();
  // `agent` is our product token ("lectern"), matched case-insensitively.
  static Robots Parse(std::string_view text, std::string_view agent);

  // `path_query` is "/path?query" as requested.
  bool Allowed(std::string_view path_query) const;
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }

 private:
  struct Rule {
    std::string pattern;
    bool allow;
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
};

}  // namespace lectern
