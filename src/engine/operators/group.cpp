// Group, Aggregation and AggregateJoin (SPARQL 1.1 §18.5.1): the solutions grouped by the
// GROUP BY keys, one solution per group with its aggregates (engine/aggregation.cpp); no
// keys and no solutions is one empty group.
#include "engine/query_run.hpp"

#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_group(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  // The solutions stay where they are; a group holds the numbers of its rows.
  const Rows solutions = evaluate(node.children[0], input, graph);
  std::vector<std::size_t> key_slots;
  for (const std::string& name : node.variables)
    key_slots.push_back(slot(name));
  std::map<std::vector<TermId>, std::vector<std::size_t>> groups;
  std::vector<TermId> row_key(key_slots.size()); // reused: a key is copied only for a new group
  for (std::size_t i = 0; i < solutions.size(); ++i) {
    cancellation_.check();
    const std::span<const TermId> row = solutions[i];
    for (std::size_t k = 0; k < key_slots.size(); ++k)
      row_key[k] = row[key_slots[k]];
    auto group = groups.find(row_key);
    if (group == groups.end()) group = groups.emplace(row_key, std::vector<std::size_t>{}).first;
    group->second.push_back(i);
  }
  if (groups.empty() && node.variables.empty()) groups[{}] = {};
  Rows out(input.size());
  for (const auto& [key, members] : groups) {
    Row row(input.begin(), input.end());
    for (std::size_t i = 0; i < key.size(); ++i)
      row[slot(node.variables[i])] = key[i];
    for (const query::Aggregate& aggregate : node.aggregates) {
      if (auto result = this->aggregate(aggregate, Group{solutions, members}, graph)) {
        row[slot(aggregate.variable)] = terms_.id_of(*result);
      }
    }
    out.append(row);
  }
  hold(out);
  return out;
}

} // namespace wa::engine
