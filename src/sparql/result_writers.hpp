// Writers for SELECT and ASK results, to the W3C specifications:
// SPARQL 1.1 Query Results JSON, XML, CSV and TSV Formats. Unbound variables
// are left out of a solution (JSON, XML) or written as empty fields (CSV, TSV).
#pragma once

#include "rdf/query_result.hpp"

#include <string>

namespace wa::sparql {

[[nodiscard]] std::string to_json(const rdf::QueryResult& result);
[[nodiscard]] std::string to_xml(const rdf::QueryResult& result);
[[nodiscard]] std::string to_csv(const rdf::QueryResult& result);
[[nodiscard]] std::string to_tsv(const rdf::QueryResult& result);

} // namespace wa::sparql
