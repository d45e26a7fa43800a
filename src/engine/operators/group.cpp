// Group, Aggregation and AggregateJoin (SPARQL 1.1 §18.5.1): the solutions grouped by the
// GROUP BY keys, one solution per group with its aggregates (engine/aggregation.cpp); no
// keys and no solutions is one empty group.
#include "engine/query_run.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_group(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  std::vector<std::size_t> key_slots;
  for (const std::string& name : node.variables)
    key_slots.push_back(slot(name));
  // Each row moves into its group: grouping does not hold the input twice.
  std::map<std::vector<TermId>, Rows> groups;
  std::vector<TermId> row_key(key_slots.size()); // reused: a key is copied only for a new group
  for (Row& row : rows) {
    cancellation_.check();
    for (std::size_t i = 0; i < key_slots.size(); ++i)
      row_key[i] = row[key_slots[i]];
    auto group = groups.find(row_key);
    if (group == groups.end()) group = groups.emplace(row_key, Rows{}).first;
    group->second.push_back(std::move(row));
  }
  Rows().swap(rows);
  if (groups.empty() && node.variables.empty()) groups[{}] = {};
  Rows out;
  for (const auto& [key, members] : groups) {
    Row row = input;
    for (std::size_t i = 0; i < key.size(); ++i)
      row[slot(node.variables[i])] = key[i];
    for (const query::Aggregate& aggregate : node.aggregates) {
      if (auto result = this->aggregate(aggregate, members, graph)) {
        row[slot(aggregate.variable)] = terms_.id_of(*result);
      }
    }
    out.push_back(std::move(row));
  }
  hold(out);
  return out;
}

} // namespace wa::engine
