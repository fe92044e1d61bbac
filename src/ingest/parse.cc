#include "ingest/parse.h"

#include "base/files.h"
#include "base/utf8.h"
#include "ingest/decode.h"
#include "ingest/html_reader.h"
#include "ingest/profiles/registry.h"
#include "ingest/text_reader.h"
#include "ingest/transcript.h"

namespace lectern {
namespace {

// Markup if the text opens (after white space) with '<' or holds an <html
// or <body tag near the top.
bool LooksLikeHtml(std::string_view text) {
  std::string_view head = TrimAsciiSpace(text.substr(0, 2048));
  if (!head.empty() && head[0] == '<') return true;
  std::string lower = AsciiLower(head);
  return lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos ||
         lower.find("<p>") != std::string::npos;
}

}  // namespace

std::vector<std::string> KnownFormats() {
  std::vector<std::string> formats = {"auto"};
  for (const Profile* profile : AllProfiles()) {
    formats.push_back(std::string(profile->name()) + "-html");
    formats.push_back(std::string(profile->name()) + "-text");
  }
  return formats;
}

Result<Briefing> ParseBytes(std::string_view bytes, const std::string& source,
                            const ParseOptions& options) {
  const Profile* forced = nullptr;
  std::optional<Syntax> syntax;
  if (options.format != "auto") {
    const std::string& f = options.format;
    const size_t dash = f.rfind('-');
    if (dash != std::string::npos) {
      forced = FindProfile(std::string_view(f).substr(0, dash));
      std::string_view kind = std::string_view(f).substr(dash + 1);
      if (kind == "html") syntax = Syntax::kHtml;
      if (kind == "text") syntax = Syntax::kText;
    }
    if (forced == nullptr || !syntax) {
      return Status::InvalidArgument("unknown format '" + f + "'");
    }
  }

  Result<DecodedText> decoded = DecodeToUtf8(bytes);
  if (!decoded.ok()) return decoded.status();
  const std::string& text = decoded->utf8;
  if (!syntax) syntax = LooksLikeHtml(text) ? Syntax::kHtml : Syntax::kText;
  if (*syntax == Syntax::kHtml && EstimateNestingDepth(text) > kMaxNestingDepth) {
    return Status::NotABriefing("markup nested more than " + std::to_string(kMaxNestingDepth) +
                                " levels deep, as no transcript is");
  }
  Document document = *syntax == Syntax::kHtml ? ReadHtml(text) : ReadText(text);

  if (forced != nullptr) return BuildBriefing(*forced, document, source);
  for (const Profile* profile : AllProfiles()) {
    if (FindTitle(*profile, document)) return BuildBriefing(*profile, document, source);
  }
  std::string title = document.title_candidates.empty()
                          ? std::string()
                          : TruncateUtf8(document.title_candidates.front(), 150);
  return Status::NotABriefing(title.empty()
                                  ? "the page has no title"
                                  : "no known briefing title; the page is titled '" + title + "'");
}

Result<Briefing> ParseFile(const std::string& path, const ParseOptions& options) {
  Result<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  Result<Briefing> briefing = ParseBytes(*bytes, path, options);
  if (!briefing.ok()) return briefing.status().WithContext(path);
  return briefing;
}

}  // namespace lectern
