// EXISTS and NOT EXISTS (SPARQL 1.1 §17.4.1.4, §18.6 substitute): whether the
// group has a solution under the current row. The answer depends only on the
// values of the variables the group mentions, so it is remembered per query
// for each combination of those values (and active graph): a FILTER NOT
// EXISTS over 100,000 rows that share 100 values of its variable evaluates
// the group 100 times. A group that is a basic graph pattern stops at its
// first solution. Groups that call RAND, BNODE, UUID or STRUUID are
// evaluated every time: each evaluation may differ.
#include "engine/optimizer.hpp"
#include "engine/query_run.hpp"
#include "query/variables.hpp"

#include <algorithm>
#include <utility>

namespace wa::engine {

namespace {

bool is_volatile(const query::Pattern& pattern) {
  bool found = false;
  query::for_each_expression(
      pattern, [&](const query::ExpressionNode& node) { found = found || is_volatile_call(node); });
  return found;
}

} // namespace

QueryRun::ExistsMemo& QueryRun::exists_memo(const query::ExpressionNode& node) {
  auto found = exists_memos_.find(&node);
  if (found != exists_memos_.end()) return found->second;
  ExistsMemo memo;
  memo.remembered = !is_volatile(node.pattern);
  query::for_each_variable(node.pattern, [&](const std::string& name) {
    if (auto slot = slots_.find(name); slot != slots_.end()) memo.slots.push_back(slot->second);
  });
  std::sort(memo.slots.begin(), memo.slots.end());
  memo.slots.erase(std::unique(memo.slots.begin(), memo.slots.end()), memo.slots.end());
  return exists_memos_.emplace(&node, std::move(memo)).first->second;
}

bool QueryRun::group_has_solution(const query::ExpressionNode& node, RowView row,
                                  const ActiveGraph& graph) {
  ExistsMemo& memo = exists_memo(node);
  std::vector<TermId> key;
  if (memo.remembered) {
    key.reserve(memo.slots.size() + graph.graphs.size());
    for (std::size_t slot : memo.slots)
      key.push_back(row[slot]);
    key.insert(key.end(), graph.graphs.begin(), graph.graphs.end());
    if (auto known = memo.answers.find(key); known != memo.answers.end()) return known->second;
  }
  const bool first_is_enough = node.pattern->kind == query::PatternNode::Kind::bgp;
  const std::size_t wanted = std::exchange(wanted_, first_is_enough ? 1 : SIZE_MAX);
  const bool found = !evaluate(node.pattern, row, graph).empty();
  wanted_ = wanted;
  if (memo.remembered) {
    cancellation_.charge(key.size() * sizeof(TermId) + 64);
    memo.answers.emplace(std::move(key), found);
  }
  return found;
}

} // namespace wa::engine
