#include "publish/description.hpp"

#include "rdf/namespaces.hpp"

#include <array>

namespace wa::publish {

namespace {

using rdf::Term;

/// Properties whose values are part of the resource that points at them.
bool owns_its_values(const Term& property) {
  static const std::array<std::string, 3> owning = {ns::term(ns::wa, "indicator"),
                                                    ns::term(ns::wa, "plannedResult"),
                                                    ns::term(ns::wa, "legalReference")};
  for (const std::string& iri : owning) {
    if (property.value == iri) return true;
  }
  return false;
}

/// What names a resource: enough for a client to show a link.
void add_label_and_type(rdf::Model& out, const rdf::Model& data, const Term& resource) {
  static const std::array<Term, 5> naming = {
      Term::iri(ns::term(ns::rdf, "type")), Term::iri(ns::term(ns::rdfs, "label")),
      Term::iri(ns::term(ns::skos, "prefLabel")), Term::iri(ns::term(ns::eli, "title_short")),
      Term::iri(ns::term(ns::dcterms, "title"))};
  for (const Term& property : naming) {
    for (const Term& value : data.objects(resource, property))
      out.add(resource, property, value);
  }
}

void add_own_triples(rdf::Model& out, const rdf::Model& data, const Term& resource) {
  for (const rdf::Triple& triple : data.match(resource, {}, {}))
    out.add(triple);
}

} // namespace

rdf::Model describe(const rdf::Model& data, const Term& resource) {
  rdf::Model out;
  add_own_triples(out, data, resource);
  for (const rdf::Triple& triple : data.match(resource, {}, {})) {
    if (!triple.object.is_iri() && !triple.object.is_blank()) continue;
    if (owns_its_values(triple.predicate)) {
      add_own_triples(out, data, triple.object);
      for (const rdf::Triple& inner : data.match(triple.object, {}, {})) {
        if (inner.object.is_iri()) add_label_and_type(out, data, inner.object);
      }
    } else {
      add_label_and_type(out, data, triple.object);
    }
  }
  for (const rdf::Triple& incoming : data.match({}, {}, resource)) {
    out.add(incoming);
    add_label_and_type(out, data, incoming.subject);
  }
  return out;
}

} // namespace wa::publish
