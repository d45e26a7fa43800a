#include "store/dictionary.hpp"

#include <algorithm>
#include <functional>

namespace wa::store {

namespace {

constexpr std::string_view xsd_string = "http://www.w3.org/2001/XMLSchema#string";

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

} // namespace

rdf::Term canonical_term(rdf::Term term) {
  if (!term.is_literal()) return term;
  if (term.datatype == xsd_string) term.datatype.clear();
  std::transform(term.language.begin(), term.language.end(), term.language.begin(), lower_ascii);
  return term;
}

std::size_t term_hash(const rdf::Term& term) {
  std::size_t hash = std::hash<std::string>{}(term.value);
  hash ^= std::hash<std::string>{}(term.datatype) + 0x9e3779b97f4a7c15ULL + (hash << 6U);
  hash ^= std::hash<std::string>{}(term.language) + (hash >> 2U);
  return hash ^ static_cast<std::size_t>(term.kind);
}

TermId Dictionary::intern(const rdf::Term& term) {
  rdf::Term canonical = canonical_term(term);
  auto found = ids_.find(canonical);
  if (found != ids_.end()) return found->second;
  terms_.push_back(canonical);
  const auto id = static_cast<TermId>(terms_.size());
  ids_.emplace(std::move(canonical), id);
  return id;
}

std::optional<TermId> Dictionary::find(const rdf::Term& term) const {
  auto found = ids_.find(canonical_term(term));
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

} // namespace wa::store
