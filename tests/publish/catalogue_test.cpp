// The DCAT-AP catalogue's provenance and publisher: BZK wrote the agenda, the
// operator of the server publishes the dataset.
#include "publish/catalogue.hpp"
#include "publish/checksum.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

namespace wa::publish {
namespace {

using rdf::Term;

const std::string dcat = "http://www.w3.org/ns/dcat#";
const std::string spdx = "http://spdx.org/rdf/terms#";
const std::string bzk = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1034";
const std::string letter = "https://zoek.officielebekendmakingen.nl/kst-26643-940.html";

Term dct(const std::string& local) { return Term::iri(ns::term(ns::dcterms, local)); }
Term at_base(const std::string& path) { return Term::iri(test::default_base() + path); }

rdf::Model curated() {
  rdf::Model model;
  rdf::read_file(model, test::project_root() / "data/curated/catalogue.ttl", test::default_base());
  return model;
}

rdf::Model built(const Publisher& publisher = {}) {
  return catalogue(with_publisher(curated(), test::default_base(), publisher), test::default_base(),
                   {}, read_source_text(test::project_root()));
}

TEST(Catalogue, BzkCreatedTheSourcePublicationNotTheDataset) {
  const rdf::Model model = built();
  const Term project = at_base("catalogue#werkagenda-ld");
  for (const char* resource : {"catalogue", "dataset", "sparql-service"}) {
    EXPECT_EQ(model.object(at_base(resource), dct("publisher")), project) << resource;
    EXPECT_EQ(model.object(at_base(resource), dct("creator")), project) << resource;
  }
  EXPECT_EQ(model.object(at_base("dataset"), dct("rightsHolder")), project);
  EXPECT_EQ(model.object(Term::iri(letter), dct("creator")), Term::iri(bzk));
  EXPECT_EQ(model.object(at_base("dataset"), Term::iri("http://www.w3.org/ns/prov#wasDerivedFrom")),
            Term::iri(letter));
  // BZK is named only as the creator of the publication it wrote.
  for (const rdf::Triple& triple : model.match({}, {}, Term::iri(bzk))) {
    EXPECT_EQ(triple.subject, Term::iri(letter)) << triple.predicate.value;
  }
}

TEST(Catalogue, TheOperatorPublishesAndIsTheContactTheProjectStaysTheCreator) {
  const rdf::Model model = built({"Open Data Lab", "https://example.org/lab", "data@example.org"});
  const Term lab = Term::iri("https://example.org/lab");
  EXPECT_EQ(model.object(at_base("dataset"), dct("publisher")), lab);
  EXPECT_EQ(model.object(at_base("dataset"), dct("rightsHolder")), lab);
  EXPECT_EQ(model.object(at_base("sparql-service"), dct("publisher")), lab);
  EXPECT_EQ(model.object(at_base("dataset"), dct("creator")), at_base("catalogue#werkagenda-ld"));
  EXPECT_EQ(model.object(lab, Term::iri("http://xmlns.com/foaf/0.1/name")),
            Term::literal("Open Data Lab"));
  const Term contact = at_base("catalogue#contact-point");
  const std::string vcard = "http://www.w3.org/2006/vcard/ns#";
  EXPECT_EQ(model.objects(contact, Term::iri(vcard + "fn")),
            std::vector<Term>{Term::literal("Open Data Lab")});
  EXPECT_EQ(model.object(contact, Term::iri(vcard + "hasEmail")),
            Term::iri("mailto:data@example.org"));
}

TEST(Catalogue, ANameAloneGetsAnIriUnderTheBase) {
  const rdf::Model model = built({"Open Data Lab", "", ""});
  EXPECT_EQ(model.object(at_base("dataset"), dct("publisher")), at_base("catalogue#publisher"));
}

TEST(Catalogue, ARelativePublisherIriOrABadAddressIsRefused) {
  EXPECT_THROW((void)with_publisher(curated(), test::default_base(), {"", "lab", ""}),
               std::invalid_argument);
  EXPECT_THROW((void)with_publisher(curated(), test::default_base(), {"", "", "nobody"}),
               std::invalid_argument);
}

TEST(Catalogue, TheSourceTextIsADistributionWithTheChecksumOfTheFile) {
  const rdf::Model model = built();
  const std::string name = "werkagenda-waardengedreven-digitaliseren-2022.txt";
  const Term distribution = at_base("dataset/distribution/" + name);
  EXPECT_TRUE(model.contains({at_base("dataset"), Term::iri(dcat + "distribution"), distribution}));
  EXPECT_EQ(model.object(distribution, Term::iri(dcat + "downloadURL")), at_base("source/" + name));
  auto source = read_source_text(test::project_root());
  ASSERT_TRUE(source.has_value());
  auto checksum = model.object(distribution, Term::iri(spdx + "checksum"));
  ASSERT_TRUE(checksum.has_value());
  EXPECT_EQ(model.object(*checksum, Term::iri(spdx + "checksumValue"))->value,
            sha256_hex(source->content));
  EXPECT_EQ(model.object(distribution, Term::iri(dcat + "byteSize"))->value,
            std::to_string(source->content.size()));
}

TEST(Catalogue, TheAgendaIsIssuedOnTheLettersDateAndPartOfItsPublication) {
  const rdf::Model& agenda = test::real_dataset().part("agenda");
  const Term work = Term::iri(test::id("agenda/2022"));
  EXPECT_EQ(agenda.object(work, dct("issued")),
            Term::typed("2022-11-04", ns::term(ns::xsd, "date")));
  EXPECT_EQ(agenda.object(work, dct("isPartOf")), Term::iri(letter));
  EXPECT_EQ(agenda.object(Term::iri(letter), dct("creator")),
            Term::iri(test::id("organisation/BZK")));
  EXPECT_EQ(agenda.object(Term::iri(test::id("source/2022")),
                          Term::iri("http://www.w3.org/ns/prov#wasDerivedFrom")),
            work);
}

} // namespace
} // namespace wa::publish
