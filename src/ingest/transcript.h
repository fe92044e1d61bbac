// The transcript grammar shared by every profile: paragraphs to turns and
// exchanges.
//
// - The title (and any breadcrumb before it) is taken out of the body.
// - A paragraph that opens with a label starts a turn; an unlabelled
//   paragraph continues the current turn, so answers of many paragraphs stay
//   whole. Before the first label, paragraphs are a statement (announcements)
//   by the spokesperson.
// - In HTML, emphasis settles what labels leave open: a paragraph with no
//   bold after a wholly bold question is its answer; a wholly bold paragraph
//   after an answer is a new, unlabelled question.
// - "A:" and unnamed statements are given to the sole spokesperson of the
//   title; with several or none, the speaker stays null.
// - A note (a profile's label with role kNote: "(Laughter.)", a time stamp)
//   is a turn of its own; an unlabelled paragraph after it resumes the
//   speech it interrupted, as a new turn of the same speaker and role.
// - Each question, with the questions that follow it directly, opens an
//   exchange; the answers after it join that exchange. Notes are skipped.
// Nothing is dropped but the title and breadcrumb, which go into fields.
#pragma once

#include <optional>
#include <string>

#include "base/status.h"
#include "ingest/document.h"
#include "ingest/profile.h"
#include "model/briefing.h"

namespace lectern {

// The first of the document's title candidates that `profile` reads as one
// of its titles, with the candidate as it was printed.
struct FoundTitle {
  TitleFacts facts;
  std::string printed;
};
std::optional<FoundTitle> FindTitle(const Profile& profile, const Document& document);

// Fails with kNotABriefing when no title candidate is one of the profile's
// titles, or when the body holds no text.
Result<Briefing> BuildBriefing(const Profile& profile, const Document& document,
                               const std::string& source);

// A briefing's stable id: institution, language, date and kind, plus a short
// hash of the title for kinds that may occur several times a day.
std::string MakeBriefingId(const Briefing& briefing);

}  // namespace lectern
