#include "rdf/term.hpp"

#include "rdf/namespaces.hpp"

#include <cstdio>

namespace wa::rdf {

Term Term::iri(std::string_view iri) { return {Kind::iri, std::string(iri), {}, {}}; }

Term Term::blank(std::string_view label) { return {Kind::blank, std::string(label), {}, {}}; }

Term Term::literal(std::string_view text, std::string_view language) {
  return {Kind::literal, std::string(text), std::string(language), {}};
}

Term Term::typed(std::string_view text, std::string_view datatype_iri) {
  // xsd:string is the datatype of a plain literal: one spelling only, so that
  // equal literals compare equal.
  if (datatype_iri == ns::term(ns::xsd, "string")) {
    return literal(text);
  }
  return {Kind::literal, std::string(text), {}, std::string(datatype_iri)};
}

namespace {

std::string escape_literal(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: out += c;
    }
  }
  return out;
}

} // namespace

std::string Term::to_ntriples() const {
  switch (kind) {
  case Kind::iri: return "<" + value + ">";
  case Kind::blank: return "_:" + value;
  case Kind::literal: break;
  }
  std::string out = "\"" + escape_literal(value) + "\"";
  if (!language.empty()) {
    out += "@" + language;
  } else if (!datatype.empty()) {
    out += "^^<" + datatype + ">";
  }
  return out;
}

} // namespace wa::rdf
