#include "agenda/executors.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

using rdf::Term;

AliasIndex bodies() {
  return AliasIndex({{"BZK", Term::iri("urn:bzk")},
                     {"CIO Rijk", Term::iri("urn:cio-rijk")},
                     {"VNG", Term::iri("urn:vng")},
                     {"EZK", Term::iri("urn:ezk")},
                     {"BZ", Term::iri("urn:bz")},
                     {"medeoverheden", Term::iri("urn:medeoverheden")},
                     {"Rijksbreed", Term::iri("urn:rijksbreed")}});
}

TEST(Executors, TheFirstNamedBodyLeads) {
  Executors executors = read_executors("BZK, EZK, medeoverheden", bodies());
  EXPECT_EQ(executors.bodies,
            (std::vector<std::string>{"urn:bzk", "urn:ezk", "urn:medeoverheden"}));
  EXPECT_EQ(executors.lead, "urn:bzk");
  EXPECT_TRUE(executors.unresolved.empty());
}

TEST(Executors, ReadsSlashSeparatedBodies) {
  Executors executors = read_executors("BZ/EZK/BZK", bodies());
  EXPECT_EQ(executors.lead, "urn:bz");
  EXPECT_EQ(executors.bodies.size(), 3U);
}

TEST(Executors, QualifiersDoNotNameBodies) {
  Executors executors =
      read_executors("BZK (CIO Rijk), Rijksbreed incl. medeoverheden, VNG voor gemeentes "
                     "(Woo Meerjarenplan)",
                     bodies());
  EXPECT_TRUE(executors.unresolved.empty()) << executors.unresolved.front();
  EXPECT_EQ(executors.lead, "urn:bzk");
  EXPECT_EQ(executors.bodies.size(), 5U);
}

TEST(Executors, NtbMeansTheLeadIsToBeDetermined) {
  Executors executors = read_executors("Ntb, medeoverheden, BZK", bodies());
  EXPECT_TRUE(executors.lead_to_be_determined);
  EXPECT_FALSE(executors.lead.has_value());
  EXPECT_EQ(executors.bodies.size(), 2U);
}

TEST(Executors, ReportsWordsThatNameNoKnownBody) {
  Executors executors = read_executors("BZK, onbekende partij", bodies());
  EXPECT_EQ(executors.unresolved, (std::vector<std::string>{"onbekende", "partij"}));
}

TEST(Executors, AResultTextIsNotAnExecutorCell) {
  EXPECT_FALSE(is_executor_cell("50.000 apparaten van de Rijksoverheid beschikbaar", bodies()));
  EXPECT_TRUE(is_executor_cell("BZK | VNG", bodies()));
  EXPECT_FALSE(is_executor_cell("", bodies()));
}

} // namespace
} // namespace wa::agenda
