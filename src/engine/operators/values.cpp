// VALUES (SPARQL 1.1 §18.5, ToMultiSet): the inline data as a multiset of solutions, each
// joined here with the input row (kept only when compatible with it).
#include "engine/query_run.hpp"

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_values(const PatternNode& node, RowView input) {
  Rows rows(input.size());
  for (const query::ValuesRow& values : node.rows) {
    Row row = empty_row();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i]) row[slot(node.variables[i])] = terms_.id_of(*values[i]);
    }
    if (compatible(input, row)) append_merged(rows, input, row);
  }
  hold(rows);
  return rows;
}

} // namespace wa::engine
