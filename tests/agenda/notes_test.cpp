#include "agenda/notes.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

TEST(Notes, ANoteRunsToTheEndOfItsText) {
  NoteSplitter splitter;
  NoteSplit split = splitter.split("Burgers rekenen erop Noot: Mits van toepassing");
  EXPECT_EQ(split.text, "Burgers rekenen erop");
  EXPECT_EQ(split.notes, std::vector<std::string>{"Mits van toepassing"});
}

TEST(Notes, ANoteEndsAtALineBreak) {
  NoteSplitter splitter;
  NoteSplit split = splitter.split("Eerste regel Noot: een noot\nTweede regel");
  EXPECT_EQ(split.text, "Eerste regel\nTweede regel");
  EXPECT_EQ(split.notes, std::vector<std::string>{"een noot"});
}

TEST(Notes, TheMainTextResumesAfterAListedNoteEnding) {
  NoteSplitter splitter({"voor derden"});
  NoteSplit split = splitter.split("Begin. Noot: Bronnen beschikbaar voor derden Nederland steunt");
  EXPECT_EQ(split.text, "Begin. Nederland steunt");
  EXPECT_EQ(split.notes, std::vector<std::string>{"Bronnen beschikbaar voor derden"});
  EXPECT_TRUE(splitter.unused_note_ends().empty());
}

TEST(Notes, NamesInsideANoteDoNotEndIt) {
  NoteSplitter splitter;
  NoteSplit split = splitter.split(
      "Beschermen Noot: de motie van de leden Ceder en Bontenbal. U ontvangt een Kamerbrief");
  EXPECT_EQ(split.text, "Beschermen");
  EXPECT_EQ(split.notes.size(), 1U);
}

TEST(Notes, ReportsListedEndingsThatNoNoteUsed) {
  NoteSplitter splitter({"nergens gebruikt"});
  (void)splitter.split("Tekst Noot: iets anders");
  EXPECT_EQ(splitter.unused_note_ends(), std::vector<std::string>{"nergens gebruikt"});
}

} // namespace
} // namespace wa::agenda

namespace wa::agenda {
namespace {

TEST(Notes, EachNoteKnowsWhereInTheTextItStood) {
  NoteSplitter splitter({"VMWare 2022"});
  NoteSplit split = splitter.split("Eerste zin. Tweede zin. Noot: VMWare 2022 Derde zin.");
  EXPECT_EQ(split.text, "Eerste zin. Tweede zin. Derde zin.");
  ASSERT_EQ(split.anchors.size(), 1U);
  EXPECT_EQ(split.text.substr(0, split.anchors[0]), "Eerste zin. Tweede zin.");
}

TEST(Notes, TheSentenceANoteSupportsIsTheLastBeforeIt) {
  EXPECT_EQ(last_sentence("Eerste zin. Tegelijkertijd geeft 43 procent aan dat het kan."),
            "Tegelijkertijd geeft 43 procent aan dat het kan.");
  EXPECT_EQ(last_sentence("Burgers rekenen erop"), "Burgers rekenen erop");
  EXPECT_EQ(last_sentence("Eerste regel\nTweede regel"), "Tweede regel");
  EXPECT_EQ(last_sentence(""), "");
}

TEST(Notes, AFullStopBeforeASmallLetterEndsNoSentence) {
  EXPECT_EQ(last_sentence("Zoals o.a. gemeenten. Met bijv. de AVG"), "Met bijv. de AVG");
}

} // namespace
} // namespace wa::agenda
