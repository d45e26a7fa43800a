// SPARQL 1.1's rules beyond the grammar's productions (section 19.8 of the
// specification and the notes of section 19), checked on tokens because
// neither engine enforces them: Rasqal flattens nested groups before anyone
// can see them, and Virtuoso answers such queries. A query that breaks one
// is not SPARQL, and gets a 400 naming the rule.
#pragma once

#include "store/query_tokens.hpp"

#include <vector>

namespace wa::store {

/// Throws QueryRefused(400, "syntax error: ...") for:
/// - a blank node in an expression (FILTER, BIND, a projection);
/// - the same blank node label in two basic graph patterns;
/// - a variable projected twice, or projected and also bound by (... AS ?v).
void check_grammar_rules(const std::vector<QueryToken>& tokens);

} // namespace wa::store
