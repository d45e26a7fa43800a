// One evaluation of one query: the variables as slots of a row, the terms the
// query sees, its dataset, its limits, and the evaluation of each algebra
// operator over rows of term ids. Materialising: each operator produces all
// its solutions (sideways bindings into basic graph patterns and paths), so
// every loop checks the deadline and every held row is charged to the budget.
#pragma once

#include "engine/active_graph.hpp"
#include "engine/cancellation.hpp"
#include "engine/evaluator.hpp"
#include "engine/expr/functions.hpp"
#include "engine/join_order.hpp"
#include "engine/rows.hpp"
#include "engine/subject_bitmaps.hpp"
#include "engine/term_table.hpp"
#include "query/algebra.hpp"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace wa::engine {

class QueryRun {
public:
  QueryRun(const query::Query& query, const store::IndexedDataset& dataset,
           const EvaluationOptions& options);

  /// The solutions of the query's pattern.
  Rows solutions();
  [[nodiscard]] rdf::QueryResult result();
  [[nodiscard]] std::string explain();

private:
  const query::Query& query_;
  const store::IndexedDataset& dataset_;
  const EvaluationOptions& options_;
  Cancellation cancellation_;
  TermTable terms_;
  FunctionContext functions_;
  std::map<std::string, std::size_t> slots_;
  std::vector<bool> assigned_; ///< the slots BIND or SELECT expressions assign
  /// Which solution a row is, for BNODE(label): the row without what was assigned to it.
  void start_solution(RowView row);
  void mark_assigned(const query::Pattern& pattern);
  ActiveGraph default_graph_;
  std::vector<TermId> named_graphs_;

  // variables and terms
  void collect_variables();
  void add_slot(const std::string& name);
  [[nodiscard]] std::size_t slot(const std::string& name) const { return slots_.at(name); }
  [[nodiscard]] Row empty_row() const { return Row(slots_.size(), no_term); }
  void choose_dataset();
  /// The bytes one row holds.
  [[nodiscard]] std::size_t row_bytes() const;
  /// Throws MemoryBudgetExceeded if rows being built would pass the budget.
  void hold(const Rows& rows) { hold(rows.size()); }
  void hold(std::size_t rows);

  // patterns (pattern_evaluation.cpp; each operator in operators/<name>.cpp)
  Rows evaluate(const query::Pattern& pattern, RowView input, const ActiveGraph& graph);
  Rows dispatch(const query::Pattern& pattern, RowView input, const ActiveGraph& graph);
  /// A BGP; `filters` (pushed down by the optimizer) are applied as soon as
  /// the variables they read are bound.
  Rows evaluate_bgp(const std::vector<query::TriplePattern>& triples, RowView input,
                    const ActiveGraph& graph, const std::vector<query::Expression>& filters = {});
  /// Whether `node` is a FILTER over a BGP that the BGP applies itself, as
  /// soon as the variables it reads are bound (with the optimizer).
  [[nodiscard]] bool filters_into_bgp(const query::PatternNode& node) const {
    return options_.optimize && node.kind == query::PatternNode::Kind::filter &&
           node.children[0]->kind == query::PatternNode::Kind::bgp;
  }
  Rows evaluate_path(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_join(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_left_join(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_minus(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_graph(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_values(const query::PatternNode& node, RowView input);
  Rows evaluate_extend(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_order(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_project(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_distinct(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  Rows evaluate_slice(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  /// Whether a slice with a LIMIT has the BGP it takes its solutions from
  /// (through projections; a FILTER the BGP applies itself too) stop at
  /// offset + limit solutions.
  [[nodiscard]] bool bgp_stops_at_limit(const query::PatternNode& slice) const;
  /// The ORDER BY under the slice being evaluated, and how many of its first
  /// solutions the slice keeps: that many are sorted, not all.
  const query::PatternNode* top_k_node_ = nullptr;
  std::size_t top_k_ = SIZE_MAX;
  Rows evaluate_group(const query::PatternNode& node, RowView input, const ActiveGraph& graph);
  bool sideways(const query::Pattern& pattern);
  std::map<const query::PatternNode*, bool> sideways_filters_;
  static bool compatible(RowView left, RowView right);
  /// Appends to `out` the merge of two compatible rows.
  static void append_merged(Rows& out, RowView left, RowView right);
  /// A position of a triple pattern, resolved once: a variable's slot, or a
  /// constant's id (`missing` if the data does not hold it: nothing matches).
  struct Position {
    bool variable = false;
    std::size_t slot = 0;
    TermId constant = no_term;
    bool missing = false;
  };
  [[nodiscard]] std::array<Position, 3> resolved(const query::TriplePattern& triple) const;
  TermId position_term(const query::TermOrVariable& position, RowView row, bool& missing) const;
  std::vector<std::size_t> filter_steps_of(const std::vector<query::TriplePattern>& triples,
                                           const std::vector<std::size_t>& order, RowView input,
                                           const std::vector<query::Expression>& filters);
  /// How one BGP is evaluated: its patterns' order, and after which step each
  /// of its pushed-down filters applies.
  struct BgpPlan {
    std::vector<std::size_t> order;
    std::vector<std::size_t> filter_steps;
    std::vector<std::array<Position, 3>> positions; ///< each step's pattern, resolved
    bool missing_constant = false; ///< a constant the data does not hold: no solutions
  };
  const BgpPlan& planned(const std::vector<query::TriplePattern>& triples,
                         const std::vector<query::Expression>& filters, RowView input,
                         const ActiveGraph& graph);
  /// The BGP plans worked out so far, by BGP, its filters and which slots were bound.
  std::map<std::tuple<const void*, const void*, std::vector<bool>>, BgpPlan> bgp_plans_;
  /// Whether the graph holds (subject, predicate, object), predicate and
  /// object constants of the pattern, the subject bound by the row.
  [[nodiscard]] bool has_subject(const ActiveGraph& graph, TermId subject, TermId predicate,
                                 TermId object);
  /// has_subject is about to be asked once for each of `rows` rows.
  void expect_subject_checks(const ActiveGraph& graph, TermId predicate, TermId object,
                             std::size_t rows);
  SubjectBitmaps subject_bitmaps_;
  /// At most how many solutions the pattern being evaluated needs: 1 inside
  /// EXISTS (a BGP there stops at its first solution), offset + limit under
  /// a slice over a BGP, else unbounded.
  std::size_t wanted_ = SIZE_MAX;
  std::vector<std::size_t> bgp_order(const std::vector<query::TriplePattern>& triples,
                                     RowView input, const ActiveGraph& graph,
                                     const std::vector<query::Expression>& filters) const;
  [[nodiscard]] JoinOrder planned_order(const std::vector<query::TriplePattern>& triples,
                                        RowView input, const ActiveGraph& graph,
                                        const std::vector<query::Expression>& filters) const;
  [[nodiscard]] JoinOrderProblem join_problem(const std::vector<query::TriplePattern>& triples,
                                              RowView input, const ActiveGraph& graph,
                                              const std::vector<query::Expression>& filters) const;
  /// Which slots `input` binds: with the pattern, the key of a remembered plan.
  [[nodiscard]] static std::vector<bool> bound_slots(RowView input);
  /// How many solutions the BGP is expected to have for `input`.
  [[nodiscard]] double expected_rows(const std::vector<query::TriplePattern>& triples,
                                     RowView input, const ActiveGraph& graph) const;
  /// How many rows the path is expected to give on its own, if one end is a
  /// constant and the path is one link, its inverse, or either made optional.
  [[nodiscard]] std::optional<double> expected_path_rows(const query::PatternNode& node,
                                                         const ActiveGraph& graph) const;
  /// Whether a join should evaluate its right side (a path) first and its
  /// left side sideways, once per path row.
  [[nodiscard]] bool path_first(const query::PatternNode& join, RowView input,
                                const ActiveGraph& graph);
  /// path_first's answers so far, by join and which slots were bound: a join
  /// inside an OPTIONAL or EXISTS is evaluated once per outer row.
  std::map<std::pair<const query::PatternNode*, std::vector<bool>>, bool> path_first_plans_;
  [[nodiscard]] std::array<double, 3>
  distinct_values(const ActiveGraph& graph, const PatternEstimate& pattern, TermId predicate) const;

  // EXISTS (exists.cpp)
  struct ExistsMemo {
    std::vector<std::size_t> slots; ///< the slots the group mentions
    bool remembered = true;         ///< false for a group that calls RAND, BNODE, ...
    std::map<std::vector<TermId>, bool> answers;
  };
  std::map<const query::ExpressionNode*, ExistsMemo> exists_memos_;
  ExistsMemo& exists_memo(const query::ExpressionNode& node);
  bool group_has_solution(const query::ExpressionNode& node, RowView row, const ActiveGraph& graph);

  // expressions (expression_evaluation.cpp)
  std::optional<rdf::Term> value(const query::Expression& expression, RowView row,
                                 const ActiveGraph& graph);
  bool holds(const query::Expression& expression, RowView row, const ActiveGraph& graph);
  bool holds_all(const std::vector<query::Expression>& expressions, RowView row,
                 const ActiveGraph& graph);
  std::optional<bool> truth_of(const query::Expression& expression, RowView row,
                               const ActiveGraph& graph);
  std::optional<bool> logical_truth(const query::ExpressionNode& node, RowView row,
                                    const ActiveGraph& graph);
  std::optional<rdf::Term> membership(const query::ExpressionNode& node, RowView row,
                                      const ActiveGraph& graph);
  std::optional<rdf::Term> call(const query::ExpressionNode& node, RowView row,
                                const ActiveGraph& graph);
  class CallArguments;
  /// Evaluates `node`'s arguments from `first` on into `args` (from 0);
  /// false if one is unbound or an error.
  bool evaluate_arguments(const query::ExpressionNode& node, RowView row, const ActiveGraph& graph,
                          CallArguments& args, std::size_t first = 0);
  bool is_lower_case_search(const query::ExpressionNode& node);
  std::optional<std::optional<bool>> lower_case_search(const query::ExpressionNode& node,
                                                       RowView row, const ActiveGraph& graph);
  std::unordered_map<const query::ExpressionNode*, bool> lower_case_searches_;
  rdf::Term operate(const query::ExpressionNode& node, Arguments args);
  /// A variable's slot and a call's built-in, found once per node of the
  /// query rather than by name for every solution.
  std::optional<std::size_t> variable_slot(const query::ExpressionNode& node);
  const rdf::Term* bound_term(const query::ExpressionNode& node, RowView row);
  BuiltinFunction builtin_of(const query::ExpressionNode& node);
  std::unordered_map<const query::ExpressionNode*, std::size_t> variable_slots_;
  std::unordered_map<const query::ExpressionNode*, BuiltinFunction> builtins_;

  // aggregates (aggregation.cpp)
  /// The solutions of one group, by their numbers.
  struct Group {
    const Rows& solutions;
    const std::vector<std::size_t>& members;
  };
  std::vector<std::optional<rdf::Term>> aggregated_values(const query::Aggregate& aggregate,
                                                          const Group& group,
                                                          const ActiveGraph& graph);
  std::optional<rdf::Term> aggregate(const query::Aggregate& aggregate, const Group& group,
                                     const ActiveGraph& graph);

  // result forms (evaluator.cpp)
  rdf::QueryResult bindings(const Rows& rows);
  rdf::QueryResult graph_result(const Rows& rows);
  rdf::QueryResult description(const Rows& rows);
  /// `filters`: those of the FILTER above a BGP, which the evaluator applies inside it.
  std::string explain(const query::Pattern& pattern, std::size_t depth, const ActiveGraph& graph,
                      const std::vector<query::Expression>& filters = {});
};

} // namespace wa::engine
