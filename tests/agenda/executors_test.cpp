#include "agenda/executors.hpp"

#include "agenda/dataset.hpp"
#include "rdf/namespaces.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wa::agenda {
namespace {

using rdf::Term;

AliasIndex bodies() {
  return AliasIndex({{"BZK", Term::iri("urn:bzk")},
                     {"JenV", Term::iri("urn:jenv")},
                     {"OCW", Term::iri("urn:ocw")},
                     {"VWS", Term::iri("urn:vws")},
                     {"IPO", Term::iri("urn:ipo")},
                     {"KOOP", Term::iri("urn:koop")},
                     {"IBDS", Term::iri("urn:ibds")},
                     {"departementen", Term::iri("urn:departementen")},
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

// --- Participations: each body's part, as the cell states it ------------------------------

const Participation& part_of(const Executors& executors, const std::string& body) {
  auto found = std::ranges::find(executors.participations, body, &Participation::body);
  EXPECT_NE(found, executors.participations.end()) << body;
  return *found;
}

TEST(Participations, AQualifierInParenthesesIsTheScopeVerbatim) {
  Executors executors = read_executors("BZK (voor algoritmes), JenV (voor AVG), EZK", bodies());
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "voor algoritmes");
  EXPECT_EQ(part_of(executors, "urn:jenv").scope, "voor AVG");
  EXPECT_EQ(part_of(executors, "urn:ezk").scope, "");
}

TEST(Participations, AVoorPhraseAfterTheNameIsItsScope) {
  Executors executors = read_executors(
      "BZK (CIO Rijk) VNG voor gemeentes (Woo Meerjarenplan) IPO voor provincies", bodies());
  EXPECT_EQ(part_of(executors, "urn:vng").scope, "voor gemeentes (Woo Meerjarenplan)");
  EXPECT_EQ(part_of(executors, "urn:ipo").scope, "voor provincies");
}

TEST(Participations, ABodyNamedInAnotherBodysQualifierIsWithinIt) {
  Executors executors = read_executors("BZK (voor PLOOI: KOOP), medeoverheden", bodies());
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "voor PLOOI: KOOP");
  const Participation& koop = part_of(executors, "urn:koop");
  ASSERT_TRUE(koop.within.has_value());
  EXPECT_EQ(executors.participations[*koop.within].body, "urn:bzk");
  EXPECT_FALSE(koop.lead);
}

TEST(Participations, QualifiersOfOnlyNamesAddNoScope) {
  Executors executors = read_executors("BZK (CIO Rijk), Rijksbreed", bodies());
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "");
  EXPECT_TRUE(part_of(executors, "urn:cio-rijk").within.has_value());
}

TEST(Participations, ViaIsScopeAndLeadsToTheNextName) {
  Executors executors = read_executors("BZK (CIO Rijk & via IBDS), departementen", bodies());
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "CIO Rijk & via IBDS");
  EXPECT_EQ(part_of(executors, "urn:cio-rijk").scope, "");
}

TEST(Participations, SlashJoinedBodiesLeadJointlyAndShareTheScope) {
  Executors executors = read_executors("BZK/OCW voor Rijk, departementen", bodies());
  EXPECT_TRUE(part_of(executors, "urn:bzk").lead);
  EXPECT_TRUE(part_of(executors, "urn:ocw").lead);
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "voor Rijk");
  EXPECT_EQ(part_of(executors, "urn:ocw").scope, "voor Rijk");
  EXPECT_FALSE(part_of(executors, "urn:departementen").lead);
  // The simple view keeps one lead (wa:ledBy), the first named.
  EXPECT_EQ(executors.lead, "urn:bzk");
}

TEST(Participations, AnExampleIsNoFirmExecutor) {
  Executors executors =
      read_executors("BZK, departementen binnen eigen domeinen (bijv. VWS voor zorg)", bodies());
  const Participation& vws = part_of(executors, "urn:vws");
  EXPECT_TRUE(vws.example);
  EXPECT_EQ(vws.scope, "voor zorg");
  EXPECT_EQ(std::ranges::count(executors.bodies, "urn:vws"), 0);
  EXPECT_FALSE(part_of(executors, "urn:departementen").example);
}

TEST(Participations, EvtMakesAPartConditional) {
  Executors executors =
      read_executors("BZK, medeoverheden (bij evt. doorwerking van centraal beleid)", bodies());
  const Participation& co = part_of(executors, "urn:medeoverheden");
  EXPECT_TRUE(co.conditional);
  EXPECT_EQ(co.scope, "bij evt. doorwerking van centraal beleid");
  EXPECT_FALSE(part_of(executors, "urn:bzk").conditional);
  // A conditional body is still named as an executor.
  EXPECT_EQ(std::ranges::count(executors.bodies, "urn:medeoverheden"), 1);
}

TEST(Participations, AVerbAfterTheNameIsItsScope) {
  Executors executors = read_executors("BZK stimuleert, VNG", bodies());
  EXPECT_EQ(part_of(executors, "urn:bzk").scope, "stimuleert");
  EXPECT_TRUE(part_of(executors, "urn:bzk").lead);
}

TEST(Participations, NtbLeavesEveryPartWithoutLead) {
  Executors executors = read_executors("Ntb, medeoverheden, BZK", bodies());
  EXPECT_TRUE(std::ranges::none_of(executors.participations, &Participation::lead));
}

// --- The same reading on the agenda itself --------------------------------------------------

using test::id;

Term wa(std::string_view local) { return Term::iri(ns::term(ns::wa, local)); }

const rdf::Model& agenda_part() { return test::real_dataset().part("agenda"); }

/// The participation of `body` in `action`, or an empty term.
Term participation(const std::string& action, const std::string& body) {
  for (const Term& part : agenda_part().objects(Term::iri(id(action)), wa("participation"))) {
    if (agenda_part().contains({part, wa("participant"), Term::iri(id(body))})) return part;
  }
  return {};
}

std::string value(const Term& subject, std::string_view property) {
  std::optional<Term> object = agenda_part().object(subject, wa(property));
  return object ? object->value : "<none>";
}

TEST(ParticipationsOnTheAgenda, JenVTakesPartForTheGdprIn224) {
  Term jenv = participation("action/2.2.4", "organisation/JenV");
  EXPECT_EQ(value(jenv, "scope"), "voor AVG");
  EXPECT_EQ(value(jenv, "concerns"), "http://data.europa.eu/eli/reg/2016/679/oj");
  EXPECT_EQ(value(jenv, "sourceLine"), "363");
  EXPECT_EQ(value(participation("action/2.2.4", "organisation/BZK"), "scope"), "voor algoritmes");
}

TEST(ParticipationsOnTheAgenda, VngAndIpoTakePartForTheWooIn412) {
  const std::string woo = "https://wetten.overheid.nl/BWBR0045754";
  EXPECT_EQ(value(participation("action/4.1.2", "organisation/VNG"), "concerns"), woo);
  EXPECT_EQ(value(participation("action/4.1.2", "organisation/IPO"), "scope"),
            "voor provincies (IDA Woo-project)");
  EXPECT_EQ(value(participation("action/4.1.2", "organisation/IPO"), "concerns"), woo);
  EXPECT_EQ(value(participation("action/4.1.2", "organisation/UvW"), "scope"),
            "voor waterschappen");
}

TEST(ParticipationsOnTheAgenda, KoopCarriesPlooiWithinBzkIn413) {
  Term bzk = participation("action/4.1.3", "organisation/BZK");
  EXPECT_EQ(value(bzk, "scope"), "voor PLOOI: KOOP");
  EXPECT_EQ(value(participation("action/4.1.3", "organisation/KOOP"), "withinParticipation"),
            bzk.value);
}

TEST(ParticipationsOnTheAgenda, BzkWorksViaIbdsIn425And427) {
  EXPECT_EQ(value(participation("action/4.2.5", "organisation/BZK"), "scope"), "via IBDS");
  EXPECT_EQ(value(participation("action/4.2.7", "organisation/BZK"), "scope"),
            "CIO Rijk & via IBDS");
  for (const char* action : {"action/4.2.5", "action/4.2.7"}) {
    EXPECT_EQ(value(participation(action, "organisation/IBDS"), "withinParticipation"),
              participation(action, "organisation/BZK").value)
        << action;
  }
}

TEST(ParticipationsOnTheAgenda, VwsIsOnlyAnExampleIn425And426) {
  for (const char* action : {"action/4.2.5", "action/4.2.6"}) {
    Term vws = participation(action, "organisation/VWS");
    EXPECT_EQ(value(vws, "isExample"), "true") << action;
    EXPECT_EQ(value(vws, "scope"), "voor zorg") << action;
    EXPECT_FALSE(agenda_part().contains(
        {Term::iri(id(action)), wa("executedBy"), Term::iri(id("organisation/VWS"))}))
        << action;
  }
}

TEST(ParticipationsOnTheAgenda, BzkStimulatesIn218) {
  Term bzk = participation("action/2.1.8", "organisation/BZK");
  EXPECT_EQ(value(bzk, "scope"), "stimuleert");
  EXPECT_EQ(value(bzk, "role"), ns::term(ns::wa, "Lead"));
}

TEST(ParticipationsOnTheAgenda, MedeoverhedenTakePartOnlyOnConditionIn4314) {
  Term co = participation("action/4.3.14", "organisation/medeoverheden");
  EXPECT_EQ(value(co, "isConditional"), "true");
  EXPECT_EQ(value(co, "scope"), "bij evt. doorwerking van centraal beleid");
}

TEST(ParticipationsOnTheAgenda, SlashJoinedBodiesAreJointLeadsIn411And422) {
  const std::string lead = ns::term(ns::wa, "Lead");
  EXPECT_EQ(value(participation("action/4.1.1", "organisation/BZK"), "role"), lead);
  EXPECT_EQ(value(participation("action/4.1.1", "organisation/OCW"), "role"), lead);
  EXPECT_EQ(value(participation("action/4.1.1", "organisation/OCW"), "scope"),
            "voor Rijk (Open op Orde / RDDI)");
  for (const char* body : {"organisation/BZ", "organisation/EZK", "organisation/BZK"}) {
    EXPECT_EQ(value(participation("action/4.2.2", body), "role"), lead) << body;
  }
}

TEST(ParticipationsOnTheAgenda, MidoNicpetAndIbdsAreBodiesOfTheirOwn) {
  EXPECT_EQ(value(participation("action/1.2.5", "organisation/MIDO"), "withinParticipation"),
            participation("action/1.2.5", "organisation/BZK").value);
  EXPECT_EQ(value(participation("action/2.2.3", "organisation/NICPET"), "withinParticipation"),
            participation("action/2.2.3", "organisation/BZK").value);
  EXPECT_NE(participation("action/4.2.5", "organisation/IBDS"), Term());
}

TEST(ParticipationsOnTheAgenda, TheMergedCellsOf415KeepBothBodies) {
  // "Regeringscommissaris | Adviescollege OI" (line 658): two cells, read as one statement.
  EXPECT_EQ(value(participation("action/4.1.5",
                                "organisation/regeringscommissaris-informatiehuishouding"),
                  "role"),
            ns::term(ns::wa, "Lead"));
  EXPECT_EQ(value(Term::iri(id("action/4.1.5")), "executorStatement"),
            "Regeringscommissaris, Adviescollege OI");
}

TEST(ParticipationsOnTheAgenda, EveryFirmExecutorHasAParticipation) {
  for (const rdf::Triple& executed : agenda_part().match({}, wa("executedBy"), {})) {
    std::string action = executed.subject.value.substr(id("").size());
    std::string body = executed.object.value.substr(id("").size());
    EXPECT_NE(participation(action, body), Term()) << action << " " << body;
  }
}

// --- Legal links from executor cells --------------------------------------------------------

/// The evidence texts of the legal references from `action` to `act`.
std::vector<std::string> evidence_of(const std::string& action, const std::string& act) {
  std::vector<std::string> texts;
  for (const Term& ref : agenda_part().objects(Term::iri(id(action)), wa("legalReference"))) {
    if (agenda_part().contains({ref, wa("legislation"), Term::iri(act)})) {
      texts.push_back(value(ref, "evidenceText"));
    }
  }
  return texts;
}

TEST(LegalLinksFromExecutorCells, JenVVoorAvgLinksTheGdprIn224) {
  EXPECT_EQ(evidence_of("action/2.2.4", "http://data.europa.eu/eli/reg/2016/679/oj"),
            std::vector<std::string>{"BZK (voor algoritmes), JenV (voor AVG), EZK"});
}

TEST(LegalLinksFromExecutorCells, WooPlansLinkTheWooIn412) {
  std::vector<std::string> texts =
      evidence_of("action/4.1.2", "https://wetten.overheid.nl/BWBR0045754");
  ASSERT_EQ(texts.size(), 1U);
  EXPECT_NE(texts[0].find("VNG voor gemeentes (Woo Meerjarenplan)"), std::string::npos);
  EXPECT_NE(texts[0].find("IPO voor provincies (IDA Woo-project)"), std::string::npos);
}

TEST(LegalLinksFromExecutorCells, InstrumentsWithoutAnActIdentifierStayUnlinked) {
  // Besluit CIO-stelsel (4.3.11, 4.3.13) has no BWB id at hand; the Code of Practice on
  // Disinformation (1.3) is soft law without ELI or CELEX: described, never referenced.
  for (const char* work : {"https://zoek.officielebekendmakingen.nl/stcrt-2020-62488",
                           "https://digital-strategy.ec.europa.eu/en/policies/"
                           "code-practice-disinformation"}) {
    EXPECT_TRUE(agenda_part()
                    .match({}, Term::iri(ns::term(ns::dcterms, "references")), Term::iri(work))
                    .empty())
        << work;
    EXPECT_FALSE(test::real_dataset()
                     .part("legislation")
                     .objects(Term::iri(work), Term::iri(ns::term(ns::skos, "editorialNote")))
                     .empty())
        << work;
  }
}

} // namespace
} // namespace wa::agenda
