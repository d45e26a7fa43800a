#include "publish/void_description.hpp"

#include "rdf/namespaces.hpp"

#include <map>
#include <set>

namespace wa::publish {

namespace {

using rdf::Term;

constexpr std::string_view void_ns = "http://rdfs.org/ns/void#";

Term v(std::string_view local) { return Term::iri(ns::term(void_ns, local)); }
Term integer(std::size_t value) {
  return Term::typed(std::to_string(value), ns::term(ns::xsd, "integer"));
}

struct Linkset {
  std::string key;
  std::string predicate;
  std::string target_prefix;
  std::string target_name;
  std::string target_homepage;
};

const std::vector<Linkset>& linksets() {
  static const std::vector<Linkset> sets = {
      {"eli", ns::term(ns::dcterms, "references"), "http://data.europa.eu/eli/",
       "European Legislation Identifier (ELI)",
       "https://eur-lex.europa.eu/eli-register/about.html"},
      {"cellar", ns::term(ns::owl, "sameAs"), "http://publications.europa.eu/resource/",
       "Cellar, EU Publications Office", "https://op.europa.eu/en/web/cellar"},
      {"tooi", ns::term(ns::owl, "sameAs"), "https://identifier.overheid.nl/tooi/",
       "TOOI, Thesaurus en Ontologie Overheidsinformatie", "https://standaarden.overheid.nl/tooi"},
      {"wetten", ns::term(ns::dcterms, "references"), "https://wetten.overheid.nl/",
       "wetten.overheid.nl", "https://wetten.overheid.nl/"}};
  return sets;
}

} // namespace

rdf::Model void_description(const agenda::Dataset& dataset, const std::vector<DumpFile>& dumps) {
  const rdf::Model& all = dataset.all();
  const Term type = Term::iri(ns::term(ns::rdf, "type"));
  const Term self = Term::iri(dataset.base + "dataset");
  rdf::Model out;
  out.add(self, type, v("Dataset"));
  out.add(self, Term::iri(ns::term(ns::dcterms, "title")),
          Term::literal("Werkagenda Waardengedreven Digitaliseren (2022)", "nl"));
  out.add(self, Term::iri(ns::term(ns::dcterms, "license")),
          Term::iri("https://creativecommons.org/publicdomain/zero/1.0/"));
  out.add(self, v("sparqlEndpoint"), Term::iri(dataset.base + "sparql"));
  out.add(self, v("uriSpace"), Term::literal(dataset.base + "id/"));
  out.add(self, v("rootResource"), Term::iri(dataset.base + "id/agenda/2022"));
  for (const DumpFile& dump : dumps) {
    if (dump.name.starts_with("werkagenda."))
      out.add(self, v("dataDump"), Term::iri(dataset.base + "dump/" + dump.name));
  }
  std::set<Term> subjects;
  std::map<Term, std::size_t> property_triples;
  std::map<Term, std::set<Term>> class_entities;
  std::set<std::string> namespaces;
  all.for_each_triple([&](const rdf::Triple& triple) {
    subjects.insert(triple.subject);
    ++property_triples[triple.predicate];
    if (triple.predicate == type && triple.object.is_iri())
      class_entities[triple.object].insert(triple.subject);
  });
  out.add(self, v("triples"), integer(all.size()));
  out.add(self, v("distinctSubjects"), integer(subjects.size()));
  out.add(self, v("entities"), integer(subjects.size()));
  out.add(self, v("classes"), integer(class_entities.size()));
  out.add(self, v("properties"), integer(property_triples.size()));
  for (const auto& [cls, entities] : class_entities) {
    const Term partition = Term::iri(dataset.base + "dataset#class-" + std::to_string(out.size()));
    out.add(self, v("classPartition"), partition);
    out.add(partition, v("class"), cls);
    out.add(partition, v("entities"), integer(entities.size()));
  }
  for (const auto& [property, triples] : property_triples) {
    const Term partition =
        Term::iri(dataset.base + "dataset#property-" + std::to_string(out.size()));
    out.add(self, v("propertyPartition"), partition);
    out.add(partition, v("property"), property);
    out.add(partition, v("triples"), integer(triples));
    const std::size_t cut = property.value.find_last_of("#/");
    namespaces.insert(property.value.substr(0, cut + 1));
  }
  for (const std::string& vocabulary : namespaces)
    out.add(self, v("vocabulary"), Term::iri(vocabulary));
  for (const Linkset& set : linksets()) {
    std::size_t links = 0;
    for (const rdf::Triple& triple : all.match({}, Term::iri(set.predicate), {})) {
      if (triple.object.is_iri() && triple.object.value.starts_with(set.target_prefix)) ++links;
    }
    if (links == 0) continue;
    const Term linkset = Term::iri(dataset.base + "dataset#linkset-" + set.key);
    const Term target = Term::iri(dataset.base + "dataset#target-" + set.key);
    out.add(self, v("subset"), linkset);
    out.add(linkset, type, v("Linkset"));
    out.add(linkset, v("subjectsTarget"), self);
    out.add(linkset, v("objectsTarget"), target);
    out.add(linkset, v("linkPredicate"), Term::iri(set.predicate));
    out.add(linkset, v("triples"), integer(links));
    out.add(target, type, v("Dataset"));
    out.add(target, Term::iri(ns::term(ns::dcterms, "title")), Term::literal(set.target_name));
    out.add(target, Term::iri(ns::term(ns::foaf, "homepage")), Term::iri(set.target_homepage));
    out.add(target, v("uriSpace"), Term::literal(set.target_prefix));
  }
  return out;
}

} // namespace wa::publish
