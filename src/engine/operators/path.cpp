// Property path pattern (SPARQL 1.1 §18.4, a leaf of the §18.5 algebra): the pairs of nodes
// a path connects. Evaluated sideways: an end the input row binds is fixed before the path is
// walked (engine/paths.cpp).
#include "engine/paths.hpp"
#include "engine/query_run.hpp"

#include <utility>
#include <variant>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_path(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  bool missing = false;
  auto end_of = [&](const query::TermOrVariable& position) {
    PathEnd end;
    if (const auto* variable = std::get_if<query::Variable>(&position)) {
      end.term = input[slot(variable->name)];
    } else {
      end.term = terms_.id_of(std::get<rdf::Term>(position));
      end.constant = true;
    }
    return end;
  };
  (void)missing;
  const PathEnd subject = end_of(node.path_subject);
  const PathEnd object = end_of(node.path_object);
  const auto* subject_variable = std::get_if<query::Variable>(&node.path_subject);
  const auto* object_variable = std::get_if<query::Variable>(&node.path_object);
  const bool same = subject_variable != nullptr && object_variable != nullptr &&
                    subject_variable->name == object_variable->name;
  Rows rows(input.size());
  engine::evaluate_path(dataset_, terms_, graph, subject, node.path, object, same, cancellation_,
                        [&](TermId s, TermId o) {
                          const std::span<TermId> row = rows.append(input);
                          if (subject_variable != nullptr) row[slot(subject_variable->name)] = s;
                          if (object_variable != nullptr) row[slot(object_variable->name)] = o;
                        });
  hold(rows);
  return rows;
}

} // namespace wa::engine
