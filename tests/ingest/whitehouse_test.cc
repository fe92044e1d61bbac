// The White House profile end to end, on fixtures written for these tests
// (invented briefings in the shapes whitehouse.gov published them in).
#include "ingest/profiles/whitehouse.h"

#include <gtest/gtest.h>

#include "ingest/parse.h"
#include "ingest/profiles/mfa_en.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::FixturePath;
using testing::MustParse;
using testing::TurnSignatures;

TEST(WhiteHouseTitle, ReadsDateSpokespersonAndKind) {
  WhiteHouseProfile profile;
  auto facts = profile.ReadTitle("Press Briefing by Press Secretary Jay Carney, 6/22/2011");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->date, "2011-06-22");
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Jay Carney"});
  EXPECT_EQ(facts->kind, "press-briefing");

  facts = profile.ReadTitle("Press Briefing 1/22/09 | whitehouse.gov");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->title, "Press Briefing 1/22/09");  // the site's name is cut off
  EXPECT_EQ(facts->date, "2009-01-22");
  EXPECT_TRUE(facts->spokespersons.empty());
  EXPECT_EQ(facts->kind, "press-briefing");

  facts = profile.ReadTitle(
      "Press Gaggle by Press Secretary Jay Carney Aboard Air Force One en route Miami, FL, "
      "3/4/2011");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->date, "2011-03-04");
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Jay Carney"});
  EXPECT_EQ(facts->kind, "press-gaggle");

  facts = profile.ReadTitle("Briefing by White House Press Secretary Robert Gibbs, 3/11/09");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Robert Gibbs"});
  EXPECT_EQ(facts->kind, "press-briefing");

  facts = profile.ReadTitle("Press Conference by the President, November 14, 2012");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->date, "2012-11-14");
  EXPECT_EQ(facts->kind, "press-conference");
  EXPECT_TRUE(facts->spokespersons.empty());

  facts = profile.ReadTitle(
      "Press Gaggle by Principal Deputy Press Secretary Josh Earnest en route Columbus, OH, "
      "10/9/2012");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Josh Earnest"});
  EXPECT_EQ(facts->date, "2012-10-09");
}

TEST(WhiteHouseTitle, CompletesSurnamesAndFindsSeveralPressSecretaries) {
  WhiteHouseProfile profile;
  auto facts = profile.ReadTitle(
      "Press Briefing by Press Secretary Gibbs and Secretary of Homeland Security Napolitano, "
      "4/29/09");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Robert Gibbs"});

  facts = profile.ReadTitle(
      "Press Gaggle by Press Secretary Robert Gibbs and Deputy Press Secretary Bill Burton, "
      "8/6/09");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, (std::vector<std::string>{"Robert Gibbs", "Bill Burton"}));

  facts = profile.ReadTitle("Press Gaggle by Robert Gibbs - 9/7/09");  // no "Press Secretary"
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Robert Gibbs"});

  facts = profile.ReadTitle("Press Gaggle By Senior Administration Official, 4/17/09");
  ASSERT_TRUE(facts);
  EXPECT_TRUE(facts->spokespersons.empty());
  EXPECT_EQ(facts->kind, "press-gaggle");
}

TEST(WhiteHouseTitle, RefusesOtherPagesAndOtherInstitutions) {
  WhiteHouseProfile profile;
  for (const char* title :
       {"Remarks by the President on the Economy | whitehouse.gov",
        "Statement by the Press Secretary on Ruritania, 6/22/2011", "Press Briefings",
        "Press Briefings | whitehouse.gov", "The Briefing Room | whitehouse.gov",
        "James S. Brady Press Briefing Room",
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on July 24, 2020",
        "Foreign Ministry Spokesperson's Remarks on the Situation in Ruritania",
        "Daily Press Briefing - January 5, 2010", ""}) {
    EXPECT_FALSE(profile.ReadTitle(title)) << title;
  }
  // And the MFA's profile, tried first, refuses the White House's titles.
  MfaEnglishProfile mfa;
  for (const char* title :
       {"Press Briefing by Press Secretary Jay Carney, 6/22/2011", "Press Briefing 1/22/09",
        "Press Gaggle by Press Secretary Jay Carney Aboard Air Force One, 6/22/2011",
        "Briefing by White House Press Secretary Robert Gibbs, 3/11/09",
        "News Conference by the President, 7/22/2009"}) {
    EXPECT_FALSE(mfa.ReadTitle(title)) << title;
  }
}

TEST(WhiteHouseLabels, SpeakersQuestionsAndNotes) {
  WhiteHouseProfile profile;
  TitleFacts facts;
  facts.spokespersons = {"Jay Carney"};
  auto label = [&](const std::string& text, const TitleFacts& f) {
    return profile.ReadLabel(Paragraph{text, 0, false}, Syntax::kHtml, f);
  };
  auto body = [&](const std::string& text, const TitleFacts& f) {
    auto l = label(text, f);
    return l ? text.substr(l->body_start) : std::string("<no label>");
  };

  auto carney = label("MR. CARNEY: Good afternoon.", facts);
  ASSERT_TRUE(carney);
  EXPECT_EQ(carney->role, Role::kAnswer);
  EXPECT_EQ(carney->speaker, "Jay Carney");
  EXPECT_EQ(carney->text, "MR. CARNEY");
  EXPECT_EQ(body("MR. CARNEY:  Good afternoon.", facts), "Good afternoon.");

  const TitleFacts untitled;  // "Press Briefing 1/22/09": the press office is known
  EXPECT_EQ(label("MR. GIBBS: Yes.", untitled)->speaker, "Robert Gibbs");
  EXPECT_EQ(label("MS. PSAKI: Yes.", untitled)->speaker, "Jen Psaki");
  EXPECT_EQ(label("SECRETARY CLINTON: Thank you.", facts)->speaker, "Secretary Clinton");
  EXPECT_EQ(label("THE PRESIDENT: Hi, guys.", facts)->speaker, "The President");
  EXPECT_EQ(label("ADMIRAL MULLEN: Three.", facts)->speaker, "Admiral Mullen");
  EXPECT_EQ(label("MR. McDONOUGH: Sure.", facts)->speaker, "Mr. McDonough");
  EXPECT_EQ(label("SENIOR ADMINISTRATION OFFICIAL: Again.", facts)->speaker,
            "Senior Administration Official");
  EXPECT_EQ(label("Mr. CARNEY: Again.", facts)->speaker, "Jay Carney");
  EXPECT_EQ(label("OPERATOR: Next question.", facts)->role, Role::kStatement);

  auto q = label("Q Thanks, Robert.", facts);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->role, Role::kQuestion);
  EXPECT_FALSE(q->outlet);
  EXPECT_FALSE(q->speaker);
  EXPECT_EQ(q->text, "Q");
  EXPECT_EQ(body("Q Thanks, Robert.", facts), "Thanks, Robert.");
  EXPECT_EQ(body("Q", facts), "");
  EXPECT_EQ(body("Q* Dispersants", facts), "Dispersants");
  EXPECT_EQ(body("QThanks, Jay.", facts), "Thanks, Jay.");  // the page lost the space
  EXPECT_EQ(body("Q-- of your own party.", facts), "-- of your own party.");
  EXPECT_EQ(body("Q 10:15 a.m. in Australia?", facts), "10:15 a.m. in Australia?");

  // A time stamp or a correction mark before a label stays in the label.
  auto stamped = label("1:40 P.M. EST MR. GIBBS: Good afternoon.", untitled);
  ASSERT_TRUE(stamped);
  EXPECT_EQ(stamped->speaker, "Robert Gibbs");
  EXPECT_EQ(stamped->text, "1:40 P.M. EST MR. GIBBS");
  EXPECT_EQ(body("1:40 P.M. EST MR. GIBBS: Good afternoon.", untitled), "Good afternoon.");
  EXPECT_EQ(body("CORRECTED: Q Jay, one thing.", facts), "Jay, one thing.");

  for (const char* note :
       {"(Laughter.)",
        "(Applause.)",
        "[Inaudible]",
        "(Cross talk.)",
        "[Cross-talk.]",
        "(Cell phone rings.) (Laughter.)",
        "1:40 P.M. EST",
        "12:47 P.M. EDT",
        "9:45 A.M (Local)",
        "END",
        "END 2:29 P.M. EST",
        "THE WHITE HOUSE",
        "Office of the Press Secretary",
        "For Immediate Release February 2, 2009",
        "February 2, 2009",
        "James S. Brady Press Briefing Room",
        "Aboard Air Force One",
        "En Route Miami, Florida",
        "Press Briefing by Press Secretary Robert Gibbs",
        "PRESS BRIEFING BY",
        "BY",
        "Las Vegas, Nevada",
        "Vdara Hotel",
        "###",
        "* * * * *",
        "_______________",
        "See below for an answer to a question (marked with an asterisk) posed in the briefing.",
        "*The harbor bill will create about 4,000 jobs.",
        "NOTE: The event is open press."}) {
    auto l = label(note, facts);
    ASSERT_TRUE(l) << note;
    EXPECT_EQ(l->role, Role::kNote) << note;
    EXPECT_EQ(l->body_start, 0u) << note;
    EXPECT_EQ(l->text, "") << note;
    EXPECT_FALSE(l->speaker) << note;
  }

  // Prose, calls on reporters, inline notes: no label, the turn goes on.
  for (const char* prose :
       {"Jennifer.", "Chip.", "Ben Feller.", "VOA.", "Mr. Feller, take us away.",
        "(Laughter.) I mean it.", "The President said it plainly: we will act.",
        "Question two: what happens next?", "Quite frankly, that is all.",
        "At 10:30: the meeting starts", "--", "And with that, I will take your questions.",
        "Qaddafi and his actions", "QDR review"}) {
    EXPECT_FALSE(label(prose, facts)) << prose;
  }
}

TEST(WhiteHouseLabels, TitleCase) {
  EXPECT_EQ(WhiteHouseTitleCase("MR. McDONOUGH"), "Mr. McDonough");
  EXPECT_EQ(WhiteHouseTitleCase("THE VICE PRESIDENT"), "The Vice President");
  EXPECT_EQ(WhiteHouseTitleCase("MS. SHERWOOD-RANDALL"), "Ms. Sherwood-Randall");
  EXPECT_EQ(WhiteHouseTitleCase("SECRETARY OF THE TREASURY GEITHNER"),
            "Secretary of the Treasury Geithner");
  EXPECT_EQ(WhiteHouseTitleCase("U.S. TRADE REPRESENTATIVE KIRK"),
            "U.S. Trade Representative Kirk");
}

TEST(WhiteHouse, GaggleWithOfficialsNotesAndEnd) {
  Briefing b = MustParse("whitehouse/gaggle_2011.html");
  EXPECT_EQ(b.institution, "white-house");
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.date, "2011-06-22");
  EXPECT_EQ(b.kind, "press-gaggle");
  EXPECT_EQ(b.title,
            "Press Gaggle by Press Secretary Jay Carney Aboard Air Force One en route Ruritania, "
            "6/22/2011");
  EXPECT_EQ(b.id, "white-house-en-2011-06-22-press-gaggle-fd55070e");
  EXPECT_EQ(b.spokespersons, (std::vector<std::string>{"Jay Carney", "Under Secretary McAllister",
                                                       "The President"}));
  EXPECT_EQ(
      TurnSignatures(b),
      (std::vector<std::string>{
          "- | note | - | Aboard Air Force One",
          "- | note | - | En Route Ruritania",
          "- | note | - | 10:02 A.M. EDT",
          "Jay Carney | answer | - | Good morning, everyone. Welcome aboard Air Force One as we "
          "make our way to Ruritania.\nThe President will meet the Prime Minister this afternoon "
          "at the harbor. He is looking forward to it. (Laughter.) I mean it.\nWith that, I will "
          "take your questions. Julie.",
          "- | question | - | Jay, what will the President ask the Prime Minister?",
          "Jay Carney | answer | - | He will ask about the harbor project.",
          "- | question | - | And the fishing quotas?",
          "Jay Carney | answer | - | I am not going to get ahead of the meeting.",
          "- | note | - | (Laughter.)",
          "Jay Carney | answer | - | But I can tell you the talks will be friendly.",
          "- | question | - | Will there be a readout --",
          "- | question | - | -- and a photo?",
          "Jay Carney | answer | - | There will be a readout. Let me turn it over to the Under "
          "Secretary for the details.",
          "Under Secretary McAllister | answer | - | Thanks, Jay. The harbor project would "
          "deepen the channel by four meters.",
          "- | question | - | How much will it cost?",
          "Under Secretary McAllister | answer | - | About twelve million dollars, shared "
          "between the two governments.",
          "- | note | - | (The President enters the cabin.)",
          "The President | answer | - | Hi, guys. Do not let Jay keep you too long.",
          "- | note | - | [Inaudible]",
          "- | question | - | Mr. President, any message for Ruritania?",
          "The President | answer | - | We are glad to be going.",
          "Jay Carney | answer | - | Thanks, everybody.",
          "- | note | - | END 10:21 A.M. EDT",
      }));
  EXPECT_EQ(b.turns[3].label, "MR. CARNEY");
  EXPECT_EQ(b.turns[4].label, "Q");
  EXPECT_EQ(b.turns[9].label, "");  // resumed after the note
  EXPECT_EQ(
      b.exchanges,
      (std::vector<Exchange>{
          {{4}, {5}}, {{6}, {7, 9}}, {{10, 11}, {12, 13}}, {{14}, {15, 17}}, {{19}, {20, 21}}}));
}

TEST(WhiteHouse, LegacyParagraphDivsAndAnUndatedTitleWithoutAName) {
  // The archived 2009 pages put each paragraph in a <div class="legacy-para">.
  Briefing b = MustParse("whitehouse/legacy_2009.html");
  EXPECT_EQ(b.date, "2009-01-26");
  EXPECT_EQ(b.kind, "press-briefing");
  EXPECT_EQ(b.spokespersons, (std::vector<std::string>{"Robert Gibbs", "Admiral Mullen"}));
  EXPECT_EQ(TurnSignatures(b),
            (std::vector<std::string>{
                "- | note | - | Press Briefing by Press Secretary Robert Gibbs",
                "- | note | - | James S. Brady Press Briefing Room",
                "- | note | - | 1:42 P.M. EST",
                "Robert Gibbs | answer | - | Good afternoon. Let me start with a couple of "
                "announcements.\nThe President will travel to Ruritania next week to open the new "
                "harbor.\nJennifer.",
                "- | question | - | Thanks, Robert. Will the Admiral travel with him?",
                "Robert Gibbs | answer | - | He will, and he is here to tell you about it.",
                "Admiral Mullen | answer | - | Thank you, Robert. The fleet will be in the harbor "
                "for the opening. (Laughter.)",
                "- | question | - | How many ships?",
                "Admiral Mullen | answer | - | Three.",
                "Robert Gibbs | answer | - | Chip.",
                "- | question | - | Robert, on the budget --",
                "Robert Gibbs | answer | - | We will have more on that tomorrow. Thanks, guys.",
                "- | note | - | END 2:29 P.M. EST",
            }));
  EXPECT_EQ(b.exchanges.size(), 3u);
}

TEST(WhiteHouse, ReleaseHeaderNotesAndTheDateFromTheBody) {
  Briefing b = MustParse("whitehouse/release_undated.html");
  EXPECT_EQ(b.title, "Briefing by White House Press Secretary Robert Gibbs");
  EXPECT_EQ(b.date, "2009-02-02");  // the title has none: the release's date line
  EXPECT_EQ(b.id.rfind("white-house-en-2009-02-02-press-briefing-", 0), 0u) << b.id;
  EXPECT_EQ(b.spokespersons, std::vector<std::string>{"Robert Gibbs"});
  EXPECT_EQ(
      TurnSignatures(b),
      (std::vector<std::string>{
          "- | note | - | THE WHITE HOUSE",
          "- | note | - | Office of the Press Secretary",
          "- | note | - | _________________________________________________________________",
          "- | note | - | For Immediate Release",
          "- | note | - | February 2, 2009",
          "- | note | - | PRESS BRIEFING BY PRESS SECRETARY ROBERT GIBBS",
          "- | note | - | Vdara Hotel",
          "- | note | - | Las Vegas, Nevada",
          "- | note | - | See below for an answer to a question (marked with an asterisk) posed "
          "in the briefing that required follow up.",
          "- | note | - | 1:49 P.M. EST",
          "Robert Gibbs | answer | - | How are you guys?",
          "- | question | - | Same to you.",
          "Robert Gibbs | answer | - | Let me make a quick announcement. The President will "
          "sign the harbor bill tomorrow.",
          "- | question | - | Robert, how many jobs will it create?*",
          "Robert Gibbs | answer | - | I will get you that number.",
          "- | note | - | END 2:35 P.M. EST",
          "- | note | - | *The harbor bill will create about 4,000 jobs.",
      }));
}

TEST(WhiteHouse, TheFormatCanBeForcedAndPagesThatAreNotBriefingsAreRefused) {
  Briefing forced = MustParse("whitehouse/gaggle_2011.html", "whitehouse-en-html");
  EXPECT_EQ(forced, MustParse("whitehouse/gaggle_2011.html"));
  struct Case {
    const char* fixture;
    const char* reason;
  };
  for (const Case& c :
       {Case{"whitehouse/remarks.html", "titled 'Remarks by the President on the Ruritanian"},
        Case{"whitehouse/listing.html", "titled 'Press Briefings | whitehouse.gov'"},
        Case{"whitehouse/title_only.html", "no transcript text"}}) {
    Result<Briefing> b = ParseFile(FixturePath(c.fixture), ParseOptions{});
    ASSERT_FALSE(b.ok()) << c.fixture;
    EXPECT_EQ(b.status().code(), Status::Code::kNotABriefing) << c.fixture;
    EXPECT_NE(b.status().message().find(c.reason), std::string::npos) << b.status().message();
  }
  // The MFA's profile, forced on a White House page, refuses it.
  Result<Briefing> mfa =
      ParseFile(FixturePath("whitehouse/gaggle_2011.html"), ParseOptions{"mfa-en-html"});
  ASSERT_FALSE(mfa.ok());
  EXPECT_EQ(mfa.status().code(), Status::Code::kNotABriefing);
}

}  // namespace
}  // namespace lectern
