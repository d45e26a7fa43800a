#include "engine/subject_bitmaps.hpp"

namespace wa::engine {

namespace {

/// Asks of one pair before a bitmap is considered: a query that checks a
/// few rows never pays for one.
constexpr std::size_t asks_before_bitmap = 256;
/// A bitmap is built once the asks so far are at least this share of the
/// pair's subjects, so that building (one pass over them) costs no more
/// than the lookups already made.
constexpr std::size_t subjects_per_ask = 16;

} // namespace

bool SubjectBitmaps::contains(const store::IndexedDataset& dataset, Cancellation& cancellation,
                              TermId graph, TermId subject, TermId predicate, TermId object) {
  Pair& pair = pairs_[{graph, predicate, object}];
  // Considered at 256, 512, 1024, ... asks: the count is not paid per ask.
  const std::size_t asked = pair.bits.empty() ? ++pair.asked : 0;
  if ((asked & (asked - 1)) == 0)
    consider(dataset, cancellation, graph, predicate, object, asked, pair);
  if (pair.bits.empty()) return dataset.quads().count({graph, subject, predicate, object}) > 0;
  const std::size_t word = subject / 64;
  return word < pair.bits.size() && ((pair.bits[word] >> (subject % 64)) & 1U) != 0;
}

void SubjectBitmaps::expect(const store::IndexedDataset& dataset, Cancellation& cancellation,
                            TermId graph, TermId predicate, TermId object, std::size_t asks) {
  // Asked once per BGP step, also of a BGP evaluated once per outer row:
  // too few asks cost no lookup of the pair.
  if (asks < asks_before_bitmap) return;
  Pair& pair = pairs_[{graph, predicate, object}];
  if (pair.bits.empty()) consider(dataset, cancellation, graph, predicate, object, asks, pair);
}

bool SubjectBitmaps::has_bitmap(TermId graph, TermId predicate, TermId object) const {
  const auto found = pairs_.find({graph, predicate, object});
  return found != pairs_.end() && !found->second.bits.empty();
}

void SubjectBitmaps::consider(const store::IndexedDataset& dataset, Cancellation& cancellation,
                              TermId graph, TermId predicate, TermId object, std::size_t asks,
                              Pair& pair) {
  if (asks < asks_before_bitmap) return;
  const std::size_t subjects = dataset.quads().count({graph, store::no_term, predicate, object});
  if (subjects <= asks * subjects_per_ask)
    build(dataset, cancellation, graph, predicate, object, pair);
}

void SubjectBitmaps::build(const store::IndexedDataset& dataset, Cancellation& cancellation,
                           TermId graph, TermId predicate, TermId object, Pair& pair) {
  const std::size_t words = dataset.dictionary().size() / 64 + 1;
  cancellation.charge(words * sizeof(std::uint64_t));
  pair.bits.assign(words, 0);
  const store::QuadRange range = dataset.quads().match({graph, store::no_term, predicate, object});
  for (std::size_t i = 0; i < range.size(); ++i) {
    const TermId subject = range[i].subject;
    pair.bits[subject / 64] |= std::uint64_t{1} << (subject % 64);
  }
}

} // namespace wa::engine
