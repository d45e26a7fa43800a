// Expressions over a solution (section 17.2-17.4): a variable's term, the
// special forms that do not evaluate every argument (||, &&, IF, COALESCE,
// BOUND, IN, EXISTS), and everything else through the function library.
// An error is nullopt: unbound for BIND and SELECT, false for FILTER.
#include "engine/query_run.hpp"

namespace wa::engine {

using query::ExpressionNode;
using EKind = ExpressionNode::Kind;

namespace {

const rdf::Term true_term = rdf::Term::typed("true", "http://www.w3.org/2001/XMLSchema#boolean");
const rdf::Term false_term = rdf::Term::typed("false", "http://www.w3.org/2001/XMLSchema#boolean");

rdf::Term boolean(bool value) { return value ? true_term : false_term; }

std::optional<bool> truth(const std::optional<rdf::Term>& term) {
  if (!term) return std::nullopt;
  try {
    return effective_boolean_value(*term);
  } catch (const ExpressionError&) {
    return std::nullopt;
  }
}

} // namespace

bool QueryRun::holds(const query::Expression& expression, const Row& row,
                     const ActiveGraph& graph) {
  return truth(value(expression, row, graph)).value_or(false);
}

bool QueryRun::holds_all(const std::vector<query::Expression>& expressions, const Row& row,
                         const ActiveGraph& graph) {
  start_solution(row);
  for (const query::Expression& expression : expressions)
    if (!holds(expression, row, graph)) return false;
  return true;
}

std::optional<rdf::Term> QueryRun::value(const query::Expression& expression, const Row& row,
                                         const ActiveGraph& graph) {
  const ExpressionNode& node = *expression;
  switch (node.kind) {
  case EKind::constant: return node.term;
  case EKind::variable: {
    auto found = slots_.find(node.name);
    if (found == slots_.end() || row[found->second] == no_term) return std::nullopt;
    return terms_.term(row[found->second]);
  }
  case EKind::bound: {
    auto found = slots_.find(node.name);
    return boolean(found != slots_.end() && row[found->second] != no_term);
  }
  case EKind::logical_or:
  case EKind::logical_and:
  case EKind::logical_not: return logical(node, row, graph);
  case EKind::in:
  case EKind::not_in: return membership(node, row, graph);
  case EKind::if_then: {
    auto condition = truth(value(node.args[0], row, graph));
    if (!condition) return std::nullopt;
    return value(node.args[*condition ? 1 : 2], row, graph);
  }
  case EKind::coalesce:
    for (const query::Expression& arg : node.args)
      if (auto result = value(arg, row, graph)) return result;
    return std::nullopt;
  case EKind::exists:
  case EKind::not_exists: {
    cancellation_.check();
    const bool found = group_has_solution(node, row, graph);
    return boolean(node.kind == EKind::exists ? found : !found);
  }
  default: return call(node, row, graph);
  }
}

/// || and && with SPARQL's three-valued logic: an error on one side is
/// outweighed by true (||) or false (&&) on the other.
std::optional<rdf::Term> QueryRun::logical(const ExpressionNode& node, const Row& row,
                                           const ActiveGraph& graph) {
  const std::optional<bool> left = truth(value(node.args[0], row, graph));
  if (node.kind == EKind::logical_not) {
    if (!left) return std::nullopt;
    return boolean(!*left);
  }
  const bool is_or = node.kind == EKind::logical_or;
  if (left && *left == is_or) return boolean(is_or);
  const std::optional<bool> right = truth(value(node.args[1], row, graph));
  if (right && *right == is_or) return boolean(is_or);
  if (!left || !right) return std::nullopt;
  return boolean(!is_or);
}

/// IN and NOT IN (17.4.1.9-10): = against each member; an error only counts
/// when no member is equal.
std::optional<rdf::Term> QueryRun::membership(const ExpressionNode& node, const Row& row,
                                              const ActiveGraph& graph) {
  const std::optional<rdf::Term> needle = value(node.args[0], row, graph);
  if (!needle) return std::nullopt;
  bool error = false;
  for (std::size_t i = 1; i < node.args.size(); ++i) {
    const std::optional<rdf::Term> member = value(node.args[i], row, graph);
    if (!member) {
      error = true;
      continue;
    }
    try {
      if (compare(Comparison::equal, *needle, *member)) return boolean(node.kind == EKind::in);
    } catch (const ExpressionError&) {
      error = true;
    }
  }
  if (error) return std::nullopt;
  return boolean(node.kind == EKind::not_in);
}

std::optional<rdf::Term> QueryRun::call(const ExpressionNode& node, const Row& row,
                                        const ActiveGraph& graph) {
  std::vector<rdf::Term> args;
  args.reserve(node.args.size());
  for (const query::Expression& arg : node.args) {
    std::optional<rdf::Term> result = value(arg, row, graph);
    if (!result) {
      // Only BNODE() and CONCAT-like calls see every argument; an unbound
      // argument is an error for every function that has one.
      return std::nullopt;
    }
    args.push_back(std::move(*result));
  }
  try {
    return operate(node, args);
  } catch (const ExpressionError&) {
    return std::nullopt;
  }
}

rdf::Term QueryRun::operate(const ExpressionNode& node, const std::vector<rdf::Term>& args) {
  switch (node.kind) {
  case EKind::equal: return boolean(compare(Comparison::equal, args[0], args[1]));
  case EKind::not_equal: return boolean(compare(Comparison::not_equal, args[0], args[1]));
  case EKind::less: return boolean(compare(Comparison::less, args[0], args[1]));
  case EKind::greater: return boolean(compare(Comparison::greater, args[0], args[1]));
  case EKind::less_or_equal: return boolean(compare(Comparison::less_or_equal, args[0], args[1]));
  case EKind::greater_or_equal:
    return boolean(compare(Comparison::greater_or_equal, args[0], args[1]));
  case EKind::add: return arithmetic(Arithmetic::add, args[0], args[1]);
  case EKind::subtract: return arithmetic(Arithmetic::subtract, args[0], args[1]);
  case EKind::multiply: return arithmetic(Arithmetic::multiply, args[0], args[1]);
  case EKind::divide: return arithmetic(Arithmetic::divide, args[0], args[1]);
  case EKind::unary_plus: return unary_plus(args[0]);
  case EKind::unary_minus: return unary_minus(args[0]);
  case EKind::function_call: return call_function(node.name, args, functions_);
  default: return call_builtin(node.name, args, functions_);
  }
}

} // namespace wa::engine
