#include "publish/labels.hpp"

#include "rdf/namespaces.hpp"

#include <array>

namespace wa::publish {

using rdf::Term;

namespace {

const std::array<Term, 4>& naming_properties() {
  static const std::array<Term, 4> properties = {
      Term::iri(ns::term(ns::skos, "prefLabel")), Term::iri(ns::term(ns::rdfs, "label")),
      Term::iri(ns::term(ns::eli, "title_short")), Term::iri(ns::term(ns::dcterms, "title"))};
  return properties;
}

std::string last_segment(const std::string& iri) {
  const std::size_t cut = iri.find_last_of("/#");
  return cut == std::string::npos || cut + 1 == iri.size() ? iri : iri.substr(cut + 1);
}

} // namespace

std::string Labels::exactly(const Term& resource, const std::string& language) const {
  for (const Term& property : naming_properties()) {
    for (const Term& label : data_.objects(resource, property)) {
      if (label.language == language) return label.value;
    }
  }
  return {};
}

std::string Labels::of(const Term& resource, const std::string& language) const {
  for (const std::string& wanted : {language, std::string(language == "nl" ? "en" : "nl")}) {
    std::string label = exactly(resource, wanted);
    if (label.empty()) continue;
    // "Prioriteit 2.4: Versterken cybersecurity": the number and the title.
    for (const Term& title : data_.objects(resource, Term::iri(ns::term(ns::dcterms, "title")))) {
      if (title.language == wanted && title.value != label) return label + ": " + title.value;
    }
    return label;
  }
  for (const Term& property : naming_properties()) {
    for (const Term& label : data_.objects(resource, property))
      return label.value;
  }
  return resource.is_literal() ? resource.value : last_segment(resource.value);
}

} // namespace wa::publish
