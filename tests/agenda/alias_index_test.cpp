#include "agenda/alias_index.hpp"
#include "rdf/namespaces.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

using rdf::Term;

AliasIndex bodies() {
  return AliasIndex({{"BZK", Term::iri("urn:bzk")},
                     {"BZK Wonen", Term::iri("urn:bzk-wonen")},
                     {"medeoverheden", Term::iri("urn:medeoverheden")},
                     {"(mede)overheden", Term::iri("urn:medeoverheden")}});
}

std::vector<std::string> targets(const std::vector<AliasMatch>& matches) {
  std::vector<std::string> found;
  for (const AliasMatch& match : matches)
    found.push_back(match.alias->target.value);
  return found;
}

TEST(AliasIndex, PrefersTheLongestNameAtAPosition) {
  EXPECT_EQ(targets(bodies().longest_matches("BZK Wonen, BZK")),
            (std::vector<std::string>{"urn:bzk-wonen", "urn:bzk"}));
}

TEST(AliasIndex, AllMatchesMayOverlap) {
  EXPECT_EQ(targets(bodies().all_matches("BZK Wonen")),
            (std::vector<std::string>{"urn:bzk-wonen", "urn:bzk"}));
}

TEST(AliasIndex, MatchesOnlyWholeWords) { EXPECT_TRUE(bodies().all_matches("BZKX, ABZK").empty()); }

TEST(AliasIndex, MatchesNamesThatStartWithPunctuation) {
  EXPECT_EQ(targets(bodies().longest_matches("EZK, (mede)overheden")),
            (std::vector<std::string>{"urn:medeoverheden"}));
}

TEST(AliasIndex, IsCaseSensitive) { EXPECT_TRUE(bodies().all_matches("bzk").empty()); }

TEST(AliasIndex, ReadsAcronymsAndAltLabelsOfInstances) {
  rdf::Model model;
  const Term type = Term::iri(ns::term(ns::rdf, "type"));
  const Term organisation = Term::iri(ns::term(ns::org, "Organization"));
  model.add(Term::iri("urn:bzk"), type, organisation);
  model.add(Term::iri("urn:bzk"), Term::iri(ns::term(ns::wa, "acronym")), Term::literal("BZK"));
  model.add(Term::iri("urn:bzk"), Term::iri(ns::term(ns::skos, "altLabel")),
            Term::literal("Binnenlandse Zaken", "nl"));
  AliasIndex index = AliasIndex::of_instances(model, organisation);
  EXPECT_EQ(index.aliases().size(), 2U);
}

TEST(AliasIndex, RefusesOneNameForTwoResources) {
  rdf::Model model;
  const Term type = Term::iri(ns::term(ns::rdf, "type"));
  const Term organisation = Term::iri(ns::term(ns::org, "Organization"));
  const Term acronym = Term::iri(ns::term(ns::wa, "acronym"));
  model.add(Term::iri("urn:a"), type, organisation);
  model.add(Term::iri("urn:b"), type, organisation);
  model.add(Term::iri("urn:a"), acronym, Term::literal("AT"));
  model.add(Term::iri("urn:b"), acronym, Term::literal("AT"));
  EXPECT_THROW(AliasIndex::of_instances(model, organisation), std::runtime_error);
}

} // namespace
} // namespace wa::agenda
