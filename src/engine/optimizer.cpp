#include "engine/optimizer.hpp"

#include "query/variables.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace wa::engine {

namespace {

using query::Expression;
using query::Pattern;
using query::PatternNode;
using Kind = PatternNode::Kind;
using Names = std::set<std::string>;

Names intersection(const Names& a, const Names& b) {
  Names both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.begin()));
  return both;
}

bool subset(const Names& part, const Names& whole) {
  return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

} // namespace

bool is_volatile_call(const query::ExpressionNode& node) {
  return node.kind == query::ExpressionNode::Kind::builtin &&
         (node.name == "RAND" || node.name == "BNODE" || node.name == "UUID" ||
          node.name == "STRUUID");
}

namespace {

bool calls_volatile(const Expression& expression) {
  bool found = false;
  query::for_each_expression(expression, [&](const query::ExpressionNode& node) {
    found = found || is_volatile_call(node);
  });
  return found;
}

bool reads_exists(const Expression& expression) {
  bool found = false;
  query::for_each_expression(expression, [&](const query::ExpressionNode& node) {
    using EKind = query::ExpressionNode::Kind;
    found = found || node.kind == EKind::exists || node.kind == EKind::not_exists;
  });
  return found;
}

} // namespace

bool movable(const Expression& expression) {
  return !calls_volatile(expression) && !reads_exists(expression);
}

namespace {

Pattern with_children(const PatternNode& node, std::vector<Pattern> children) {
  PatternNode copy = node;
  copy.children = std::move(children);
  return std::make_shared<const PatternNode>(std::move(copy));
}

Pattern filtered(Pattern pattern, std::vector<Expression> expressions) {
  if (expressions.empty()) return pattern;
  if (pattern->kind == Kind::filter) {
    PatternNode copy = *pattern;
    copy.expressions.insert(copy.expressions.end(), expressions.begin(), expressions.end());
    return std::make_shared<const PatternNode>(std::move(copy));
  }
  PatternNode node;
  node.kind = Kind::filter;
  node.children = {std::move(pattern)};
  node.expressions = std::move(expressions);
  return std::make_shared<const PatternNode>(std::move(node));
}

Pattern push(const Pattern& pattern, std::vector<Expression> conjuncts);

/// Pushes into one child those conjuncts whose variables `certain` covers;
/// returns the others.
std::vector<Expression> push_into(std::vector<Pattern>& children, std::size_t child,
                                  const Names& certain, std::vector<Expression> conjuncts) {
  std::vector<Expression> moved;
  std::vector<Expression> kept;
  for (Expression& conjunct : conjuncts) {
    if (subset(query::variables_of(conjunct), certain)) {
      moved.push_back(std::move(conjunct));
    } else {
      kept.push_back(std::move(conjunct));
    }
  }
  if (!moved.empty()) children[child] = push(children[child], std::move(moved));
  return kept;
}

Names mentioned(const Pattern& pattern) {
  Names names;
  query::for_each_variable(pattern, [&](const std::string& name) { names.insert(name); });
  return names;
}

/// A FILTER (NOT) EXISTS above an OPTIONAL moves to the OPTIONAL's left side
/// when the right side can bind none of the variables it reads that the left
/// side leaves open: each row then gives it the same bindings below as above
/// (substitution, SPARQL 1.1 §18.6), and rows it drops skip the OPTIONAL.
/// "FILTER NOT EXISTS { ?action wa:ledBy ?lead }" over "... OPTIONAL {
/// ?action wa:executorStatement ?s }" runs before the OPTIONAL, not after.
/// Returns the conjuncts that stay.
std::vector<Expression> push_exists_left(Pattern& below, std::vector<Expression> conjuncts) {
  if (below->kind != Kind::left_join) return conjuncts;
  std::vector<Pattern> children = below->children;
  const Names certain = certainly_bound(children[0]);
  const Names right = mentioned(children[1]);
  std::vector<Expression> moved;
  std::vector<Expression> kept;
  for (Expression& conjunct : conjuncts) {
    const bool safe = !calls_volatile(conjunct) &&
                      subset(intersection(query::variables_of(conjunct), right), certain);
    (safe ? moved : kept).push_back(std::move(conjunct));
  }
  if (moved.empty()) return kept;
  children[0] = push(children[0], std::move(moved));
  below = with_children(*below, std::move(children));
  return kept;
}

/// FILTER(A && B) as FILTER(A) FILTER(B): a solution passes both exactly
/// when A and B are both true (an error in either fails both forms), and
/// each half can then run as soon as its own variables are bound.
void split_conjunction(const Expression& expression, std::vector<Expression>& conjuncts) {
  if (expression->kind != query::ExpressionNode::Kind::logical_and) {
    conjuncts.push_back(expression);
    return;
  }
  for (const Expression& part : expression->args)
    split_conjunction(part, conjuncts);
}

/// `pattern` filtered by `conjuncts` (all movable), each as deep as it may go.
Pattern push(const Pattern& pattern, std::vector<Expression> conjuncts) {
  const PatternNode& node = *pattern;
  std::vector<Pattern> children = node.children;
  switch (node.kind) {
  case Kind::join: {
    conjuncts = push_into(children, 0, certainly_bound(children[0]), std::move(conjuncts));
    conjuncts = push_into(children, 1, certainly_bound(children[1]), std::move(conjuncts));
    return filtered(with_children(node, std::move(children)), std::move(conjuncts));
  }
  case Kind::left_join: {
    conjuncts = push_into(children, 0, certainly_bound(children[0]), std::move(conjuncts));
    return filtered(with_children(node, std::move(children)), std::move(conjuncts));
  }
  case Kind::minus: // its solutions are rows of its left side, unchanged
    children[0] = push(children[0], std::move(conjuncts));
    return with_children(node, std::move(children));
  case Kind::union_:
    children[0] = push(children[0], conjuncts);
    children[1] = push(children[1], std::move(conjuncts));
    return with_children(node, std::move(children));
  case Kind::extend:
  case Kind::graph: {
    // Not a conjunct that reads what the node binds (BIND's variable, the graph name).
    Names bound_here;
    if (node.kind == Kind::extend) bound_here.insert(node.variable);
    query::for_each_variable(node.graph_name,
                             [&](const std::string& name) { bound_here.insert(name); });
    std::vector<Expression> moved;
    std::vector<Expression> kept;
    for (Expression& conjunct : conjuncts) {
      // EXISTS is evaluated in the active graph: never below a GRAPH.
      const bool stays = !intersection(query::variables_of(conjunct), bound_here).empty() ||
                         (node.kind == Kind::graph && !movable(conjunct));
      (stays ? kept : moved).push_back(std::move(conjunct));
    }
    if (!moved.empty()) children[0] = push(children[0], std::move(moved));
    return filtered(with_children(node, std::move(children)), std::move(kept));
  }
  case Kind::filter: {
    std::vector<Expression> all;
    for (const Expression& expression : node.expressions)
      split_conjunction(expression, all);
    all.insert(all.end(), conjuncts.begin(), conjuncts.end());
    PatternNode copy = node;
    copy.expressions.clear();
    std::vector<Expression> fixed;
    std::vector<Expression> moving;
    for (Expression& expression : all)
      (movable(expression) ? moving : fixed).push_back(std::move(expression));
    Pattern below = push(children[0], std::move(moving));
    fixed = push_exists_left(below, std::move(fixed));
    return filtered(std::move(below), std::move(fixed));
  }
  default: return filtered(pattern, std::move(conjuncts));
  }
}

Pattern rewrite(const Pattern& pattern) {
  if (!pattern) return pattern;
  std::vector<Pattern> children;
  children.reserve(pattern->children.size());
  for (const Pattern& child : pattern->children)
    children.push_back(rewrite(child));
  Pattern rebuilt = with_children(*pattern, std::move(children));
  if (rebuilt->kind != Kind::filter) return rebuilt;
  return push(rebuilt, {});
}

} // namespace

Names certainly_bound(const Pattern& pattern) {
  if (!pattern) return {};
  const PatternNode& node = *pattern;
  Names names;
  auto add = [&](const query::TermOrVariable& position) {
    query::for_each_variable(position, [&](const std::string& name) { names.insert(name); });
  };
  switch (node.kind) {
  case Kind::bgp:
    for (const query::TriplePattern& triple : node.triples) {
      add(triple.subject);
      add(triple.predicate);
      add(triple.object);
    }
    return names;
  case Kind::path:
    add(node.path_subject);
    add(node.path_object);
    return names;
  case Kind::join: {
    names = certainly_bound(node.children[0]);
    Names right = certainly_bound(node.children[1]);
    names.insert(right.begin(), right.end());
    return names;
  }
  case Kind::union_:
    return intersection(certainly_bound(node.children[0]), certainly_bound(node.children[1]));
  case Kind::graph:
    names = certainly_bound(node.children[0]);
    add(node.graph_name);
    return names;
  case Kind::values:
    for (std::size_t i = 0; i < node.variables.size(); ++i) {
      const bool everywhere = std::all_of(node.rows.begin(), node.rows.end(),
                                          [&](const query::ValuesRow& row) { return row[i]; });
      if (everywhere) names.insert(node.variables[i]);
    }
    return names;
  case Kind::project: {
    const Names projected(node.variables.begin(), node.variables.end());
    return intersection(certainly_bound(node.children[0]), projected);
  }
  case Kind::left_join:
  case Kind::minus:
  case Kind::filter:
  case Kind::extend:
  case Kind::order_by:
  case Kind::distinct:
  case Kind::reduced:
  case Kind::slice: return certainly_bound(node.children[0]);
  case Kind::group:
  case Kind::service: return {};
  }
  return {};
}

query::Pattern push_filters_down(const query::Pattern& pattern) { return rewrite(pattern); }

query::Query optimized(const query::Query& query) {
  query::Query copy = query;
  copy.pattern = push_filters_down(query.pattern);
  return copy;
}

} // namespace wa::engine
