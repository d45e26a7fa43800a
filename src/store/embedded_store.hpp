// The default store: the dataset in Redland librdf ("hashes" in memory, one
// context per part, the default graph their union), queried with Rasqal.
// Every query passes the query guard first, and the store mends the answers
// Rasqal gets wrong for aggregates over no solutions.
#pragma once

#include "agenda/dataset.hpp"
#include "rdf/redland.hpp"
#include "store/query_guard.hpp"
#include "store/store.hpp"

#include <set>

namespace wa::store {

class EmbeddedStore : public Store {
public:
  /// Loads every part of `dataset` into its named graph. Parts must not share
  /// triples: the default graph (the union) would count them twice.
  explicit EmbeddedStore(const agenda::Dataset& dataset);

  using Store::query;
  [[nodiscard]] rdf::QueryResult query(const std::string& query_text, std::size_t row_limit,
                                       const ProtocolDataset& dataset) override;
  [[nodiscard]] int size() const { return redland_.size(); }

private:
  rdf::redland::Store redland_;
  std::string base_;
  PredicateStats stats_;
  /// The data's literals with a zero time-zone offset ("+00:00" or "-00:00"):
  /// Rasqal writes "+00:00" as "-00:00", and the store writes it back.
  std::set<rdf::Term> zero_offset_literals_;

  bool has_solution(const std::string& text);
  void restore_zero_offsets(rdf::QueryResult& answer) const;
};

} // namespace wa::store
