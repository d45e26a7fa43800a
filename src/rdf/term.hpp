// An RDF term as a plain value: what the domain code builds and reads.
// The Sord model converts to and from its interned nodes at the boundary.
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace wa::rdf {

struct Term {
  enum class Kind { iri, blank, literal };

  Kind kind = Kind::iri;
  std::string value;
  std::string language; ///< only for literals, may be empty
  std::string datatype; ///< only for literals, empty means xsd:string

  static Term iri(std::string_view iri);
  static Term blank(std::string_view label);
  static Term literal(std::string_view text, std::string_view language = {});
  static Term typed(std::string_view text, std::string_view datatype_iri);

  [[nodiscard]] bool is_iri() const { return kind == Kind::iri; }
  [[nodiscard]] bool is_blank() const { return kind == Kind::blank; }
  [[nodiscard]] bool is_literal() const { return kind == Kind::literal; }

  /// N-Triples form, for messages and tests.
  [[nodiscard]] std::string to_ntriples() const;

  auto operator<=>(const Term&) const = default;
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;

  auto operator<=>(const Triple&) const = default;
};

} // namespace wa::rdf
