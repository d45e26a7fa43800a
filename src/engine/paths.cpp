// Property paths by walking the graph from a node, forwards or backwards:
// each step gives the set of nodes reached (every pair once, as for *, +
// and ?), with the zero-length rules of section 18.4: a constant end always
// reaches itself, a term bound from outside only if it is a node of the graph.
#include "engine/paths.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace wa::engine {

namespace {

using query::PathNode;
using PathKind = PathNode::Kind;
using Nodes = std::vector<TermId>;

class PathWalker {
public:
  PathWalker(const store::IndexedDataset& dataset, TermTable& terms, const ActiveGraph& graph,
             Cancellation& cancellation)
      : dataset_(dataset), terms_(terms), graph_(graph), cancellation_(cancellation) {}

  /// The nodes `path` leads to from `node` (forward) or from which it leads to `node`.
  Nodes reach(const query::Path& path, TermId node, bool forward) {
    cancellation_.check();
    switch (path->kind) {
    case PathKind::link: return step(path->iri, node, forward);
    case PathKind::inverse: return reach(path->parts[0], node, !forward);
    case PathKind::sequence: {
      const query::Path& first = forward ? path->parts[0] : path->parts[1];
      const query::Path& second = forward ? path->parts[1] : path->parts[0];
      std::set<TermId> out;
      for (TermId middle : reach(first, node, forward))
        for (TermId end : reach(second, middle, forward))
          out.insert(end);
      return charged(out);
    }
    case PathKind::alternative: {
      std::set<TermId> out;
      for (const query::Path& part : path->parts)
        for (TermId end : reach(part, node, forward))
          out.insert(end);
      return charged(out);
    }
    case PathKind::zero_or_one: {
      std::set<TermId> out{node};
      for (TermId end : reach(path->parts[0], node, forward))
        out.insert(end);
      return charged(out);
    }
    case PathKind::zero_or_more: return closure(path->parts[0], node, forward, true);
    case PathKind::one_or_more: return closure(path->parts[0], node, forward, false);
    case PathKind::negated: return negated(*path, node, forward);
    }
    return {};
  }

  /// Every subject and object of the active graph.
  Nodes all_nodes() {
    std::set<TermId> nodes;
    for_each_triple(dataset_, graph_, no_term, no_term, no_term, cancellation_,
                    [&](TermId s, TermId, TermId o) {
                      nodes.insert(s);
                      nodes.insert(o);
                    });
    return charged(nodes);
  }

private:
  const store::IndexedDataset& dataset_;
  TermTable& terms_;
  const ActiveGraph& graph_;
  Cancellation& cancellation_;

  Nodes charged(const std::set<TermId>& nodes) {
    cancellation_.charge(nodes.size() * 40);
    return Nodes(nodes.begin(), nodes.end());
  }

  Nodes step(const rdf::Term& predicate, TermId node, bool forward) {
    auto id = terms_.dataset_id(predicate);
    if (!id || !terms_.in_dataset(node)) return {};
    Nodes out;
    for_each_triple(dataset_, graph_, forward ? node : no_term, *id, forward ? no_term : node,
                    cancellation_,
                    [&](TermId s, TermId, TermId o) { out.push_back(forward ? o : s); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  /// Breadth-first: each node once, so cycles end.
  Nodes closure(const query::Path& path, TermId start, bool forward, bool with_start) {
    std::unordered_set<TermId> visited;
    std::vector<TermId> frontier{start};
    std::set<TermId> out;
    if (with_start) out.insert(start);
    while (!frontier.empty()) {
      std::vector<TermId> next;
      for (TermId node : frontier) {
        for (TermId end : reach(path, node, forward)) {
          out.insert(end);
          if (visited.insert(end).second) {
            cancellation_.charge(48);
            next.push_back(end);
          }
        }
      }
      frontier = std::move(next);
    }
    return charged(out);
  }

  /// !(a|^b): forward triples whose predicate is none of the forward IRIs,
  /// and inverse triples whose predicate is none of the inverse IRIs.
  Nodes negated(const PathNode& path, TermId node, bool forward) {
    if (!terms_.in_dataset(node)) return {};
    auto excluded = [&](const std::vector<rdf::Term>& iris) {
      std::set<TermId> ids;
      for (const rdf::Term& iri : iris)
        if (auto id = terms_.dataset_id(iri)) ids.insert(*id);
      return ids;
    };
    const std::set<TermId> forward_excluded = excluded(path.forward);
    const std::set<TermId> inverse_excluded = excluded(path.inverse);
    const bool forward_members = !path.forward.empty() || path.inverse.empty();
    std::set<TermId> out;
    auto walk = [&](bool along, const std::set<TermId>& skip) {
      for_each_triple(dataset_, graph_, along ? node : no_term, no_term, along ? no_term : node,
                      cancellation_, [&](TermId s, TermId p, TermId o) {
                        if (!skip.contains(p)) out.insert(along ? o : s);
                      });
    };
    if (forward_members) walk(forward, forward_excluded);
    if (!path.inverse.empty()) walk(!forward, inverse_excluded);
    return charged(out);
  }
};

bool zero_length(const query::Path& path) {
  return path->kind == PathKind::zero_or_more || path->kind == PathKind::zero_or_one;
}

} // namespace

void evaluate_path(const store::IndexedDataset& dataset, TermTable& terms, const ActiveGraph& graph,
                   PathEnd subject, const query::Path& path, PathEnd object, bool same_variable,
                   Cancellation& cancellation, const std::function<void(TermId, TermId)>& emit) {
  PathWalker walker(dataset, terms, graph, cancellation);
  // A term bound from a solution starts a path only where it is a node of the graph.
  auto usable = [&](const PathEnd& end) {
    return end.term == no_term || end.constant || !zero_length(path) ||
           is_node_of(dataset, graph, end.term);
  };
  if (!usable(subject) || !usable(object)) return;
  if (subject.term != no_term) {
    for (TermId end : walker.reach(path, subject.term, true)) {
      if (object.term != no_term && end != object.term) continue;
      if (same_variable && end != subject.term) continue;
      emit(subject.term, end);
    }
    return;
  }
  if (object.term != no_term) {
    for (TermId start : walker.reach(path, object.term, false))
      emit(start, object.term);
    return;
  }
  for (TermId start : walker.all_nodes()) {
    for (TermId end : walker.reach(path, start, true)) {
      if (same_variable && end != start) continue;
      emit(start, end);
    }
  }
}

} // namespace wa::engine
