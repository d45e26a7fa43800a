#include "store/indexed_dataset.hpp"

#include <algorithm>

namespace wa::store {

std::size_t IndexedDataset::default_graph_size() const {
  return quads_.count(QuadPattern{no_term, no_term, no_term, no_term});
}

void DatasetBuilder::report_progress(std::function<void(std::size_t)> report, std::size_t every) {
  report_ = std::move(report);
  report_every_ = every;
  until_report_ = every;
}

void DatasetBuilder::push(const Quad& quad) {
  quads_.push_back(quad);
  if (report_ && --until_report_ == 0) {
    until_report_ = report_every_;
    report_(quads_.size());
  }
}

void DatasetBuilder::add(const rdf::Triple& triple) {
  push({no_term, dictionary_.intern(triple.subject), dictionary_.intern(triple.predicate),
        dictionary_.intern(triple.object)});
}

void DatasetBuilder::add(const rdf::Triple& triple, const std::string& graph_iri) {
  const TermId graph = dictionary_.intern(rdf::Term::iri(graph_iri));
  if (named_graphs_.empty() || named_graphs_.back() != graph) named_graphs_.push_back(graph);
  push({graph, dictionary_.intern(triple.subject), dictionary_.intern(triple.predicate),
        dictionary_.intern(triple.object)});
}

void DatasetBuilder::add_graph(const std::string& graph_iri) {
  named_graphs_.push_back(dictionary_.intern(rdf::Term::iri(graph_iri)));
}

IndexedDataset DatasetBuilder::build() && {
  if (union_default_) {
    const std::size_t named = quads_.size();
    for (std::size_t i = 0; i < named; ++i) {
      if (quads_[i].graph != no_term) {
        Quad copy = quads_[i];
        copy.graph = no_term;
        quads_.push_back(copy);
      }
    }
  }
  std::sort(named_graphs_.begin(), named_graphs_.end());
  named_graphs_.erase(std::unique(named_graphs_.begin(), named_graphs_.end()), named_graphs_.end());
  IndexedDataset dataset;
  dataset.dictionary_ = std::move(dictionary_);
  dataset.quads_ = QuadIndex(std::move(quads_));
  dataset.named_graphs_ = std::move(named_graphs_);
  std::vector<TermId> graphs = dataset.named_graphs_;
  graphs.push_back(no_term);
  dataset.statistics_ = PredicateStatistics(dataset.quads_, graphs);
  return dataset;
}

} // namespace wa::store
