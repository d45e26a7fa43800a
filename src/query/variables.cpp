#include "query/variables.hpp"

namespace wa::query {

void for_each_variable(const TermOrVariable& position, const VariableVisit& visit) {
  if (const auto* variable = std::get_if<Variable>(&position)) visit(variable->name);
}

void for_each_variable(const Pattern& pattern, const VariableVisit& visit) {
  if (!pattern) return;
  for (const TriplePattern& triple : pattern->triples) {
    for_each_variable(triple.subject, visit);
    for_each_variable(triple.predicate, visit);
    for_each_variable(triple.object, visit);
  }
  for_each_variable(pattern->path_subject, visit);
  for_each_variable(pattern->path_object, visit);
  for_each_variable(pattern->graph_name, visit);
  if (!pattern->variable.empty()) visit(pattern->variable);
  for (const std::string& name : pattern->variables)
    visit(name);
  for (const Expression& expression : pattern->expressions)
    for_each_variable(expression, visit);
  for (const Aggregate& aggregate : pattern->aggregates) {
    visit(aggregate.variable);
    for_each_variable(aggregate.argument, visit);
  }
  for (const OrderCondition& condition : pattern->order)
    for_each_variable(condition.expression, visit);
  for (const Pattern& child : pattern->children)
    for_each_variable(child, visit);
}

void for_each_variable(const Expression& expression, const VariableVisit& visit) {
  if (!expression) return;
  if (expression->kind == ExpressionNode::Kind::variable ||
      expression->kind == ExpressionNode::Kind::bound) {
    visit(expression->name);
  }
  if (expression->pattern) for_each_variable(expression->pattern, visit);
  for (const Expression& arg : expression->args)
    for_each_variable(arg, visit);
}

std::set<std::string> variables_of(const Expression& expression) {
  std::set<std::string> names;
  for_each_variable(expression, [&](const std::string& name) { names.insert(name); });
  return names;
}

void for_each_expression(const Pattern& pattern,
                         const std::function<void(const ExpressionNode&)>& visit) {
  if (!pattern) return;
  for (const Expression& expression : pattern->expressions)
    for_each_expression(expression, visit);
  for (const Aggregate& aggregate : pattern->aggregates)
    for_each_expression(aggregate.argument, visit);
  for (const OrderCondition& condition : pattern->order)
    for_each_expression(condition.expression, visit);
  for (const Pattern& child : pattern->children)
    for_each_expression(child, visit);
}

void for_each_expression(const Expression& expression,
                         const std::function<void(const ExpressionNode&)>& visit) {
  if (!expression) return;
  visit(*expression);
  for (const Expression& arg : expression->args)
    for_each_expression(arg, visit);
  if (expression->pattern) for_each_expression(expression->pattern, visit);
}

} // namespace wa::query
