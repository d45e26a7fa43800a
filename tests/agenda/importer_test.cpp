#include "agenda/importer.hpp"

#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wa::agenda {
namespace {

using rdf::Term;

AliasIndex fragment_bodies() {
  return AliasIndex({{"BZK", Term::iri("urn:bzk")}, {"VNG", Term::iri("urn:vng")}});
}

ImportResult import_fragment() {
  NoteSplitter notes({"eindigt bij deze woorden"});
  return import_agenda(read_source_lines(test::test_data("agenda/fragment.txt")), fragment_bodies(),
                       notes);
}

/// The real source, read with the real curated organisations and note endings.
struct RealImport {
  ImportResult result;
  std::vector<std::string> unused_note_ends;
};

const RealImport& real_import() {
  static const RealImport imported = [] {
    rdf::Model organisations;
    rdf::read_file(organisations, test::project_root() / "data/curated/organisations.ttl",
                   test::default_base());
    AliasIndex bodies =
        AliasIndex::of_instances(organisations, Term::iri(ns::term(ns::org, "Organization")));
    DatasetInputs inputs = DatasetInputs::under(test::project_root());
    NoteSplitter notes = NoteSplitter::from_file(inputs.note_ends);
    ImportResult result = import_agenda(read_source_lines(inputs.source_text), bodies, notes);
    return RealImport{std::move(result), notes.unused_note_ends()};
  }();
  return imported;
}

const Priority& priority(const Agenda& agenda, int line, int number) {
  return agenda.programme_lines.at(static_cast<std::size_t>(line - 1))
      .priorities.at(static_cast<std::size_t>(number - 1));
}

// --- The parser's rules, on a small fragment ---------------------------------

TEST(Importer, ReportsALineItCannotPlaceWithItsNumber) {
  ImportResult result = import_fragment();
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].line, 27);
  EXPECT_EQ(result.diagnostics[0].text, "Deze regel hoort nergens bij");
}

TEST(Importer, GroupsProgrammeLinesByTheirTitleAndReportsAnUnknownTitle) {
  NoteSplitter notes({"eindigt bij deze woorden"});
  ImportResult result =
      import_agenda(read_source_lines(test::test_data("agenda/grouping-with-unknown-line.txt")),
                    fragment_bodies(), notes);
  ASSERT_EQ(result.agenda.groups.size(), 1U);
  EXPECT_EQ(result.agenda.groups[0].title, "Fundament");
  EXPECT_EQ(result.agenda.groups[0].programme_lines, std::vector<int>{1});
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].line, 9);
  EXPECT_EQ(result.diagnostics[0].text, "Een lijn die de tekst niet heeft");
}

TEST(Importer, ReadsProgrammeLinesAndTheAgendaNote) {
  ImportResult result = import_fragment();
  ASSERT_EQ(result.agenda.programme_lines.size(), 1U);
  EXPECT_EQ(result.agenda.programme_lines[0].title, "Iedereen doet mee");
  EXPECT_EQ(result.agenda.programme_lines[0].description, "Beschrijving van de lijn.");
  EXPECT_EQ(result.agenda.notes.size(), 1U);
}

TEST(Importer, SeparatesAFootnoteFromTheParagraphItInterrupts) {
  ImportResult result = import_fragment();
  const Challenge& challenge = priority(result.agenda, 1, 1).challenge;
  EXPECT_EQ(challenge.text, "Eerste alinea met de AVG. Daarna loopt de alinea door.");
  ASSERT_EQ(challenge.notes.size(), 1U);
  EXPECT_EQ(challenge.notes[0].text, "Een voetnoot die eindigt bij deze woorden");
}

TEST(Importer, MendsABulletBrokenInTwo) {
  ImportResult result = import_fragment();
  const Priority& read = priority(result.agenda, 1, 1);
  ASSERT_EQ(read.achieved_results.size(), 1U);
  EXPECT_EQ(read.achieved_results[0].text,
            "Een resultaat over producten en -diensten gestimuleerd");
}

TEST(Importer, ReadsGoalsWithAndWithoutIndicator) {
  ImportResult result = import_fragment();
  const Priority& read = priority(result.agenda, 1, 1);
  ASSERT_EQ(read.goals.size(), 2U);
  ASSERT_TRUE(read.goals[0].indicator.has_value());
  EXPECT_TRUE(read.goals[0].indicator->to_be_determined);
  EXPECT_EQ(read.goals[1].text, "Een doel zonder indicator");
  EXPECT_FALSE(read.goals[1].indicator.has_value());
}

TEST(Importer, ReadsAnActionsResultsExecutorsAndNote) {
  ImportResult result = import_fragment();
  const Action& action = priority(result.agenda, 1, 1).actions.at(0);
  EXPECT_EQ(action.description, "Een actie");
  ASSERT_EQ(action.notes.size(), 1U);
  EXPECT_EQ(action.notes[0].text, "een noot in de cel");
  ASSERT_EQ(action.planned_results.size(), 2U);
  EXPECT_EQ(action.planned_results[0].year, 2023);
  EXPECT_EQ(action.planned_results[1].text, "Resultaat twee");
  ASSERT_TRUE(action.executors.has_value());
  EXPECT_EQ(action.executors->lead, "urn:bzk");
  EXPECT_EQ(action.source.section, "1.1b");
}

TEST(Importer, FindsExecutorsShiftedIntoAResultColumn) {
  ImportResult result = import_fragment();
  const Action& action = priority(result.agenda, 1, 1).actions.at(1);
  EXPECT_TRUE(action.planned_results.empty());
  ASSERT_TRUE(action.executors.has_value());
  EXPECT_EQ(action.executors->statement, "BZK");
}

// --- The real agenda ---------------------------------------------------------

TEST(ImporterOnTheAgenda, PlacesEveryLine) {
  for (const Diagnostic& diagnostic : real_import().result.diagnostics) {
    ADD_FAILURE() << "line " << diagnostic.line << ": " << diagnostic.problem << ": "
                  << diagnostic.text;
  }
}

TEST(ImporterOnTheAgenda, UsesEveryListedNoteEnding) {
  EXPECT_TRUE(real_import().unused_note_ends.empty());
}

TEST(ImporterOnTheAgenda, FindsFiveLinesFifteenPrioritiesFiftyOneGoalsAndOneHundredTwoActions) {
  const Agenda& agenda = real_import().result.agenda;
  ASSERT_EQ(agenda.programme_lines.size(), 5U);
  std::size_t priorities = 0;
  std::size_t goals = 0;
  std::size_t actions = 0;
  for (const ProgrammeLine& line : agenda.programme_lines) {
    priorities += line.priorities.size();
    for (const Priority& read : line.priorities) {
      EXPECT_EQ(read.programme_line, line.number) << read.id();
      goals += read.goals.size();
      actions += read.actions.size();
    }
  }
  EXPECT_EQ(priorities, 15U);
  EXPECT_EQ(goals, 51U);
  EXPECT_EQ(actions, 102U);
}

TEST(ImporterOnTheAgenda, NumbersPrioritiesAsThePublicationDoes) {
  const std::vector<std::size_t> priorities_per_line = {4, 4, 3, 3, 1};
  const Agenda& agenda = real_import().result.agenda;
  for (std::size_t i = 0; i < agenda.programme_lines.size(); ++i) {
    EXPECT_EQ(agenda.programme_lines[i].priorities.size(), priorities_per_line[i]);
  }
  EXPECT_EQ(priority(agenda, 5, 1).title,
            "Versterken van de digitale samenleving in het Caribisch deel van het Koninkrijk");
}

TEST(ImporterOnTheAgenda, ReadsTheGroupingOfTheProgrammeLines) {
  const std::vector<ProgrammeLineGroup>& groups = real_import().result.agenda.groups;
  ASSERT_EQ(groups.size(), 3U);
  EXPECT_EQ(groups[0].title, "Fundament");
  EXPECT_EQ(groups[0].programme_lines, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(groups[0].line, 56);
  EXPECT_EQ(groups[1].title, "Overheid");
  EXPECT_EQ(groups[1].programme_lines, std::vector<int>{4});
  EXPECT_EQ(groups[2].title, "Caribisch deel van het Koninkrijk");
  EXPECT_EQ(groups[2].programme_lines, std::vector<int>{5});
}

TEST(ImporterOnTheAgenda, ReadsThePromiseOnIndicatorsToBeDetermined) {
  const std::optional<Commitment>& promise =
      real_import().result.agenda.indicators_to_be_determined;
  ASSERT_TRUE(promise.has_value());
  EXPECT_EQ(promise->line, 93);
  EXPECT_EQ(promise->first_half_of, 2023);
  EXPECT_TRUE(promise->text.starts_with("Waar ‘nog te bepalen’ staat")) << promise->text;
}

TEST(ImporterOnTheAgenda, ANoteKeepsTheSentenceItFollows) {
  // Challenge 2.3 (lines 369-371): each source follows the sentence it supports.
  const std::vector<Note>& notes = priority(real_import().result.agenda, 2, 3).challenge.notes;
  ASSERT_EQ(notes.size(), 2U);
  EXPECT_EQ(notes[0].text, "VMWare 2022");
  EXPECT_TRUE(notes[0].supports.starts_with("Tegelijkertijd geeft 43 procent"))
      << notes[0].supports;
  EXPECT_EQ(notes[1].source.line, 371);
  EXPECT_TRUE(notes[1].supports.starts_with("Ook is niet iedereen")) << notes[1].supports;
}

TEST(ImporterOnTheAgenda, ReadsTheActionsOfPriorityOnePointFourUnderItsMislabelledHeading) {
  // The table of contents calls the actions of 1.4 "1.4a ... | Acties"; the body "1.4b".
  const Priority& read = priority(real_import().result.agenda, 1, 4);
  EXPECT_EQ(read.actions.size(), 4U);
  EXPECT_EQ(read.actions[0].source.section, "1.4b");
}

TEST(ImporterOnTheAgenda, GluedIndicatorOfGoalFourTwoThreeIsTakenBack) {
  const Goal& goal = priority(real_import().result.agenda, 4, 2).goals.at(2);
  ASSERT_TRUE(goal.indicator.has_value());
  EXPECT_TRUE(goal.indicator->text.starts_with("Percentage van de bestuursorganen"));
  EXPECT_TRUE(goal.text.ends_with("zijn ingericht"));
}

TEST(ImporterOnTheAgenda, EveryActionExceptThoseWithLostCellsHasExecutors) {
  std::vector<std::string> without;
  for (const ProgrammeLine& line : real_import().result.agenda.programme_lines) {
    for (const Priority& read : line.priorities) {
      for (const Action& action : read.actions) {
        if (!action.executors) without.push_back(read.id() + "." + std::to_string(action.number));
      }
    }
  }
  // Action 1.2.1's executor cell is empty in the source text.
  EXPECT_EQ(without, std::vector<std::string>{"1.2.1"});
}

} // namespace
} // namespace wa::agenda
