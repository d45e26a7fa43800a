// A result table for a terminal: aligned columns, IRIs shortened with the
// dataset's prefixes, unbound values left blank.
#pragma once

#include "rdf/query_result.hpp"

#include <string>
#include <utility>
#include <vector>

namespace wa::sparql {

using Prefixes = std::vector<std::pair<std::string, std::string>>; ///< (prefix, namespace)

/// "wa:Action" for an IRI in a known namespace, else "<iri>".
[[nodiscard]] std::string shortened(const std::string& iri, const Prefixes& prefixes);
[[nodiscard]] std::string to_table(const rdf::QueryResult& result, const Prefixes& prefixes);

} // namespace wa::sparql
