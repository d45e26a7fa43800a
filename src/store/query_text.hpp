// Lexical facts about a query's text that the guard needs before or beside
// parsing: whether it is an update, and the text of its WHERE clause.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wa::store {

/// The first keyword after the prologue (BASE / PREFIX declarations and
/// comments), upper-cased: "SELECT", "INSERT", ...; empty if there is none.
[[nodiscard]] std::string first_keyword(std::string_view query);

/// True when the text is a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, ...).
[[nodiscard]] bool is_update(std::string_view query);

/// The query without its top-level LIMIT and OFFSET clauses (blanked out, so
/// that positions in error messages stay right).
[[nodiscard]] std::string without_limit_and_offset(std::string_view query);

/// For a SELECT query, "prologue ASK { where-clause }": true exactly when the
/// query's pattern has a solution. nullopt if the text has no such shape.
[[nodiscard]] std::optional<std::string> where_clause_as_ask(std::string_view query);

} // namespace wa::store
