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

namespace {

/// Whether `canonical_term` would change `term`: literals typed xsd:string or
/// with capitals in their language tag. Most terms are not, and skip the copy.
bool needs_canonical_form(const rdf::Term& term) {
  if (!term.is_literal()) return false;
  if (term.datatype == xsd_string) return true;
  return std::any_of(term.language.begin(), term.language.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::uint32_t short_hash(const rdf::Term& term) {
  const std::size_t hash = term_hash(term);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32U));
}

} // namespace

std::size_t Dictionary::slot_of(const rdf::Term& term, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const TermId id = slots_[slot];
    if (id == no_term || (hashes_[id - 1] == hash && terms_[id - 1] == term)) return slot;
  }
}

/// Doubles the table when it would be more than half full, so probes stay short.
void Dictionary::grow() {
  std::vector<TermId> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, no_term);
  const std::size_t mask = slots_.size() - 1;
  for (TermId id : old) {
    if (id == no_term) continue;
    std::size_t slot = hashes_[id - 1] & mask;
    while (slots_[slot] != no_term)
      slot = (slot + 1) & mask;
    slots_[slot] = id;
  }
}

TermId Dictionary::intern(const rdf::Term& term) {
  if (needs_canonical_form(term)) return intern(canonical_term(term));
  if ((terms_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint32_t hash = short_hash(term);
  const std::size_t slot = slot_of(term, hash);
  if (slots_[slot] != no_term) return slots_[slot];
  terms_.push_back(term);
  hashes_.push_back(hash);
  slots_[slot] = static_cast<TermId>(terms_.size());
  return slots_[slot];
}

std::optional<TermId> Dictionary::find(const rdf::Term& term) const {
  if (needs_canonical_form(term)) return find(canonical_term(term));
  if (slots_.empty()) return std::nullopt;
  const TermId id = slots_[slot_of(term, short_hash(term))];
  if (id == no_term) return std::nullopt;
  return id;
}

} // namespace wa::store
