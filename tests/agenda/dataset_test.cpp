// The published dataset, read as a researcher would: the facts the issue
// names, checked against the source document by hand.
#include "agenda/dataset.hpp"

#include "rdf/namespaces.hpp"
#include "rdf/shacl.hpp"
#include "rdf/turtle_reader.hpp"
#include "rdf/vocabulary_check.hpp"
#include "support/agenda_terms.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wa::agenda {
namespace {

using rdf::Term;
using test::agenda_part;
using test::dcterms;
using test::id;
using test::lexical;
using test::rdf_type;
using test::wa;

bool references(const std::string& item, const std::string& act) {
  return agenda_part().contains({Term::iri(item), dcterms("references"), Term::iri(act)});
}

const std::string dsa = "http://data.europa.eu/eli/reg/2022/2065/oj";
const std::string dma = "http://data.europa.eu/eli/reg/2022/1925/oj";
const std::string ai_act = "http://data.europa.eu/eli/reg/2024/1689/oj";
const std::string ai_proposal = "http://publications.europa.eu/resource/celex/52021PC0206";
const std::string eidas = "http://data.europa.eu/eli/reg/2014/910/oj";
const std::string eidas_revision = "http://data.europa.eu/eli/reg/2024/1183/oj";

TEST(Dataset, CountsEachKindOfItem) {
  auto count = [](std::string_view cls) {
    return agenda_part().subjects(rdf_type, wa(cls)).size();
  };
  EXPECT_EQ(count("WorkAgenda"), 1U);
  EXPECT_EQ(count("ProgrammeLine"), 5U);
  EXPECT_EQ(count("Priority"), 15U);
  EXPECT_EQ(count("SocietalChallenge"), 15U);
  EXPECT_EQ(count("Goal"), 51U);
  EXPECT_EQ(count("Action"), 102U);
}

TEST(Dataset, EveryItemHasTheRightParent) {
  const std::vector<std::pair<std::string_view, std::string_view>> child_parent = {
      {"ProgrammeLine", "WorkAgenda"},
      {"Priority", "ProgrammeLine"},
      {"SocietalChallenge", "Priority"},
      {"AchievedResult", "Priority"},
      {"Goal", "Priority"},
      {"Action", "Priority"}};
  for (const auto& [child, parent] : child_parent) {
    for (const Term& item : agenda_part().subjects(rdf_type, wa(child))) {
      std::vector<Term> parents = agenda_part().objects(item, dcterms("isPartOf"));
      ASSERT_EQ(parents.size(), 1U) << item.value;
      EXPECT_TRUE(agenda_part().contains({parents[0], rdf_type, wa(parent)})) << item.value;
      EXPECT_TRUE(agenda_part().contains({parents[0], dcterms("hasPart"), item})) << item.value;
    }
  }
}

TEST(Dataset, ActionsHangUnderTheirPriorityByNumber) {
  EXPECT_EQ(lexical(id("action/3.3.5"), dcterms("isPartOf")), id("priority/3.3"));
  EXPECT_EQ(lexical(id("priority/3.3"), dcterms("isPartOf")), id("programme-line/3"));
}

TEST(Dataset, GoalOneOfPriorityOnePointOneHasItsTargetAndBaseline) {
  const std::string indicator = id("indicator/1.1.1");
  EXPECT_EQ(lexical(id("goal/1.1.1"), wa("indicator")), indicator);
  EXPECT_EQ(lexical(indicator, wa("targetValue")), "80");
  EXPECT_EQ(lexical(indicator, wa("targetYear")), "2025");
  EXPECT_EQ(lexical(indicator, wa("baselineValue")), "79");
  EXPECT_EQ(lexical(indicator, wa("baselineYear")), "2021");
  EXPECT_EQ(lexical(indicator, wa("unit")), ns::term(ns::unit, "PERCENT"));
}

TEST(Dataset, NogTeBepalenIsAnIndicatorToBeDetermined) {
  EXPECT_EQ(lexical(id("indicator/1.1.2"), wa("toBeDetermined")), "true");
  EXPECT_EQ(lexical(id("indicator/1.1.1"), wa("toBeDetermined")), "false");
}

TEST(Dataset, LinksActionsToTheActsTheyName) {
  EXPECT_TRUE(references(id("action/1.3.3"), dsa));
  EXPECT_TRUE(references(id("action/2.1.9"), dma));
  EXPECT_TRUE(references(id("action/3.3.5"), ai_act));
  // "Opstellen Europese Digitale identiteit Raamwerk (revisie eIDAS verordening)"
  EXPECT_TRUE(references(id("action/3.2.1"), eidas_revision));
  EXPECT_TRUE(references(id("action/3.2.1"), eidas));
}

TEST(Dataset, AnActNamedBeforeItsAdoptionAlsoLinksTheProposal) {
  EXPECT_TRUE(references(id("action/3.3.5"), ai_proposal));
  EXPECT_FALSE(
      references(id("action/1.3.3"), "http://publications.europa.eu/resource/celex/52020PC0825"));
}

TEST(Dataset, EveryLegalLinkKeepsItsEvidence) {
  const rdf::Model& agenda = agenda_part();
  std::size_t links = agenda.match({}, dcterms("references"), {}).size();
  EXPECT_GT(links, 40U);
  for (const rdf::Triple& link : agenda.match({}, wa("legalReference"), {})) {
    const Term& reference = link.object;
    std::optional<Term> act = agenda.object(reference, wa("legislation"));
    ASSERT_TRUE(act.has_value()) << reference.value;
    EXPECT_TRUE(agenda.contains({link.subject, dcterms("references"), *act}));
    std::optional<Term> evidence = agenda.object(reference, wa("evidenceText"));
    ASSERT_TRUE(evidence.has_value());
    for (const Term& phrase : agenda.objects(reference, wa("matchedPhrase"))) {
      EXPECT_NE(evidence->value.find(phrase.value), std::string::npos)
          << phrase.value << " not in " << evidence->value;
    }
  }
}

TEST(Dataset, TheFirstNamedBodyLeads) {
  EXPECT_EQ(lexical(id("action/4.3.1"), wa("ledBy")), id("organisation/BZK"));
  EXPECT_EQ(lexical(id("action/4.2.2"), wa("ledBy")), id("organisation/BZ"));
  EXPECT_EQ(lexical(id("action/1.1.4"), wa("ledBy")), id("organisation/BZ"));
}

TEST(Dataset, TheLeadIsAlsoAnExecutor) {
  for (const rdf::Triple& lead : agenda_part().match({}, wa("ledBy"), {})) {
    EXPECT_TRUE(agenda_part().contains({lead.subject, wa("executedBy"), lead.object}));
  }
}

TEST(Dataset, NtbLeavesTheLeadToBeDetermined) {
  EXPECT_EQ(lexical(id("action/3.1.6"), wa("leadToBeDetermined")), "true");
  EXPECT_EQ(lexical(id("action/3.1.6"), wa("ledBy")), "<none>");
}

TEST(Dataset, EveryExecutorIsACuratedOrganisation) {
  const rdf::Model& organisations = test::real_dataset().part("organisations");
  for (const rdf::Triple& executor : agenda_part().match({}, wa("executedBy"), {})) {
    EXPECT_TRUE(organisations.contains(
        {executor.object, rdf_type, Term::iri(ns::term(ns::org, "Organization"))}))
        << executor.object.value;
  }
}

TEST(Dataset, PlannedResultsCarryTheirYear) {
  const std::string result = id("planned-result/1.1.2-2023");
  EXPECT_EQ(lexical(id("action/1.1.2"), wa("plannedResult")), result);
  EXPECT_EQ(lexical(result, wa("dueYear")), "2023");
  EXPECT_TRUE(lexical(result, dcterms("description")).starts_with("50.000 apparaten"));
}

TEST(Dataset, NotesAreSeparateFromTheText) {
  const Term note = Term::iri(ns::term(ns::skos, "note"));
  std::string description = lexical(id("action/2.1.5"), dcterms("description"));
  EXPECT_EQ(description.find("Noot"), std::string::npos);
  EXPECT_TRUE(lexical(id("action/2.1.5"), note).starts_with("Gedeeltelijk beantwoorden we"));
  EXPECT_TRUE(lexical(id("action/4.3.1"), note).starts_with("Zoals DUO"));
  std::string goal = lexical(id("goal/2.1.3"), dcterms("description"));
  EXPECT_NE(goal.find("Nederland steunt interoperabiliteit"), std::string::npos);
  EXPECT_EQ(goal.find("kennisbronnen"), std::string::npos);
}

TEST(Dataset, EveryItemHasDutchAndEnglishText) {
  for (std::string_view cls : {"ProgrammeLine", "Priority", "Goal", "Action"}) {
    const Term property =
        (cls == "Goal" || cls == "Action") ? dcterms("description") : dcterms("title");
    for (const Term& item : agenda_part().subjects(rdf_type, wa(cls))) {
      std::vector<Term> texts = agenda_part().objects(item, property);
      auto has = [&](std::string_view language) {
        return std::ranges::count_if(texts,
                                     [&](const Term& t) { return t.language == language; }) == 1;
      };
      EXPECT_TRUE(has("nl") && has("en")) << item.value;
    }
  }
}

TEST(Dataset, EveryItemPointsToItsSourceSection) {
  EXPECT_EQ(lexical(id("action/2.4.3"), wa("sourceSection")), "2.4b");
  EXPECT_EQ(lexical(id("goal/2.4.3"), wa("sourceSection")), "2.4a");
  EXPECT_EQ(lexical(id("action/2.4.3"), dcterms("source")), id("source/2022"));
}

TEST(Dataset, ConformsToTheShapes) {
  rdf::Model shapes;
  rdf::read_file(shapes, test::project_root() / "ontology/shapes.ttl", test::default_base());
  const rdf::Model& data = test::real_dataset().all();
  rdf::ShaclReport report = rdf::validate_shacl(data, shapes);
  for (const std::string& error : report.shape_errors)
    ADD_FAILURE() << error;
  for (const rdf::ShaclResult& result : report.results) {
    ADD_FAILURE() << result.severity << " " << result.focus << " " << result.path << " "
                  << result.message;
  }
}

TEST(Dataset, UsesOnlyDeclaredClassesAndProperties) {
  const Dataset& dataset = test::real_dataset();
  rdf::Model data;
  for (const char* part : {"agenda", "organisations", "legislation"})
    data.add_all(dataset.part(part));
  EXPECT_EQ(rdf::undeclared_terms(data, dataset.part("ontology")), std::vector<std::string>{});
}

} // namespace
} // namespace wa::agenda

namespace wa::agenda {
namespace {

// The store's default graph is the union of the parts' named graphs; a triple
// in two parts would be counted twice there.
TEST(Dataset, PartsShareNoTriple) {
  const Dataset& dataset = test::real_dataset();
  std::size_t sum = 0;
  for (const DatasetPart& part : dataset.parts)
    sum += part.model.size();
  EXPECT_EQ(dataset.all().size(), sum);
}

TEST(Dataset, VisitsEachTripleOfTheUnionOnce) {
  Dataset dataset;
  const rdf::Triple shared{rdf::Term::iri("http://example.org/a"),
                           rdf::Term::iri("http://example.org/p"), rdf::Term::literal("x")};
  const rdf::Triple own{rdf::Term::iri("http://example.org/b"),
                        rdf::Term::iri("http://example.org/p"), rdf::Term::literal("y")};
  dataset.parts.push_back({"first", rdf::Model()});
  dataset.parts.push_back({"second", rdf::Model()});
  dataset.parts[0].model.add(shared);
  dataset.parts[1].model.add(shared);
  dataset.parts[1].model.add(own);
  std::vector<rdf::Triple> visited;
  dataset.for_each_distinct_triple([&](const rdf::Triple& triple) { visited.push_back(triple); });
  EXPECT_EQ(visited, (std::vector<rdf::Triple>{shared, own}));
  EXPECT_EQ(dataset.triple_count(), dataset.all().size());
}

TEST(Dataset, MakesTheUnionOfItsPartsOnceAndKeepsIt) {
  const Dataset& dataset = test::real_dataset();
  const rdf::Model& all = dataset.all();
  EXPECT_EQ(&dataset.all(), &all);
  EXPECT_EQ(all.size(), dataset.triple_count());
}

TEST(Dataset, OfOnePartIsThatPart) {
  Dataset dataset;
  dataset.parts.push_back({"only", rdf::Model()});
  EXPECT_EQ(&dataset.all(), &dataset.parts.front().model);
}

} // namespace
} // namespace wa::agenda
