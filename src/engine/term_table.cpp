#include "engine/term_table.hpp"

namespace wa::engine {

TermId TermTable::id_of(const rdf::Term& term) {
  rdf::Term canonical = store::canonical_term(term);
  if (auto id = dictionary_.find(canonical)) return *id;
  auto found = local_ids_.find(canonical);
  if (found != local_ids_.end()) return found->second;
  local_.push_back(canonical);
  const auto id = static_cast<TermId>(dictionary_.size() + local_.size());
  local_ids_.emplace(std::move(canonical), id);
  return id;
}

} // namespace wa::engine
