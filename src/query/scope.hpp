// Which variables an algebra expression binds (in-scope variables, section
// 18.2.1), and which an expression reads: what the static rules check and
// what SELECT * projects.
#pragma once

#include "query/algebra.hpp"

#include <string>
#include <vector>

namespace wa::query {

/// The variables `pattern` may bind, in order of first appearance.
[[nodiscard]] std::vector<std::string> in_scope_variables(const Pattern& pattern);

/// The variables `expression` reads (not those inside EXISTS patterns).
[[nodiscard]] std::vector<std::string> expression_variables(const Expression& expression);

} // namespace wa::query
