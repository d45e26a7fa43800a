// Join (SPARQL 1.1 §18.5): the merges of each compatible pair of left and right solutions.
// A basic graph pattern or path on the right is evaluated sideways, once per left row; any
// other right side is evaluated on its own and hash-joined on the variables both bind.
#include "engine/query_run.hpp"
#include "engine/row_index.hpp"

#include <iterator>
#include <optional>
#include <utility>
#include <variant>

namespace wa::engine {

using query::PatternNode;

namespace {

/// How many rows a path gives from a constant end: one link counts its
/// triples there, an inverse swaps the ends, "?" adds the zero-length
/// match; other paths are not estimated.
std::optional<double> rows_from(const query::Path& path, bool from_subject, TermId constant,
                                const store::IndexedDataset& dataset, const TermTable& terms,
                                const ActiveGraph& graph) {
  using PathKind = query::PathNode::Kind;
  switch (path->kind) {
  case PathKind::link: {
    const std::optional<TermId> predicate = terms.dataset_id(path->iri);
    if (!predicate || constant == no_term) return 0.0;
    return static_cast<double>(from_subject
                                   ? count_triples(dataset, graph, constant, *predicate, no_term)
                                   : count_triples(dataset, graph, no_term, *predicate, constant));
  }
  case PathKind::inverse:
    return rows_from(path->parts[0], !from_subject, constant, dataset, terms, graph);
  case PathKind::zero_or_one: {
    std::optional<double> one =
        rows_from(path->parts[0], from_subject, constant, dataset, terms, graph);
    if (!one) return std::nullopt;
    return 1.0 + *one;
  }
  default: return std::nullopt;
  }
}

bool is_bgp_or_filtered_bgp(const query::Pattern& pattern) {
  return pattern->kind == query::PatternNode::Kind::bgp ||
         (pattern->kind == query::PatternNode::Kind::filter &&
          pattern->children[0]->kind == query::PatternNode::Kind::bgp);
}

} // namespace

std::optional<double> QueryRun::expected_path_rows(const PatternNode& node,
                                                   const ActiveGraph& graph) const {
  const auto* subject = std::get_if<rdf::Term>(&node.path_subject);
  const auto* object = std::get_if<rdf::Term>(&node.path_object);
  if ((subject == nullptr) == (object == nullptr)) return std::nullopt;
  const rdf::Term& constant = subject != nullptr ? *subject : *object;
  return rows_from(node.path, subject != nullptr, terms_.dataset_id(constant).value_or(no_term),
                   dataset_, terms_, graph);
}

/// A BGP joined with a path from a constant end ("?item dcterms:isPartOf?
/// <priority/4.1>") is cheaper path first when the path gives far fewer rows
/// than the BGP: the BGP then runs once per path row with its end bound.
bool QueryRun::path_first(const PatternNode& join, RowView input, const ActiveGraph& graph) {
  const query::Pattern& left = join.children[0];
  const query::Pattern& right = join.children[1];
  if (!options_.optimize || right->kind != PatternNode::Kind::path ||
      !is_bgp_or_filtered_bgp(left) || !sideways(left))
    return false;
  auto key = std::make_pair(&join, bound_slots(input));
  if (auto known = path_first_plans_.find(key); known != path_first_plans_.end())
    return known->second;
  const std::optional<double> path_rows = expected_path_rows(*right, graph);
  const query::Pattern& bgp = left->kind == PatternNode::Kind::bgp ? left : left->children[0];
  const bool first = path_rows && *path_rows * 4 < expected_rows(bgp->triples, input, graph);
  path_first_plans_.emplace(std::move(key), first);
  return first;
}

Rows QueryRun::evaluate_join(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  Rows rows(input.size());
  if (path_first(node, input, graph)) {
    for (RowView row : evaluate(node.children[1], input, graph))
      rows.append(evaluate(node.children[0], row, graph));
    return rows;
  }
  const Rows left = evaluate(node.children[0], input, graph);
  if (sideways(node.children[1])) {
    for (RowView row : left)
      rows.append(evaluate(node.children[1], row, graph));
    return rows;
  }
  if (left.empty()) return rows;
  const Rows right = evaluate(node.children[1], input, graph);
  const RowIndex index(right, RowIndex::shared_slots(left, right, input));
  for (RowView l : left) {
    index.for_each_candidate(l, [&](RowView r) {
      cancellation_.check();
      if (compatible(l, r)) append_merged(rows, l, r);
    });
    hold(rows);
  }
  return rows;
}

} // namespace wa::engine
