// Parses a SPARQL 1.1 query with Rasqal, without running it, so that the
// query guard can walk its syntax tree. Owns the Rasqal handles.
#pragma once

#include "rdf/handles.hpp"

#include <rasqal.h>

#include <stdexcept>
#include <string>

namespace wa::rdf {

/// A query the parser rejects; what() carries the parser's message and position.
class SparqlSyntaxError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

using RasqalWorldHandle = CHandle<rasqal_world, rasqal_free_world>;
using RasqalQueryHandle = CHandle<rasqal_query, rasqal_free_query>;
using RaptorUriHandle = CHandle<raptor_uri, raptor_free_uri>;

class ParsedQuery {
public:
  /// Throws SparqlSyntaxError.
  ParsedQuery(const std::string& text, const std::string& base_iri);
  ParsedQuery(const ParsedQuery&) = delete;
  ParsedQuery& operator=(const ParsedQuery&) = delete;
  ~ParsedQuery();

  /// The syntax tree, to read (never to free).
  [[nodiscard]] rasqal_query* tree() const { return query_.get(); }

private:
  RasqalWorldHandle world_;
  RasqalQueryHandle query_;
};

} // namespace wa::rdf
