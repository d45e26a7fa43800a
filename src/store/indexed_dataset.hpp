// An RDF dataset held in memory as the engine reads it: the dictionary, the
// quad index and the list of named graphs. Built once, then immutable, so any
// number of queries read it at the same time without locks.
#pragma once

#include "rdf/term.hpp"
#include "store/dictionary.hpp"
#include "store/predicate_statistics.hpp"
#include "store/quad_index.hpp"

#include <functional>
#include <string>
#include <vector>

namespace wa::store {

class IndexedDataset {
public:
  [[nodiscard]] const Dictionary& dictionary() const { return dictionary_; }
  [[nodiscard]] const QuadIndex& quads() const { return quads_; }
  /// The named graphs' IRIs as ids, in ascending id order (the default graph is not one).
  [[nodiscard]] const std::vector<TermId>& named_graphs() const { return named_graphs_; }
  /// The triples of the default graph.
  [[nodiscard]] std::size_t default_graph_size() const;
  /// Each predicate's triples and distinct subjects and objects, per graph.
  [[nodiscard]] const PredicateStatistics& statistics() const { return statistics_; }

private:
  friend class DatasetBuilder;
  Dictionary dictionary_;
  QuadIndex quads_;
  std::vector<TermId> named_graphs_;
  PredicateStatistics statistics_;
};

/// Collects triples graph by graph, then builds the immutable dataset.
class DatasetBuilder {
public:
  /// Adds a triple to the default graph.
  void add(const rdf::Triple& triple);
  /// Adds a triple to the named graph `graph_iri` (which then exists even if empty).
  void add(const rdf::Triple& triple, const std::string& graph_iri);
  /// Declares a named graph that may stay empty.
  void add_graph(const std::string& graph_iri);
  /// Makes the default graph the union of every named graph (as the agenda is served).
  void default_graph_is_union() { union_default_ = true; }
  /// Calls `report` with the number of quads added so far after every
  /// `every` quads: a progress line for loads of millions of triples.
  void report_progress(std::function<void(std::size_t)> report, std::size_t every);

  [[nodiscard]] IndexedDataset build() &&;

private:
  Dictionary dictionary_;
  std::vector<Quad> quads_;
  std::vector<TermId> named_graphs_;
  bool union_default_ = false;
  std::function<void(std::size_t)> report_;
  std::size_t report_every_ = 0;
  std::size_t until_report_ = 0;

  void push(const Quad& quad);
};

} // namespace wa::store
