// The SPARQL algebra (SPARQL 1.1 Query, section 18.2): what the parser's
// translation produces and what the engine plans and evaluates. Every node is
// a plain value; children are held by shared pointers to immutable nodes so
// that plans can share and copy subtrees cheaply.
//
// Conventions every stage relies on:
// - A variable is named without its '?' or '$'.
// - A blank node in a query pattern is a variable that cannot be projected:
//   its name starts with '#' (never a legal VARNAME character), e.g. "#b0".
// - Variables the translation invents (aggregates, GROUP BY expressions) are
//   named "#agg0", "#group0", ...; they are never in a result.
// - Every IRI is absolute: the parser resolves relative IRIs against BASE and
//   the base IRI it was given, and expands prefixed names.
// - Literals keep their lexical form as written; "x"^^xsd:string is kept as
//   the simple literal "x" (empty datatype), language tags in lower case.
#pragma once

#include "rdf/term.hpp"

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace wa::query {

using rdf::Term;

struct Variable {
  std::string name;
  auto operator<=>(const Variable&) const = default;
};

/// A position of a pattern: a constant term or a variable.
using TermOrVariable = std::variant<Term, Variable>;

struct TriplePattern {
  TermOrVariable subject;
  TermOrVariable predicate;
  TermOrVariable object;
};

// ---------------------------------------------------------------------------
// Property paths (section 9, 18.2.2.3)

struct PathNode;
using Path = std::shared_ptr<const PathNode>;

struct PathNode {
  enum class Kind {
    link,         ///< iri
    inverse,      ///< ^parts[0]
    sequence,     ///< parts[0] / parts[1]
    alternative,  ///< parts[0] | parts[1]
    zero_or_more, ///< parts[0]*
    one_or_more,  ///< parts[0]+
    zero_or_one,  ///< parts[0]?
    negated,      ///< !(forward | ^inverse); either list may be empty
  };
  Kind kind = Kind::link;
  Term iri;                  ///< link
  std::vector<Path> parts;   ///< inverse, sequence, alternative, *, +, ?
  std::vector<Term> forward; ///< negated: IRIs excluded in the forward direction
  std::vector<Term> inverse; ///< negated: IRIs excluded in the inverse direction
};

// ---------------------------------------------------------------------------
// Expressions (section 17)

struct ExpressionNode;
using Expression = std::shared_ptr<const ExpressionNode>;
struct PatternNode;
using Pattern = std::shared_ptr<const PatternNode>;

struct ExpressionNode {
  enum class Kind {
    constant, ///< term
    variable, ///< name
    // operators on args
    logical_or,
    logical_and,
    logical_not,
    equal,
    not_equal,
    less,
    greater,
    less_or_equal,
    greater_or_equal,
    in,     ///< args[0] IN (args[1..])
    not_in, ///< args[0] NOT IN (args[1..])
    add,
    subtract,
    multiply,
    divide,
    unary_plus,
    unary_minus,
    // forms that do not evaluate all their arguments first
    bound,    ///< name
    if_then,  ///< IF(args[0], args[1], args[2])
    coalesce, ///< COALESCE(args...)
    exists,   ///< pattern
    not_exists,
    // every other built-in call by its upper-case name ("STRLEN", "REGEX",
    // "SUBSTR", "BNODE", "NOW", "CONCAT", "sameTerm" as "SAMETERM", ...), and
    // calls of an IRI (the XSD casts xsd:integer(...) and any other function IRI)
    builtin,       ///< name: upper-case keyword
    function_call, ///< name: absolute IRI
  };
  Kind kind = Kind::constant;
  Term term;                    ///< constant
  std::string name;             ///< variable, bound, builtin, function_call
  std::vector<Expression> args; ///< operators and calls
  Pattern pattern;              ///< exists, not_exists: the group's algebra
};

// ---------------------------------------------------------------------------
// Graph patterns and solution modifiers (section 18.2)

struct Aggregate {
  enum class Function { count, sum, min, max, avg, sample, group_concat };
  Function function = Function::count;
  bool distinct = false;
  Expression argument;         ///< null for COUNT(*)
  std::string separator = " "; ///< GROUP_CONCAT
  std::string variable;        ///< the invented variable ("#agg0") it binds
};

struct OrderCondition {
  Expression expression;
  bool descending = false;
};

/// The rows of VALUES: one optional term per variable (nullopt: UNDEF).
using ValuesRow = std::vector<std::optional<Term>>;

struct PatternNode {
  enum class Kind {
    bgp,       ///< triples (may be empty: the one empty solution)
    path,      ///< path_subject path path_object (a path that is not a plain IRI)
    join,      ///< children[0] ⋈ children[1]
    left_join, ///< OPTIONAL: children[0] ⟕ children[1], with `expressions` (0 or 1) as its filter
    filter,    ///< children[0] filtered by the conjunction of `expressions`
    union_,    ///< children[0] ∪ children[1]
    graph,     ///< GRAPH graph_name { children[0] }
    extend,    ///< children[0] extended with variable := expressions[0] (BIND, SELECT expressions)
    minus,     ///< children[0] MINUS children[1]
    values,    ///< a table: variables × rows (VALUES, inline or trailing)
    group,     ///< children[0] grouped by the key `variables` (an expression key is bound by an
               ///< extend below, to its AS variable or an invented "#group0"), with `aggregates`;
               ///< no key variables: one group, even over no solutions
    order_by,  ///< children[0] ordered by `order`
    project,   ///< children[0] projected to `variables` (in order)
    distinct,  ///< children[0]
    reduced,   ///< children[0]
    slice,     ///< children[0] from offset, at most limit solutions
    service,   ///< SERVICE graph_name { children[0] }: parsed, never evaluated (refused by policy)
  };
  Kind kind = Kind::bgp;
  std::vector<Pattern> children;
  std::vector<TriplePattern> triples;  ///< bgp
  TermOrVariable path_subject;         ///< path
  Path path;                           ///< path
  TermOrVariable path_object;          ///< path
  std::vector<Expression> expressions; ///< filter, left_join, extend (one)
  TermOrVariable graph_name;           ///< graph, service
  bool silent = false;                 ///< service
  std::string variable;                ///< extend
  std::vector<std::string> variables;  ///< values, project; group: the key variables
  std::vector<ValuesRow> rows;         ///< values
  std::vector<Aggregate> aggregates;   ///< group
  std::vector<OrderCondition> order;   ///< order_by
  std::size_t offset = 0;              ///< slice
  std::size_t limit = std::numeric_limits<std::size_t>::max(); ///< slice
};

// ---------------------------------------------------------------------------
// A whole query

struct Query {
  enum class Form { select, construct, ask, describe };
  Form form = Form::select;
  /// The algebra of the WHERE clause with every solution modifier applied
  /// (group, having, extend, order_by, project, distinct/reduced, slice).
  Pattern pattern;
  /// SELECT: the result variables in order (SELECT * : the in-scope
  /// variables in the order of their first appearance).
  std::vector<std::string> variables;
  /// CONSTRUCT: the template; blank nodes in it are fresh per solution. One
  /// written _:x is labelled "lx", each [] "a0", "a1", ...: never the same.
  std::vector<TriplePattern> construct_template;
  /// DESCRIBE: the resources or variables named (DESCRIBE * : every variable).
  std::vector<TermOrVariable> describe;
  /// FROM and FROM NAMED, as absolute IRIs; both empty: the service's dataset.
  std::vector<std::string> from;
  std::vector<std::string> from_named;
  /// The base IRI in effect at the end of the prologue.
  std::string base;
};

} // namespace wa::query
