// The SPARQL 1.1 Query language: text in, algebra out. The only place that
// reads query text; every error names its line and column and what was expected.
#pragma once

#include "query/algebra.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wa::query {

/// A query that is not SPARQL 1.1: bad syntax, or a static rule of section
/// 18.2 broken (a BIND or SELECT expression rebinding a variable in scope, a
/// non-grouped variable projected, a blank-node label used in two groups).
class SyntaxError : public std::runtime_error {
public:
  SyntaxError(std::size_t line, std::size_t column, const std::string& message);
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] std::size_t column() const { return column_; }

private:
  std::size_t line_;
  std::size_t column_;
};

struct ParseOptions {
  /// Resolves relative IRIs when the query has no BASE (or a relative one).
  std::string base_iri;
};

/// Parses a SPARQL 1.1 query (not an update) and translates it to the algebra.
/// Throws SyntaxError, with what() "syntax error at line L, column C: ...".
[[nodiscard]] Query parse_query(std::string_view text, const ParseOptions& options = {});

} // namespace wa::query
