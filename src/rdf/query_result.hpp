// The answer to a SPARQL query, independent of the engine that produced it:
// a table of bindings (SELECT), a boolean (ASK) or a graph (CONSTRUCT).
#pragma once

#include "rdf/term.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wa::rdf {

struct QueryResult {
  enum class Form { bindings, boolean, graph };
  using Row = std::vector<std::optional<Term>>; ///< nullopt: unbound

  Form form = Form::bindings;
  std::vector<std::string> variables;
  std::vector<Row> rows;
  bool boolean = false;
  std::vector<Triple> triples;
  bool truncated = false; ///< the row limit cut rows or triples off
};

} // namespace wa::rdf
