// Distinct and Reduced (SPARQL 1.1 §18.5): the solutions without duplicates, in their first
// order. REDUCED is evaluated as DISTINCT.
#include "engine/query_run.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace wa::engine {

using query::PatternNode;

namespace {

/// The rows kept so far, as their positions in `kept`, found by their ids.
class SeenRows {
public:
  explicit SeenRows(const Rows& kept) : seen_(16, Hash{kept}, Equal{kept}) {}

  /// Whether a row equal to `row` is kept already.
  [[nodiscard]] bool contains(RowView row) const { return seen_.find(row) != seen_.end(); }
  /// The row kept last.
  void add(std::size_t position) { seen_.insert(position); }

private:
  static std::uint64_t hash_of(RowView row) {
    IdHash hash;
    for (TermId id : row)
      hash.add(id);
    return hash.value();
  }
  struct Hash {
    using is_transparent = void;
    const Rows& kept;
    std::size_t operator()(std::size_t position) const { return hash_of(kept[position]); }
    std::size_t operator()(RowView row) const { return hash_of(row); }
  };
  struct Equal {
    using is_transparent = void;
    const Rows& kept;
    [[nodiscard]] RowView view(std::size_t position) const { return kept[position]; }
    [[nodiscard]] static RowView view(RowView row) { return row; }
    template <class A, class B> bool operator()(const A& a, const B& b) const {
      return std::ranges::equal(view(a), view(b));
    }
  };
  std::unordered_set<std::size_t, Hash, Equal> seen_;
};

} // namespace

Rows QueryRun::evaluate_distinct(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  const Rows rows = evaluate(node.children[0], input, graph);
  Rows out(input.size());
  SeenRows seen(out);
  for (RowView row : rows) {
    cancellation_.check();
    if (seen.contains(row)) continue;
    out.append(row);
    seen.add(out.size() - 1);
  }
  hold(out);
  return out;
}

} // namespace wa::engine
