#include "query/scope.hpp"

#include <algorithm>

namespace wa::query {

namespace {

void add(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

void add(std::vector<std::string>& names, const TermOrVariable& position) {
  if (const auto* variable = std::get_if<Variable>(&position)) add(names, variable->name);
}

void collect(const Pattern& pattern, std::vector<std::string>& names) {
  if (!pattern) return;
  using Kind = PatternNode::Kind;
  switch (pattern->kind) {
  case Kind::bgp:
    for (const TriplePattern& triple : pattern->triples) {
      add(names, triple.subject);
      add(names, triple.predicate);
      add(names, triple.object);
    }
    return;
  case Kind::path:
    add(names, pattern->path_subject);
    add(names, pattern->path_object);
    return;
  case Kind::minus: collect(pattern->children[0], names); return;
  case Kind::graph:
  case Kind::service:
    add(names, pattern->graph_name);
    collect(pattern->children[0], names);
    return;
  case Kind::extend:
    collect(pattern->children[0], names);
    add(names, pattern->variable);
    return;
  case Kind::values:
  case Kind::project:
    for (const std::string& name : pattern->variables)
      add(names, name);
    return;
  case Kind::group:
    for (const std::string& name : pattern->variables)
      add(names, name);
    for (const Aggregate& aggregate : pattern->aggregates)
      add(names, aggregate.variable);
    return;
  default:
    for (const Pattern& child : pattern->children)
      collect(child, names);
  }
}

void collect(const Expression& expression, std::vector<std::string>& names) {
  if (!expression) return;
  if (expression->kind == ExpressionNode::Kind::variable ||
      expression->kind == ExpressionNode::Kind::bound) {
    add(names, expression->name);
  }
  for (const Expression& arg : expression->args)
    collect(arg, names);
}

} // namespace

std::vector<std::string> in_scope_variables(const Pattern& pattern) {
  std::vector<std::string> names;
  collect(pattern, names);
  return names;
}

std::vector<std::string> expression_variables(const Expression& expression) {
  std::vector<std::string> names;
  collect(expression, names);
  return names;
}

} // namespace wa::query
