// The values of SPARQL expressions (section 17): operators, comparison, the
// effective boolean value, the built-in functions and the XSD casts, all over
// plain RDF terms. An error (a type error, a bad argument) is thrown as
// ExpressionError; the evaluator turns it into "unbound" or "filter false" as
// the spec says. Functions that need no terms' values (BOUND, IF, COALESCE,
// EXISTS, ||, &&) are special forms of the evaluator, not here.
#pragma once

#include "rdf/term.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wa::engine {

class ExpressionError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// What a function may need beyond its arguments. One per query; the
/// evaluator calls start_solution() before each solution it evaluates in.
class FunctionContext {
public:
  FunctionContext(std::string base_iri, std::chrono::system_clock::time_point now);

  [[nodiscard]] const std::string& base_iri() const { return base_iri_; }
  /// NOW(): the same instant for the whole query.
  [[nodiscard]] std::chrono::system_clock::time_point now() const { return now_; }
  /// BNODE(label) gives the same blank node for one label within a
  /// solution, a different one in another solution. `solution` identifies
  /// the solution (the evaluator hashes the row without what BIND added).
  void start_solution(std::uint64_t solution) { solution_ = solution; }
  [[nodiscard]] rdf::Term blank_node_for(const std::string& label);
  [[nodiscard]] rdf::Term fresh_blank_node();

private:
  std::string base_iri_;
  std::chrono::system_clock::time_point now_;
  std::uint64_t solution_ = 0;
  std::uint64_t counter_ = 0;
  std::map<std::pair<std::uint64_t, std::string>, rdf::Term> bnodes_;
};

/// The effective boolean value (17.2.2); throws for a term that has none.
[[nodiscard]] bool effective_boolean_value(const rdf::Term& term);

enum class Comparison { equal, not_equal, less, greater, less_or_equal, greater_or_equal };

/// The operators =, !=, <, >, <=, >= with the operator mapping of 17.3:
/// numeric promotion, strings, booleans, dateTimes, RDFterm-equal otherwise;
/// throws where the result is a type error (e.g. "a"^^<unknown> = "b"^^<unknown>).
[[nodiscard]] bool compare(Comparison op, const rdf::Term& left, const rdf::Term& right);

enum class Arithmetic { add, subtract, multiply, divide };

/// Numeric +, -, *, / with type promotion (integer < decimal < float < double,
/// derived integer types counting as xsd:integer); exact for integers and
/// decimals; integer division gives a decimal; division by zero is an error
/// for integer and decimal.
[[nodiscard]] rdf::Term arithmetic(Arithmetic op, const rdf::Term& left, const rdf::Term& right);
[[nodiscard]] rdf::Term unary_minus(const rdf::Term& operand);
[[nodiscard]] rdf::Term unary_plus(const rdf::Term& operand);

/// The evaluated arguments of a call, as a view of terms that outlive it: the
/// evaluator hands over the dataset's own terms without copying them.
class Arguments {
public:
  explicit Arguments(std::span<const rdf::Term* const> terms) : terms_(terms) {}
  [[nodiscard]] const rdf::Term& operator[](std::size_t i) const { return *terms_[i]; }
  [[nodiscard]] std::size_t size() const { return terms_.size(); }
  [[nodiscard]] bool empty() const { return terms_.empty(); }

private:
  std::span<const rdf::Term* const> terms_;
};

using BuiltinFunction = rdf::Term (*)(Arguments, FunctionContext&);

/// The built-in of an upper-case name, null for an unknown name; the
/// evaluator looks it up once per call in the query, not once per solution.
[[nodiscard]] BuiltinFunction builtin_named(std::string_view name);

/// A built-in call by its upper-case name: STR, LANG, LANGMATCHES, DATATYPE,
/// IRI, URI, BNODE, RAND, ABS, CEIL, FLOOR, ROUND, CONCAT, STRLEN, UCASE,
/// LCASE, ENCODE_FOR_URI, CONTAINS, STRSTARTS, STRENDS, STRBEFORE, STRAFTER,
/// YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS, TIMEZONE, TZ, NOW, UUID,
/// STRUUID, MD5, SHA1, SHA256, SHA384, SHA512, SUBSTR, REPLACE, REGEX, STRLANG,
/// STRDT, SAMETERM, ISIRI, ISURI, ISBLANK, ISLITERAL, ISNUMERIC.
/// Throws ExpressionError for an unknown name (the parser prevents that).
[[nodiscard]] rdf::Term call_builtin(std::string_view name, std::span<const rdf::Term> args,
                                     FunctionContext& context);

/// A call of a function IRI: the XSD constructor casts (xsd:string,
/// xsd:boolean, xsd:integer, xsd:decimal, xsd:float, xsd:double,
/// xsd:dateTime, and the derived integer types); an unknown IRI is an error.
[[nodiscard]] rdf::Term call_function(std::string_view iri, Arguments args,
                                      FunctionContext& context);

/// The order of ORDER BY (15.1): blank nodes < IRIs < literals, and within
/// literals by value where the operator '<' defines it, then a fixed total
/// order (lexical form, datatype, language) so that sorting is stable and
/// deterministic. Unbound sorts first and is the evaluator's concern.
/// Returns <0, 0 or >0.
[[nodiscard]] int order_compare(const rdf::Term& left, const rdf::Term& right);

/// Whether a term is a literal of a numeric datatype with a valid lexical form.
[[nodiscard]] bool is_numeric(const rdf::Term& term);

/// Helpers the aggregates use (SUM, AVG, MIN, MAX): numeric addition and
/// division as above; MIN/MAX use order_compare.
[[nodiscard]] rdf::Term integer_literal(std::int64_t value);

} // namespace wa::engine
