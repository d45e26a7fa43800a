// "Gaps are not facts": what the source text lacks is marked as such, what
// the extraction damaged is mended only through the listed corrections, notes
// keep the sentence they support, and what the agenda says about itself (its
// grouping of programme lines, its promise on open indicators) is data. Each
// fact was checked against the source text by hand; lines are its lines.
#include "agenda/dataset.hpp"

#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/agenda_terms.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace wa::agenda {
namespace {

using rdf::Term;
using test::agenda_part;
using test::dcterms;
using test::id;
using test::lexical;
using test::rdf_type;
using test::wa;

const Term rdf_value = Term::iri(ns::term(ns::rdf, "value"));

std::set<std::string> iris(const std::vector<Term>& terms) {
  std::set<std::string> values;
  for (const Term& term : terms)
    values.insert(term.value);
  return values;
}

std::set<std::string> with_gap(std::string_view gap) {
  return iris(agenda_part().subjects(wa("sourceGap"), wa(gap)));
}

std::set<std::string> instances_without(std::string_view cls, std::string_view property) {
  std::set<std::string> found;
  for (const Term& item : agenda_part().subjects(rdf_type, wa(cls))) {
    if (agenda_part().objects(item, wa(property)).empty()) found.insert(item.value);
  }
  return found;
}

// --- Gaps -----------------------------------------------------------------------------------

TEST(SourceGaps, EveryGoalWithoutAnIndicatorIsMarkedAndNoOther) {
  std::set<std::string> marked = with_gap("IndicatorNotInSourceText");
  EXPECT_EQ(marked, instances_without("Goal", "indicator"));
  EXPECT_EQ(marked.size(), 45U);
  EXPECT_TRUE(marked.contains(id("goal/1.1.3"))); // line 114: "|" alone, the cell is empty
}

TEST(SourceGaps, AnIndicatorToBeDeterminedIsNoGap) {
  // Goal 1.1.2 (line 113): "Nog te bepalen" is what the agenda says, not a lost cell.
  EXPECT_FALSE(with_gap("IndicatorNotInSourceText").contains(id("goal/1.1.2")));
  EXPECT_EQ(lexical(id("indicator/1.1.2"), wa("toBeDetermined")), "true");
}

TEST(SourceGaps, EveryActionWithoutAPlannedResultIsMarked) {
  std::set<std::string> marked = with_gap("PlannedResultNotInSourceText");
  EXPECT_EQ(marked, instances_without("Action", "plannedResult"));
  EXPECT_EQ(marked.size(), 100U);
  EXPECT_FALSE(marked.contains(id("action/1.1.2"))); // "50.000 apparaten ...", line 127
}

TEST(SourceGaps, TheOneActionWithoutExecutorsIsMarked) {
  EXPECT_EQ(with_gap("ExecutorNotInSourceText"), std::set<std::string>{id("action/1.2.1")});
  EXPECT_EQ(with_gap("ExecutorNotInSourceText"), instances_without("Action", "executorStatement"));
}

TEST(SourceGaps, TextsThatAnnounceALostListAreMarked) {
  const std::set<std::string> expected = {
      id("goal/1.2.1"),                 // line 157: "Alle overheidsdienstverlenging is:"
      id("goal/5.1.2"),                 // line 805: "... mee laten doen in het digitale leven:"
      id("planned-result/4.1.6-2023"),  // line 659: "... streven naar:"
      id("planned-result/4.1.6-2025")}; // line 661: "Afhankelijk van uitkomst verkenning:"
  EXPECT_EQ(with_gap("ListNotInSourceText"), expected);
}

TEST(SourceGaps, EveryGapKindIsDeclaredInTheOntology) {
  const rdf::Model& ontology = test::real_dataset().part("ontology");
  for (const char* gap : {"IndicatorNotInSourceText", "PlannedResultNotInSourceText",
                          "ExecutorNotInSourceText", "ListNotInSourceText"}) {
    EXPECT_TRUE(ontology.contains({wa(gap), rdf_type, wa("SourceGap")})) << gap;
  }
}

// --- Corrections ----------------------------------------------------------------------------

struct ExpectedCorrection {
  std::string item;
  int line;
  std::string extracted;
  std::string corrected;
};

const std::vector<ExpectedCorrection>& listed_corrections() {
  static const std::vector<ExpectedCorrection> corrections = {
      {"challenge/1.3", 196, "gedachtenvormingbeïnvloeden", "gedachtenvorming beïnvloeden"},
      {"challenge/1.3", 196, "openeconomie", "open economie"},
      {"challenge/1.3", 196, "inpublieke", "in publieke"},
      {"goal/2.1.3", 288, "‘digital commons’1", "‘digital commons’"},
      {"goal/2.2.1", 336, "alle1 overheden", "alle overheden"},
      {"challenge/3.1", 462, "zoveel mogelijk1 kunnen", "zoveel mogelijk kunnen"},
      {"goal/4.3.3", 725, "[i-strategie – thema 8]I", "[i-strategie – thema 8]"}};
  return corrections;
}

TEST(Corrections, EachMendsTheTextOfItsItemAndSaysSo) {
  for (const ExpectedCorrection& expected : listed_corrections()) {
    const std::string text = lexical(id(expected.item), dcterms("description"));
    EXPECT_NE(text.find(expected.corrected), std::string::npos) << expected.item;
    EXPECT_EQ(text.find(expected.extracted), std::string::npos) << expected.item;
    bool recorded = false;
    for (const Term& correction :
         agenda_part().objects(Term::iri(id(expected.item)), wa("correction"))) {
      recorded |= agenda_part().contains(
                      {correction, wa("extractedText"), Term::literal(expected.extracted, "nl")}) &&
                  agenda_part().contains(
                      {correction, wa("correctedText"), Term::literal(expected.corrected, "nl")}) &&
                  lexical(correction.value, wa("sourceLine")) == std::to_string(expected.line);
    }
    EXPECT_TRUE(recorded) << expected.item << " " << expected.extracted;
  }
  EXPECT_EQ(agenda_part().subjects(rdf_type, wa("Correction")).size(), listed_corrections().size());
}

TEST(Corrections, NoFootnoteMarkerIsLeftInTheDutchText) {
  agenda_part().for_each_triple([](const rdf::Triple& triple) {
    if (triple.object.language != "nl") return;
    if (triple.predicate == wa("extractedText")) return;
    for (const char* marker : {"alle1 ", "’1", "mogelijk1 ", "]I"}) {
      EXPECT_EQ(triple.object.value.find(marker), std::string::npos)
          << triple.subject.value << " " << marker;
    }
  });
}

TEST(Corrections, TextSearchFindsTheMendedWords) {
  EXPECT_NE(lexical(id("challenge/1.3"), dcterms("description"))
                .find("hun gedachtenvorming beïnvloeden."),
            std::string::npos);
}

// --- Footnotes ------------------------------------------------------------------------------

std::map<std::string, std::string> footnotes_of(const std::string& item) {
  std::map<std::string, std::string> supports; // note text -> sentence it supports
  for (const Term& footnote : agenda_part().objects(Term::iri(id(item)), wa("footnote"))) {
    supports[lexical(footnote.value, rdf_value)] = lexical(footnote.value, wa("supports"));
  }
  return supports;
}

TEST(Footnotes, EachOfTheTwoSourcesOfChallengeTwoThreeSupportsItsOwnSentence) {
  std::map<std::string, std::string> notes = footnotes_of("challenge/2.3");
  ASSERT_EQ(notes.size(), 2U);
  EXPECT_TRUE(notes["VMWare 2022"].starts_with("Tegelijkertijd geeft 43 procent"))
      << notes["VMWare 2022"];
  EXPECT_TRUE(notes["Toekomstverkenning Digitalisering in 2030"].starts_with(
      "Ook is niet iedereen in staat"))
      << notes["Toekomstverkenning Digitalisering in 2030"];
}

TEST(Footnotes, TheNoteOnAlleSupportsTheGoalItStandsIn) {
  std::map<std::string, std::string> notes = footnotes_of("goal/2.2.1");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes.begin()->second,
            "Burgers kunnen erop rekenen dat alle overheden conform de AVG handelen");
}

TEST(Footnotes, EveryNoteIsAlsoAFootnoteWithItsLine) {
  const Term skos_note = Term::iri(ns::term(ns::skos, "note"));
  std::size_t notes = 0;
  agenda_part().for_each_triple([&](const rdf::Triple& triple) {
    if (triple.predicate == skos_note) ++notes;
  });
  std::vector<Term> footnotes = agenda_part().subjects(rdf_type, wa("Footnote"));
  EXPECT_EQ(footnotes.size(), notes);
  for (const Term& footnote : footnotes)
    EXPECT_NE(lexical(footnote.value, wa("sourceLine")), "<none>") << footnote.value;
}

// --- What the agenda says about itself --------------------------------------------------------

TEST(AgendaAboutItself, ThePromiseOnOpenIndicatorsIsData) {
  const std::string commitment = id("commitment/indicators-to-be-determined");
  EXPECT_EQ(lexical(id("agenda/2022"), wa("commitment")), commitment);
  EXPECT_EQ(lexical(commitment, wa("sourceLine")), "93");
  EXPECT_EQ(lexical(commitment, wa("dueBy")), "2023-06-30");
  EXPECT_TRUE(lexical(commitment, dcterms("description"))
                  .starts_with("Waar ‘nog te bepalen’ staat, worden in de eerste helft van 2023"));
}

TEST(AgendaAboutItself, EveryIndicatorToBeDeterminedFallsUnderThePromise) {
  std::set<std::string> to_be_determined;
  for (const Term& indicator : agenda_part().subjects(
           wa("toBeDetermined"), Term::typed("true", ns::term(ns::xsd, "boolean")))) {
    to_be_determined.insert(indicator.value);
  }
  EXPECT_FALSE(to_be_determined.empty());
  EXPECT_EQ(iris(agenda_part().subjects(wa("commitment"),
                                        Term::iri(id("commitment/indicators-to-be-determined")))),
            [&] {
              std::set<std::string> expected = to_be_determined;
              expected.insert(id("agenda/2022"));
              return expected;
            }());
}

TEST(AgendaAboutItself, TheProgrammeLinesAreGroupedAsTheTextGroupsThem) {
  const Term member = Term::iri(ns::term(ns::skos, "member"));
  auto members = [&](const std::string& group) {
    return iris(agenda_part().objects(Term::iri(id(group)), member));
  };
  EXPECT_EQ(lexical(id("programme-line-group/1"), dcterms("title")), "Fundament");
  EXPECT_EQ(members("programme-line-group/1"),
            (std::set<std::string>{id("programme-line/1"), id("programme-line/2"),
                                   id("programme-line/3")}));
  EXPECT_EQ(lexical(id("programme-line-group/2"), dcterms("title")), "Overheid");
  EXPECT_EQ(members("programme-line-group/2"), std::set<std::string>{id("programme-line/4")});
  EXPECT_EQ(lexical(id("programme-line-group/3"), dcterms("title")),
            "Caribisch deel van het Koninkrijk");
  EXPECT_EQ(members("programme-line-group/3"), std::set<std::string>{id("programme-line/5")});
  EXPECT_EQ(lexical(id("programme-line-group/1"), wa("sourceLine")), "56");
}

// --- The provenance statement gives the real counts -----------------------------------------

TEST(Provenance, TheCatalogueStatesTheCountsOfMarkedGaps) {
  rdf::Model catalogue;
  rdf::read_file(catalogue, test::project_root() / "data/curated/catalogue.ttl",
                 test::default_base());
  const Term statement = Term::iri(test::default_base() + "dataset#provenance");
  std::string english;
  for (const Term& label : catalogue.objects(statement, Term::iri(ns::term(ns::rdfs, "label"))))
    if (label.language == "en") english = label.value;
  const std::string goals = std::to_string(with_gap("IndicatorNotInSourceText").size());
  const std::string actions = std::to_string(with_gap("PlannedResultNotInSourceText").size());
  const std::string lists = std::to_string(with_gap("ListNotInSourceText").size());
  EXPECT_NE(english.find(goals + " of the 51 goals"), std::string::npos) << english;
  EXPECT_NE(english.find(actions + " of the 102 actions"), std::string::npos) << english;
  EXPECT_NE(english.find("action 1.2.1"), std::string::npos) << english;
  EXPECT_NE(english.find(lists + " texts"), std::string::npos) << english;
}

} // namespace
} // namespace wa::agenda
