// Vocabulary namespaces the project reads and writes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wa::ns {

inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view org = "http://www.w3.org/ns/org#";
inline constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view eli = "http://data.europa.eu/eli/ontology#";
inline constexpr std::string_view foaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view sh = "http://www.w3.org/ns/shacl#";
inline constexpr std::string_view unit = "http://qudt.org/vocab/unit/";
inline constexpr std::string_view vann = "http://purl.org/vocab/vann/";
inline constexpr std::string_view dcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view schema = "https://schema.org/";

/// The project's ontology namespace is fixed (it is the published ontology),
/// unlike the base of the data IRIs, which is configurable.
inline constexpr std::string_view wa = "https://w3id.org/werkagenda/def#";
inline constexpr std::string_view default_base = "https://w3id.org/werkagenda/";

inline std::string term(std::string_view ns, std::string_view local) {
  std::string iri(ns);
  iri += local;
  return iri;
}

/// Prefixes written at the top of every Turtle file, in this order.
inline const std::vector<std::pair<std::string, std::string>>& turtle_prefixes() {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"wa", std::string(wa)},     {"dcterms", std::string(dcterms)}, {"eli", std::string(eli)},
      {"foaf", std::string(foaf)}, {"org", std::string(org)},         {"owl", std::string(owl)},
      {"prov", std::string(prov)}, {"rdf", std::string(rdf)},         {"rdfs", std::string(rdfs)},
      {"skos", std::string(skos)}, {"unit", std::string(unit)},       {"vann", std::string(vann)},
      {"xsd", std::string(xsd)},
  };
  return prefixes;
}

} // namespace wa::ns
