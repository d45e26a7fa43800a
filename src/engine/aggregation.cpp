// The set functions of section 18.5.1 over the solutions of one group:
// COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT, each with DISTINCT.
#include "engine/query_run.hpp"

#include <set>
#include <unordered_set>

namespace wa::engine {

namespace {

constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";

/// The string value GROUP_CONCAT joins: a literal's lexical form.
std::string concatenable(const rdf::Term& term) {
  if (!term.is_literal()) throw ExpressionError("GROUP_CONCAT of a term that is not a literal");
  return term.value;
}

} // namespace

/// The values of the argument over the group, an error kept as nullopt,
/// each value once under DISTINCT. A plain variable is read as ids: ids are
/// one per RDF term, so DISTINCT compares ids, and a value is decoded once.
std::vector<std::optional<rdf::Term>> QueryRun::aggregated_values(const query::Aggregate& aggregate,
                                                                  const Group& group,
                                                                  const ActiveGraph& graph) {
  std::vector<std::optional<rdf::Term>> values;
  if (aggregate.argument->kind == query::ExpressionNode::Kind::variable) {
    const std::size_t at = slot(aggregate.argument->name);
    std::unordered_set<TermId> seen;
    for (std::size_t member : group.members) {
      cancellation_.check();
      const TermId id = group.solutions[member][at];
      if (id != no_term && aggregate.distinct && !seen.insert(id).second) continue;
      values.push_back(id == no_term ? std::nullopt : std::optional<rdf::Term>(terms_.term(id)));
    }
    return values;
  }
  std::set<rdf::Term> seen;
  Row row; // an expression reads a whole row
  for (std::size_t member : group.members) {
    cancellation_.check();
    row.assign(group.solutions[member].begin(), group.solutions[member].end());
    start_solution(row);
    std::optional<rdf::Term> result = value(aggregate.argument, row, graph);
    if (aggregate.distinct && result && !seen.insert(*result).second) continue;
    values.push_back(std::move(result));
  }
  return values;
}

std::optional<rdf::Term> QueryRun::aggregate(const query::Aggregate& aggregate, const Group& group,
                                             const ActiveGraph& graph) {
  using Function = query::Aggregate::Function;
  if (!aggregate.argument) { // COUNT(*)
    if (!aggregate.distinct)
      return integer_literal(static_cast<std::int64_t>(group.members.size()));
    std::set<Row> distinct;
    for (std::size_t member : group.members)
      distinct.emplace(group.solutions[member].begin(), group.solutions[member].end());
    return integer_literal(static_cast<std::int64_t>(distinct.size()));
  }
  if (aggregate.function == Function::count &&
      aggregate.argument->kind == query::ExpressionNode::Kind::variable) {
    // Counted as ids: nothing to decode.
    const std::size_t at = slot(aggregate.argument->name);
    std::unordered_set<TermId> seen;
    std::int64_t count = 0;
    for (std::size_t member : group.members) {
      const TermId id = group.solutions[member][at];
      if (id == no_term) continue;
      if (!aggregate.distinct || seen.insert(id).second) ++count;
    }
    return integer_literal(count);
  }
  const std::vector<std::optional<rdf::Term>> values = aggregated_values(aggregate, group, graph);
  try {
    switch (aggregate.function) {
    case Function::count: {
      std::int64_t count = 0;
      for (const auto& v : values)
        count += v ? 1 : 0;
      return integer_literal(count);
    }
    case Function::sum:
    case Function::avg: {
      rdf::Term sum = integer_literal(0);
      for (const auto& v : values) {
        if (!v) return std::nullopt;
        sum = arithmetic(Arithmetic::add, sum, *v);
      }
      if (aggregate.function == Function::sum || values.empty()) return sum;
      return arithmetic(Arithmetic::divide, sum,
                        integer_literal(static_cast<std::int64_t>(values.size())));
    }
    case Function::min:
    case Function::max: {
      std::optional<rdf::Term> best;
      for (const auto& v : values) {
        if (!v) return std::nullopt;
        const int c = best ? order_compare(*v, *best) : 0;
        if (!best || (aggregate.function == Function::min ? c < 0 : c > 0)) best = v;
      }
      return best;
    }
    case Function::sample:
      for (const auto& v : values)
        if (v) return v;
      return std::nullopt;
    case Function::group_concat: {
      std::string joined;
      bool first = true;
      for (const auto& v : values) {
        if (!v) return std::nullopt;
        if (!first) joined += aggregate.separator;
        joined += concatenable(*v);
        first = false;
      }
      return rdf::Term::literal(joined);
    }
    }
  } catch (const ExpressionError&) {
    return std::nullopt;
  }
  (void)xsd;
  return std::nullopt;
}

} // namespace wa::engine
