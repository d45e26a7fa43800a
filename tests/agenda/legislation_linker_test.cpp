#include "agenda/legislation_linker.hpp"

#include "rdf/namespaces.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

using rdf::Term;

const std::string ai_act = "http://data.europa.eu/eli/reg/2024/1689/oj";
const std::string ai_proposal = "http://publications.europa.eu/resource/celex/52021PC0206";
const std::string dsa = "http://data.europa.eu/eli/reg/2022/2065/oj";

rdf::Model legislation() {
  const Term type = Term::iri(ns::term(ns::rdf, "type"));
  const Term legal_resource = Term::iri(ns::term(ns::eli, "LegalResource"));
  const Term alias = Term::iri(ns::term(ns::skos, "altLabel"));
  const Term adopted = Term::iri(ns::term(ns::eli, "date_document"));
  const Term date = Term::iri(ns::term(ns::xsd, "date"));
  rdf::Model model;
  model.add(Term::iri(dsa), type, legal_resource);
  model.add(Term::iri(dsa), alias, Term::literal("DSA", "nl"));
  model.add(Term::iri(dsa), alias, Term::literal("Digital Services Act", "en"));
  model.add(Term::iri(dsa), adopted, Term::typed("2022-10-19", date.value));
  model.add(Term::iri(ai_act), type, legal_resource);
  model.add(Term::iri(ai_act), alias, Term::literal("AI Act", "en"));
  model.add(Term::iri(ai_act), adopted, Term::typed("2024-06-13", date.value));
  model.add(Term::iri(ai_act), Term::iri(ns::term(ns::wa, "proposal")), Term::iri(ai_proposal));
  return model;
}

TEST(LegislationLinker, FindsActsByEveryAliasAndKeepsTheEvidence) {
  LegislationLinker linker(legislation(), "2022-11");
  std::vector<LegalMention> mentions =
      linker.mentions_in("De Digital Services Act (DSA) verduidelijkt verantwoordelijkheden");
  ASSERT_EQ(mentions.size(), 1U);
  EXPECT_EQ(mentions[0].act, dsa);
  EXPECT_EQ(mentions[0].phrases, (std::vector<std::string>{"Digital Services Act", "DSA"}));
  EXPECT_EQ(mentions[0].evidence,
            "De Digital Services Act (DSA) verduidelijkt verantwoordelijkheden");
  EXPECT_FALSE(mentions[0].note.has_value());
}

TEST(LegislationLinker, AnActAdoptedAfterTheAgendaAlsoLinksItsProposal) {
  LegislationLinker linker(legislation(), "2022-11");
  std::vector<LegalMention> mentions = linker.mentions_in("Vanuit EU AI Act: verbieden");
  ASSERT_EQ(mentions.size(), 2U);
  EXPECT_EQ(mentions[0].act, ai_act);
  EXPECT_EQ(mentions[1].act, ai_proposal);
  EXPECT_EQ(mentions[1].phrases, std::vector<std::string>{"AI Act"});
  EXPECT_TRUE(mentions[1].note.has_value());
}

TEST(LegislationLinker, AnActAdoptedBeforeTheAgendaDoesNotLinkItsProposal) {
  LegislationLinker linker(legislation(), "2024-12");
  EXPECT_EQ(linker.mentions_in("de AI Act").size(), 1U);
}

TEST(LegislationLinker, IgnoresAliasesInsideWords) {
  LegislationLinker linker(legislation(), "2022-11");
  EXPECT_TRUE(linker.mentions_in("DSAX en XDSA").empty());
}

} // namespace
} // namespace wa::agenda
