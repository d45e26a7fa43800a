// Expressions over a solution (section 17.2-17.4): a variable's term, the
// special forms that do not evaluate every argument (||, &&, IF, COALESCE,
// BOUND, IN, EXISTS), and everything else through the function library.
// An error is nullopt: unbound for BIND and SELECT, false for FILTER.
#include "engine/query_run.hpp"

#include "engine/expr/strings.hpp"

#include <array>

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

std::optional<Comparison> comparison_of(EKind kind) {
  switch (kind) {
  case EKind::equal: return Comparison::equal;
  case EKind::not_equal: return Comparison::not_equal;
  case EKind::less: return Comparison::less;
  case EKind::greater: return Comparison::greater;
  case EKind::less_or_equal: return Comparison::less_or_equal;
  case EKind::greater_or_equal: return Comparison::greater_or_equal;
  default: return std::nullopt;
  }
}

} // namespace

/// A call's arguments: views of the terms that variables and constants stand
/// for (no copy of a long literal per solution), and the terms computed for
/// the other arguments, held here. Up to four arguments without allocating.
class QueryRun::CallArguments {
public:
  explicit CallArguments(std::size_t count) : count_(count) {
    if (count > inline_count) {
      spilled_terms_.resize(count);
      spilled_views_.resize(count);
    }
  }
  void view(std::size_t i, const rdf::Term& term) { views()[i] = &term; }
  void hold(std::size_t i, rdf::Term term) {
    std::optional<rdf::Term>& slot = count_ > inline_count ? spilled_terms_[i] : inline_terms_[i];
    slot = std::move(term);
    views()[i] = &*slot;
  }
  [[nodiscard]] Arguments arguments() const {
    return Arguments(
        {count_ > inline_count ? spilled_views_.data() : inline_views_.data(), count_});
  }

private:
  static constexpr std::size_t inline_count = 4;
  const rdf::Term** views() {
    return count_ > inline_count ? spilled_views_.data() : inline_views_.data();
  }
  std::size_t count_;
  std::array<std::optional<rdf::Term>, inline_count> inline_terms_;
  std::array<const rdf::Term*, inline_count> inline_views_{};
  std::vector<std::optional<rdf::Term>> spilled_terms_;
  std::vector<const rdf::Term*> spilled_views_;
};

std::optional<std::size_t> QueryRun::variable_slot(const ExpressionNode& node) {
  auto [known, first_time] = variable_slots_.try_emplace(&node, SIZE_MAX);
  if (first_time) {
    auto found = slots_.find(node.name);
    if (found != slots_.end()) known->second = found->second;
  }
  if (known->second == SIZE_MAX) return std::nullopt;
  return known->second;
}

const rdf::Term* QueryRun::bound_term(const ExpressionNode& node, RowView row) {
  const std::optional<std::size_t> slot = variable_slot(node);
  if (!slot || row[*slot] == no_term) return nullptr;
  return &terms_.term(row[*slot]);
}

bool QueryRun::evaluate_arguments(const ExpressionNode& node, RowView row, const ActiveGraph& graph,
                                  CallArguments& args, std::size_t first) {
  for (std::size_t i = first; i < node.args.size(); ++i) {
    const ExpressionNode& arg = *node.args[i];
    const std::size_t at = i - first;
    if (arg.kind == EKind::constant) {
      args.view(at, arg.term);
    } else if (arg.kind == EKind::variable) {
      const rdf::Term* term = bound_term(arg, row);
      if (term == nullptr) return false;
      args.view(at, *term);
    } else {
      std::optional<rdf::Term> result = value(node.args[i], row, graph);
      // An unbound or failed argument is an error for every function (the
      // special forms that tolerate one are not calls).
      if (!result) return false;
      args.hold(at, std::move(*result));
    }
  }
  return true;
}

bool QueryRun::holds(const query::Expression& expression, RowView row, const ActiveGraph& graph) {
  return truth_of(expression, row, graph).value_or(false);
}

/// The effective boolean value of an expression, without making the boolean
/// terms of the connectives and comparisons a FILTER is mostly made of.
std::optional<bool> QueryRun::truth_of(const query::Expression& expression, RowView row,
                                       const ActiveGraph& graph) {
  const ExpressionNode& node = *expression;
  if (node.kind == EKind::logical_or || node.kind == EKind::logical_and ||
      node.kind == EKind::logical_not) {
    return logical_truth(node, row, graph);
  }
  if (is_lower_case_search(node)) {
    if (std::optional<std::optional<bool>> found = lower_case_search(node, row, graph))
      return *found;
  }
  if (const std::optional<Comparison> op = comparison_of(node.kind)) {
    CallArguments args(node.args.size());
    if (!evaluate_arguments(node, row, graph, args)) return std::nullopt;
    try {
      return compare(*op, args.arguments()[0], args.arguments()[1]);
    } catch (const ExpressionError&) {
      return std::nullopt;
    }
  }
  return truth(value(expression, row, graph));
}

bool QueryRun::holds_all(const std::vector<query::Expression>& expressions, RowView row,
                         const ActiveGraph& graph) {
  start_solution(row);
  for (const query::Expression& expression : expressions)
    if (!holds(expression, row, graph)) return false;
  return true;
}

std::optional<rdf::Term> QueryRun::value(const query::Expression& expression, RowView row,
                                         const ActiveGraph& graph) {
  const ExpressionNode& node = *expression;
  switch (node.kind) {
  case EKind::constant: return node.term;
  case EKind::variable: {
    const rdf::Term* term = bound_term(node, row);
    if (term == nullptr) return std::nullopt;
    return *term;
  }
  case EKind::bound: return boolean(bound_term(node, row) != nullptr);
  case EKind::logical_or:
  case EKind::logical_and:
  case EKind::logical_not: {
    const std::optional<bool> result = logical_truth(node, row, graph);
    if (!result) return std::nullopt;
    return boolean(*result);
  }
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

/// ||, && and ! with SPARQL's three-valued logic: an error on one side is
/// outweighed by true (||) or false (&&) on the other.
std::optional<bool> QueryRun::logical_truth(const ExpressionNode& node, RowView row,
                                            const ActiveGraph& graph) {
  const std::optional<bool> left = truth_of(node.args[0], row, graph);
  if (node.kind == EKind::logical_not) {
    if (!left) return std::nullopt;
    return !*left;
  }
  const bool is_or = node.kind == EKind::logical_or;
  if (left && *left == is_or) return is_or;
  const std::optional<bool> right = truth_of(node.args[1], row, graph);
  if (right && *right == is_or) return is_or;
  if (!left || !right) return std::nullopt;
  return !is_or;
}

/// IN and NOT IN (17.4.1.9-10): = against each member; an error only counts
/// when no member is equal.
std::optional<rdf::Term> QueryRun::membership(const ExpressionNode& node, RowView row,
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

std::optional<rdf::Term> QueryRun::call(const ExpressionNode& node, RowView row,
                                        const ActiveGraph& graph) {
  CallArguments args(node.args.size());
  if (!evaluate_arguments(node, row, graph, args)) return std::nullopt;
  try {
    return operate(node, args.arguments());
  } catch (const ExpressionError&) {
    return std::nullopt;
  }
}

rdf::Term QueryRun::operate(const ExpressionNode& node, Arguments args) {
  if (const std::optional<Comparison> op = comparison_of(node.kind))
    return boolean(compare(*op, args[0], args[1]));
  switch (node.kind) {
  case EKind::add: return arithmetic(Arithmetic::add, args[0], args[1]);
  case EKind::subtract: return arithmetic(Arithmetic::subtract, args[0], args[1]);
  case EKind::multiply: return arithmetic(Arithmetic::multiply, args[0], args[1]);
  case EKind::divide: return arithmetic(Arithmetic::divide, args[0], args[1]);
  case EKind::unary_plus: return unary_plus(args[0]);
  case EKind::unary_minus: return unary_minus(args[0]);
  case EKind::function_call: return call_function(node.name, args, functions_);
  default: return builtin_of(node)(args, functions_);
  }
}

/// CONTAINS(LCASE(x), y): the usual form of a case-insensitive text search.
bool QueryRun::is_lower_case_search(const ExpressionNode& node) {
  if (node.kind != EKind::builtin) return false;
  auto [known, first_time] = lower_case_searches_.try_emplace(&node, false);
  if (first_time) {
    known->second = node.name == "CONTAINS" && node.args.size() == 2 &&
                    node.args[0]->kind == EKind::builtin && node.args[0]->name == "LCASE" &&
                    node.args[0]->args.size() == 1;
  }
  return known->second;
}

/// A case-insensitive search of ASCII text without the lower-cased copy
/// LCASE would make for every solution; the errors are those of the
/// functions (17.4.3: both string literals, compatible tags). nullopt when
/// the text is not ASCII: then the functions themselves answer.
std::optional<std::optional<bool>>
QueryRun::lower_case_search(const ExpressionNode& node, RowView row, const ActiveGraph& graph) {
  CallArguments text(1);
  CallArguments needle(1);
  if (!evaluate_arguments(*node.args[0], row, graph, text) ||
      !evaluate_arguments(node, row, graph, needle, 1)) {
    return std::optional<bool>();
  }
  const rdf::Term& x = text.arguments()[0];
  const rdf::Term& y = needle.arguments()[0];
  if (!is_string_literal(x) || !is_string_literal(y) ||
      (!y.language.empty() && y.language != x.language)) {
    return std::optional<bool>();
  }
  const std::optional<bool> found = ascii_lower_case_contains(x.value, y.value);
  if (!found) return std::nullopt;
  return found;
}

BuiltinFunction QueryRun::builtin_of(const ExpressionNode& node) {
  auto [known, first_time] = builtins_.try_emplace(&node, nullptr);
  if (first_time) known->second = builtin_named(node.name);
  if (known->second == nullptr) throw ExpressionError("unknown function " + node.name);
  return known->second;
}

} // namespace wa::engine
