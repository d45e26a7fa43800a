// Terms and look-ups that tests of the built dataset share: the wa: and
// dcterms: IRIs, and the agenda part of the real dataset.
#pragma once

#include "rdf/namespaces.hpp"
#include "support/project.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace wa::test {

inline rdf::Term wa(std::string_view local) { return rdf::Term::iri(ns::term(ns::wa, local)); }
inline rdf::Term dcterms(std::string_view local) {
  return rdf::Term::iri(ns::term(ns::dcterms, local));
}
inline const rdf::Term rdf_type = rdf::Term::iri(ns::term(ns::rdf, "type"));

inline const rdf::Model& agenda_part() { return real_dataset().part("agenda"); }

/// The value of `predicate` on `subject` in the agenda part, "<none>" if it has none.
inline std::string lexical(const std::string& subject, const rdf::Term& predicate) {
  std::optional<rdf::Term> value = agenda_part().object(rdf::Term::iri(subject), predicate);
  return value ? value->value : "<none>";
}

} // namespace wa::test
