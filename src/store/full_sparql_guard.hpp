// What the full-SPARQL backend checks before a query leaves the process.
// The query is parsed by our own parser (src/query), so a query Virtuoso
// would run is one that is SPARQL 1.1 (no engine pragmas, no updates); the
// guard walks its algebra and refuses what a read-only endpoint must never
// run (SERVICE, FROM, the engine's internal functions) and what Virtuoso 7.2
// answers wrongly, finds the query form, and notes which variables are bound
// to boolean-valued expressions (the engine returns those as integers).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace wa::store {

struct FullSparqlPlan {
  enum class Form { select, ask, construct, describe };
  Form form = Form::select;
  /// Variables bound by (EXPR AS ?v) or BIND(EXPR AS ?v) where EXPR can only
  /// be true or false: a comparison, a logical operator, IN, or a boolean built-in.
  std::set<std::string> boolean_variables;
  bool declares_base = false; ///< the prologue has a BASE of its own
};

/// Throws QueryRefused (400) naming what is refused, or the line of a lexical error.
[[nodiscard]] FullSparqlPlan check_full_sparql(std::string_view query);

} // namespace wa::store
