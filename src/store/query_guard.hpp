// Decides, before a query runs, whether the embedded engine (Rasqal 0.9.33)
// can answer it correctly and safely, and what the store must do to make the
// answer right.
//
// Refused, with a message that names the feature:
// - anything but SELECT, ASK and CONSTRUCT (updates, LOAD, DESCRIBE);
// - a basic graph pattern that another pattern follows (OPTIONAL, UNION, a
//   group, a FILTER between triples, ...) when one of its triple patterns
//   after the first can match more than once per solution so far: Rasqal
//   then joins wrongly (10,104 rows where 204 are right). Whether a pattern
//   can match more than once is read from the data (functional predicates);
// - DISTINCT inside an aggregate (Rasqal drops only adjacent duplicates),
//   GROUP BY without an aggregate, a SELECT expression whose AS variable is
//   already bound in the pattern, ORDER BY on an expression of a grouped query;
// - SERVICE, FROM and FROM NAMED: the server never opens a file or a
//   connection because a query asked it to, and the dataset is fixed;
// - what Rasqal answers wrongly or crashes on: VALUES, MINUS, sub-queries,
//   GROUP BY on an expression, GROUP_CONCAT with a SEPARATOR, COUNT of a
//   variable that may be unbound, ORDER BY DESC of a value that may be
//   unbound, CONCAT of function calls, the date/time accessors;
// - functions whose result changes from call to call (NOW, RAND, UUID, ...),
//   since answers are cached;
// - every other expression Rasqal has that the tests do not cover.
// Property paths and EXISTS do not parse in Rasqal: the parser's error says
// where, and the message adds what the engine lacks.
#pragma once

#include "store/store.hpp"

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace wa::store {

/// What the data says about each predicate: the guard needs it to know
/// whether a triple pattern can match more than once for one binding.
struct PredicateStats {
  std::set<std::string> functional;         ///< at most one object per subject
  std::set<std::string> inverse_functional; ///< at most one subject per object
};

/// One key of an ORDER BY on a projected variable.
struct OrderKey {
  std::string variable;
  bool descending = false;
};

/// The value an aggregate has over no solutions (SPARQL 1.1, section 18.5).
struct EmptyAggregate {
  enum class Value { zero, empty_string, unbound };
  std::string variable;
  Value value = Value::unbound;
};

struct QueryPlan {
  enum class Form { select, ask, construct };
  Form form = Form::select;
  std::vector<std::string> variables; ///< projected, in order (SELECT)
  /// SELECT with GROUP BY: Rasqal invents a row when the pattern has no
  /// solution, so the store first asks whether there is one.
  bool grouped = false;
  /// SELECT of aggregates without GROUP BY: over no solutions SPARQL gives one
  /// row (COUNT 0, ...), Rasqal none; the store adds it.
  bool implicit_group = false;
  std::vector<EmptyAggregate> empty_row; ///< in projection order, for implicit_group
  /// ORDER BY keys when all are projected variables: the store sorts the
  /// answer itself (Rasqal's sort of grouped rows is wrong) and then applies
  /// OFFSET and LIMIT; empty when the query has no such ORDER BY.
  std::vector<OrderKey> order;
  long limit = -1;  ///< -1: none
  long offset = -1; ///< -1: none
};

/// Throws QueryRefused (status 400) for syntax errors and refused features.
/// Without `stats` every predicate counts as possibly many-valued.
[[nodiscard]] QueryPlan check_query(const std::string& query, const std::string& base_iri,
                                    const PredicateStats* stats = nullptr);

} // namespace wa::store
