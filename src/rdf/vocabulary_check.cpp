#include "rdf/vocabulary_check.hpp"

#include "rdf/namespaces.hpp"

#include <set>

namespace wa::rdf {

std::vector<std::string> undeclared_terms(const Model& data, const Model& ontology) {
  const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));
  std::set<Term> used;
  data.for_each_triple([&](const Triple& triple) {
    used.insert(triple.predicate);
    if (triple.predicate == rdf_type && triple.object.is_iri()) {
      used.insert(triple.object);
    }
  });
  std::vector<std::string> missing;
  for (const Term& term : used) {
    if (ontology.objects(term, rdf_type).empty()) {
      missing.push_back(term.value);
    }
  }
  return missing;
}

} // namespace wa::rdf
