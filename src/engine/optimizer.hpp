// Rewrites of the algebra that keep every answer and make it cheaper to get,
// applied when the optimizer is on (the W3C harness runs every test with and
// without it). Today one rewrite: filter push-down. A FILTER conjunct moves
// below a join, a left join's left side, a MINUS's left side, a UNION's
// branches, a BIND or a GRAPH when the rows it would see there agree with the
// rows above on every variable it reads; a filter that reaches a basic graph
// pattern is applied inside it, as soon as its variables are bound.
// Conjuncts that call what differs from call to call (RAND, BNODE, UUID,
// STRUUID) stay where they are written. Conjuncts with EXISTS stay too, but
// for one move: from above an OPTIONAL to its left side, when the OPTIONAL's
// right side cannot change the bindings they read (optimizer.cpp,
// push_exists_left); from there they go down only where every variable they
// read is bound already, and never below a GRAPH.
#pragma once

#include "query/algebra.hpp"

#include <set>
#include <string>

namespace wa::engine {

/// The pattern with its filters pushed down.
[[nodiscard]] query::Pattern push_filters_down(const query::Pattern& pattern);

/// Whether the node calls a function whose value differs from call to call
/// (RAND, BNODE, UUID, STRUUID).
[[nodiscard]] bool is_volatile_call(const query::ExpressionNode& node);

/// Whether a filter conjunct may be evaluated on other rows that agree with
/// the row it was written for on every variable it reads: no EXISTS, no call
/// that differs from call to call.
[[nodiscard]] bool movable(const query::Expression& expression);

/// The variables bound in every solution of `pattern`.
[[nodiscard]] std::set<std::string> certainly_bound(const query::Pattern& pattern);

/// The same query with its pattern rewritten.
[[nodiscard]] query::Query optimized(const query::Query& query);

} // namespace wa::engine
