#include "crawl/robots.h"

#include <cstdlib>

namespace lectern {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Does `pattern` ("*" any run, final "$" the end) match a prefix of `path`?
bool Matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Backtracking matcher over "*"; patterns are short.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p, ++s;
      continue;
    }
    if (star == std::string_view::npos || mark >= path.size()) return false;
    p = star + 1;
    s = ++mark;
  }
}

}  // namespace

Robots Robots::DisallowAll() {
  Robots r;
  r.rules_.push_back({"/", false});
  return r;
}

Robots Robots::Parse(std::string_view text, std::string_view agent_token) {
  const std::string agent = Lower(agent_token);
  // Groups: a run of user-agent lines, then rules. We keep the rules of the
  // groups that name us, and of "*" groups, and pick afterwards.
  Robots ours, star;
  bool have_ours = false, have_star = false;
  bool in_agents = false;  // the previous line was a user-agent line
  bool group_ours = false, group_star = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string field = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (field == "user-agent") {
      if (!in_agents) group_ours = group_star = false;
      in_agents = true;
      std::string v = Lower(value);
      if (v == "*") {
        group_star = have_star = true;
      } else if (!v.empty() && agent.find(v) != std::string::npos) {
        group_ours = have_ours = true;
      }
      continue;
    }
    in_agents = false;
    Robots* target = group_ours ? &ours : group_star ? &star : nullptr;
    if (target == nullptr) continue;
    if (field == "allow" || field == "disallow") {
      if (value.empty()) continue;  // "Disallow:" with no path allows everything
      target->rules_.push_back({std::string(value), field == "allow"});
    } else if (field == "crawl-delay") {
      double d = std::strtod(std::string(value).c_str(), nullptr);
      if (d > 0) target->crawl_delay_ = d;
    }
  }
  if (have_ours) return ours;
  if (have_star) return star;
  return Robots();
}

bool Robots::Allowed(std::string_view path_query) const {
  size_t best = 0;
  bool allowed = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!Matches(rule.pattern, path_query)) continue;
    size_t len = rule.pattern.size();
    if (!matched || len > best || (len == best && rule.allow)) {
      best = len;
      allowed = rule.allow;
      matched = true;
    }
  }
  return allowed;
}

}  // namespace lectern
