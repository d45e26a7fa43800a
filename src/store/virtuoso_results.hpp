// Virtuoso's answers, read into the engine-independent QueryResult, with
// what Virtuoso gets wrong mended:
// - SPARQL 1.0 "typed-literal" entries in JSON results;
// - xsd:boolean values written as "1" / "0";
// - boolean-valued expressions (comparisons, isIRI, ...) returned as
//   "1"^^xsd:integer / "0"^^xsd:integer: turned back into booleans for the
//   variables the guard found bound to such expressions;
// - ASK answered as a one-row table with the column __ASK_RETVAL.
#pragma once

#include "rdf/query_result.hpp"
#include "store/full_sparql_guard.hpp"

#include <stdexcept>
#include <string_view>

namespace wa::store {

class EngineResponseError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// SPARQL 1.1 Query Results JSON (as Virtuoso writes it) for a SELECT or ASK.
/// Throws EngineResponseError if the text is not such a document.
[[nodiscard]] rdf::QueryResult read_virtuoso_json(std::string_view body,
                                                  const FullSparqlPlan& plan);

/// N-Triples for a CONSTRUCT or DESCRIBE.
[[nodiscard]] rdf::QueryResult read_virtuoso_ntriples(std::string_view body);

} // namespace wa::store
