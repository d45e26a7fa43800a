// Walks over the algebra: every variable a pattern or expression mentions,
// and every expression node inside a pattern (EXISTS groups included). What
// the engine needs to number its slots, and the optimizer to know what an
// expression reads.
#pragma once

#include "query/algebra.hpp"

#include <functional>
#include <set>
#include <string>

namespace wa::query {

using VariableVisit = std::function<void(const std::string&)>;

/// Calls `visit` with the name of every variable `pattern` mentions, in the
/// order they appear (a name may come more than once).
void for_each_variable(const Pattern& pattern, const VariableVisit& visit);
void for_each_variable(const Expression& expression, const VariableVisit& visit);
void for_each_variable(const TermOrVariable& position, const VariableVisit& visit);

/// The variables an expression reads, EXISTS groups included.
[[nodiscard]] std::set<std::string> variables_of(const Expression& expression);

/// Calls `visit` for every expression node under `pattern` or `expression`,
/// the nodes inside EXISTS groups too.
void for_each_expression(const Pattern& pattern,
                         const std::function<void(const ExpressionNode&)>& visit);
void for_each_expression(const Expression& expression,
                         const std::function<void(const ExpressionNode&)>& visit);

} // namespace wa::query
