// Invariants the fuzz targets check on every input: the documented contracts
// of the ingest layer (document.h, briefing.h, parse.h, decode.h, utf8.h).
// A violation prints which one and traps, so libFuzzer saves the input.
#pragma once

#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/utf8.h"
#include "ingest/document.h"
#include "ingest/transcript.h"
#include "model/briefing.h"
#include "model/briefing_json.h"

#define FUZZ_CHECK(cond)                                                                         \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::fprintf(stderr, "\ninvariant violated: %s\n  at %s:%d\n", #cond, __FILE__, __LINE__); \
      __builtin_trap();                                                                          \
    }                                                                                            \
  } while (0)

namespace lectern::fuzz {

// Well-formed UTF-8 per Unicode 15, table 3-7, written independently of
// IsValidUtf8 so that the two check each other.
inline bool ReferenceValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c <= 0x7F) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = 3;
    } else if (c == 0xED) {
      len = 3, hi = 0x9F;
    } else if (c == 0xF0) {
      len = 4, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else if (c == 0xF4) {
      len = 4, hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    if (len > 1 && (b(1) < lo || b(1) > hi)) return false;
    for (size_t k = 2; k < len; ++k) {
      if (b(k) < 0x80 || b(k) > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

inline bool IsValidText(std::string_view s) { return IsValidUtf8(s) && ReferenceValidUtf8(s); }

// Text as the readers promise it (document.h, CollapseWhitespace): valid
// UTF-8, every run of white space one ASCII space, nothing at either end, no
// controls and no invisible code points.
inline void CheckNormalized(std::string_view s) {
  FUZZ_CHECK(IsValidText(s));
  if (s.empty()) return;
  FUZZ_CHECK(s.front() != ' ' && s.back() != ' ');
  FUZZ_CHECK(s.find("  ") == std::string_view::npos);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII and the space: fine
      ++i;
      continue;
    }
    const char32_t cp = NextCodePoint(s, &i);
    FUZZ_CHECK(cp == ' ' || !IsSpace(cp));
    FUZZ_CHECK(!IsInvisible(cp));
  }
}

inline void CheckDocument(const Document& doc, Syntax syntax) {
  FUZZ_CHECK(doc.syntax == syntax);
  for (const std::string& candidate : doc.title_candidates) CheckNormalized(candidate);
  CheckNormalized(doc.published);
  if (syntax == Syntax::kText) {
    FUZZ_CHECK(doc.title_candidates.size() <= 6);
    for (const std::string& candidate : doc.title_candidates) FUZZ_CHECK(!candidate.empty());
  }
  for (const Paragraph& p : doc.paragraphs) {
    FUZZ_CHECK(!p.text.empty());
    CheckNormalized(p.text);
    FUZZ_CHECK(p.bold_prefix <= p.text.size());
    FUZZ_CHECK(IsValidText(std::string_view(p.text).substr(0, p.bold_prefix)));
    if (p.all_bold) FUZZ_CHECK(p.bold_prefix == p.text.size());
    if (syntax == Syntax::kText) FUZZ_CHECK(p.bold_prefix == 0 && !p.all_bold);
  }
}

inline void CheckOptionalText(const std::optional<std::string>& s) {
  if (s) {
    FUZZ_CHECK(!s->empty());
    FUZZ_CHECK(IsValidText(*s));
  }
}

inline bool IsDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

// A parsed briefing (briefing.h, transcript.h).
inline void CheckBriefing(const Briefing& b, const std::string& source) {
  FUZZ_CHECK(b.institution == "mfa-china" && b.language == "en");
  FUZZ_CHECK(b.source == source);
  FUZZ_CHECK(!b.title.empty());
  FUZZ_CHECK(IsValidText(b.title));
  FUZZ_CHECK(!b.kind.empty() && IsValidText(b.kind));
  if (b.date) FUZZ_CHECK(IsDate(*b.date));
  FUZZ_CHECK(!b.id.empty() && b.id == MakeBriefingId(b));
  for (const std::string& name : b.spokespersons) {
    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(IsValidText(name));
  }

  FUZZ_CHECK(!b.turns.empty());
  for (const Turn& turn : b.turns) {
    CheckOptionalText(turn.speaker);
    CheckOptionalText(turn.outlet);
    FUZZ_CHECK(IsValidText(turn.label));
    // The turn's paragraphs joined by '\n', each normalised and non-empty.
    if (!turn.text.empty()) {
      size_t start = 0;
      while (true) {
        const size_t nl = turn.text.find('\n', start);
        std::string_view line = std::string_view(turn.text).substr(start, nl - start);
        FUZZ_CHECK(!line.empty());
        CheckNormalized(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
    if (turn.role == Role::kQuestion) {
      FUZZ_CHECK(!turn.speaker);
    } else {
      FUZZ_CHECK(!turn.outlet && !turn.follow_up);
    }
    if (turn.speaker) {
      bool listed = false;
      for (const std::string& name : b.spokespersons) listed = listed || name == *turn.speaker;
      FUZZ_CHECK(listed);
    }
  }

  // Exchanges: a run of consecutive questions and the run of answers right
  // after it, with nothing but notes in between; every question is in
  // exactly one exchange, an answer in at most one, a note in none.
  const int n = static_cast<int>(b.turns.size());
  std::set<int> seen;
  int last = -1;
  for (const Exchange& e : b.exchanges) {
    FUZZ_CHECK(!e.question.empty());
    std::vector<int> members = e.question;
    members.insert(members.end(), e.answer.begin(), e.answer.end());
    for (size_t k = 0; k < members.size(); ++k) {
      const int i = members[k];
      FUZZ_CHECK(i >= 0 && i < n && i > last);
      FUZZ_CHECK(b.turns[i].role == (k < e.question.size() ? Role::kQuestion : Role::kAnswer));
      FUZZ_CHECK(seen.insert(i).second);
      if (k > 0) {
        for (int j = members[k - 1] + 1; j < i; ++j) FUZZ_CHECK(b.turns[j].role == Role::kNote);
      }
      last = i;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (b.turns[i].role == Role::kQuestion) FUZZ_CHECK(seen.count(i) == 1);
  }

  // The JSON contract round-trips everything but the printed labels.
  Result<Briefing> back = BriefingFromJson(ToJsonLine(b));
  FUZZ_CHECK(back.ok());
  Briefing expected = b;
  for (Turn& turn : expected.turns) turn.label.clear();
  FUZZ_CHECK(*back == expected);
}

// ParseBytes with a valid, forced format: a briefing, or kNotABriefing with
// a reason a user can read (parse.h).
inline void CheckParseResult(const Result<Briefing>& result, const std::string& source) {
  if (result.ok()) {
    CheckBriefing(*result, source);
    return;
  }
  const Status& status = result.status();
  if (status.code() != Status::Code::kNotABriefing || status.message().empty() ||
      !IsValidText(status.message())) {
    std::fprintf(stderr, "ParseBytes failed with code %d: \"%s\"\n",
                 static_cast<int>(status.code()), status.message().c_str());
  }
  FUZZ_CHECK(status.code() == Status::Code::kNotABriefing);
  FUZZ_CHECK(!status.message().empty());
  FUZZ_CHECK(IsValidText(status.message()));
}

}  // namespace lectern::fuzz
