#include "store/query_guard.hpp"

#include "rdf/sparql_parser.hpp"
#include "store/query_text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace wa::store {

namespace {

[[noreturn]] void refuse(const std::string& message) { throw QueryRefused(400, message); }

std::string name_of(const rasqal_variable* variable) {
  return reinterpret_cast<const char*>(variable->name);
}

/// The variable an expression is, if it is a bare variable.
const rasqal_variable* variable_of(const rasqal_expression* expression) {
  if (expression == nullptr || expression->op != RASQAL_EXPR_LITERAL ||
      expression->literal == nullptr) {
    return nullptr;
  }
  return rasqal_literal_as_variable(expression->literal);
}

/// Expressions the embedded engine evaluates correctly (each covered by a test).
const std::set<rasqal_op>& plain_operators() {
  static const std::set<rasqal_op> ops = {RASQAL_EXPR_AND,
                                          RASQAL_EXPR_OR,
                                          RASQAL_EXPR_EQ,
                                          RASQAL_EXPR_NEQ,
                                          RASQAL_EXPR_LT,
                                          RASQAL_EXPR_GT,
                                          RASQAL_EXPR_LE,
                                          RASQAL_EXPR_GE,
                                          RASQAL_EXPR_UMINUS,
                                          RASQAL_EXPR_PLUS,
                                          RASQAL_EXPR_MINUS,
                                          RASQAL_EXPR_STAR,
                                          RASQAL_EXPR_SLASH,
                                          RASQAL_EXPR_BANG,
                                          RASQAL_EXPR_LITERAL,
                                          RASQAL_EXPR_BOUND,
                                          RASQAL_EXPR_STR,
                                          RASQAL_EXPR_LANG,
                                          RASQAL_EXPR_DATATYPE,
                                          RASQAL_EXPR_ISURI,
                                          RASQAL_EXPR_ISBLANK,
                                          RASQAL_EXPR_ISLITERAL,
                                          RASQAL_EXPR_LANGMATCHES,
                                          RASQAL_EXPR_REGEX,
                                          RASQAL_EXPR_SAMETERM,
                                          RASQAL_EXPR_COALESCE,
                                          RASQAL_EXPR_IF,
                                          RASQAL_EXPR_IN,
                                          RASQAL_EXPR_NOT_IN,
                                          RASQAL_EXPR_ISNUMERIC,
                                          RASQAL_EXPR_STRLEN,
                                          RASQAL_EXPR_SUBSTR,
                                          RASQAL_EXPR_UCASE,
                                          RASQAL_EXPR_LCASE,
                                          RASQAL_EXPR_STRSTARTS,
                                          RASQAL_EXPR_STRENDS,
                                          RASQAL_EXPR_CONTAINS,
                                          RASQAL_EXPR_STRBEFORE,
                                          RASQAL_EXPR_STRAFTER,
                                          RASQAL_EXPR_ABS,
                                          RASQAL_EXPR_ROUND,
                                          RASQAL_EXPR_CEIL,
                                          RASQAL_EXPR_FLOOR,
                                          RASQAL_EXPR_IRI,
                                          RASQAL_EXPR_URI,
                                          RASQAL_EXPR_STRLANG,
                                          RASQAL_EXPR_STRDT,
                                          RASQAL_EXPR_ENCODE_FOR_URI,
                                          RASQAL_EXPR_ORDER_COND_ASC,
                                          RASQAL_EXPR_ORDER_COND_DESC,
                                          RASQAL_EXPR_COUNT,
                                          RASQAL_EXPR_SUM,
                                          RASQAL_EXPR_AVG,
                                          RASQAL_EXPR_MIN,
                                          RASQAL_EXPR_MAX,
                                          RASQAL_EXPR_SAMPLE,
                                          RASQAL_EXPR_GROUP_CONCAT,
                                          RASQAL_EXPR_CONCAT,
                                          RASQAL_EXPR_VARSTAR};
  return ops;
}

/// Names for the refusal messages of what is known and refused.
const std::map<rasqal_op, std::string>& refused_operators() {
  static const std::map<rasqal_op, std::string> names = {
      {RASQAL_EXPR_YEAR, "YEAR()"},
      {RASQAL_EXPR_MONTH, "MONTH()"},
      {RASQAL_EXPR_DAY, "DAY()"},
      {RASQAL_EXPR_HOURS, "HOURS()"},
      {RASQAL_EXPR_MINUTES, "MINUTES()"},
      {RASQAL_EXPR_SECONDS, "SECONDS()"},
      {RASQAL_EXPR_TIMEZONE, "TIMEZONE()"},
      {RASQAL_EXPR_TZ, "TZ()"},
      {RASQAL_EXPR_NOW, "NOW()"},
      {RASQAL_EXPR_RAND, "RAND()"},
      {RASQAL_EXPR_UUID, "UUID()"},
      {RASQAL_EXPR_STRUUID, "STRUUID()"},
      {RASQAL_EXPR_BNODE, "BNODE()"},
      {RASQAL_EXPR_CURRENT_DATETIME, "CURRENT_DATETIME()"},
      {RASQAL_EXPR_FUNCTION, "extension functions and casts"},
      {RASQAL_EXPR_CAST, "casts"},
      {RASQAL_EXPR_REPLACE, "REPLACE()"},
      {RASQAL_EXPR_MD5, "MD5()"},
      {RASQAL_EXPR_SHA1, "SHA1()"},
      {RASQAL_EXPR_SHA224, "SHA224()"},
      {RASQAL_EXPR_SHA256, "SHA256()"},
      {RASQAL_EXPR_SHA384, "SHA384()"},
      {RASQAL_EXPR_SHA512, "SHA512()"}};
  return names;
}

const std::string engine = "the embedded SPARQL engine";

/// Variables bound in every solution of a pattern: those of its required
/// triple patterns, not those under OPTIONAL, and under UNION only those
/// every branch binds.
std::set<std::string> certainly_bound(rasqal_graph_pattern* pattern) {
  std::set<std::string> bound;
  if (pattern == nullptr) return bound;
  switch (rasqal_graph_pattern_get_operator(pattern)) {
  case RASQAL_GRAPH_PATTERN_OPERATOR_BASIC:
    for (int i = 0; rasqal_triple* triple = rasqal_graph_pattern_get_triple(pattern, i); ++i) {
      for (rasqal_literal* part : {triple->subject, triple->predicate, triple->object}) {
        if (rasqal_variable* variable = rasqal_literal_as_variable(part)) {
          bound.insert(name_of(variable));
        }
      }
    }
    return bound;
  case RASQAL_GRAPH_PATTERN_OPERATOR_UNION: {
    bool first = true;
    for (int i = 0;
         rasqal_graph_pattern* branch = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i);
         ++i) {
      std::set<std::string> branch_bound = certainly_bound(branch);
      if (first) {
        bound = branch_bound;
        first = false;
      } else {
        std::set<std::string> common;
        std::ranges::set_intersection(bound, branch_bound, std::inserter(common, common.begin()));
        bound = common;
      }
    }
    return bound;
  }
  case RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH:
    if (rasqal_variable* graph =
            rasqal_literal_as_variable(rasqal_graph_pattern_get_origin(pattern))) {
      bound.insert(name_of(graph));
    }
    [[fallthrough]];
  case RASQAL_GRAPH_PATTERN_OPERATOR_GROUP:
    for (int i = 0;
         rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
      bound.merge(certainly_bound(part));
    }
    return bound;
  default: return bound; // OPTIONAL, FILTER, BIND: may leave variables unbound
  }
}

class Guard {
public:
  Guard(rasqal_query* query) : query_(query) {}

  QueryPlan run() {
    QueryPlan plan;
    plan.form = check_form();
    if (raptor_sequence* graphs = rasqal_query_get_data_graph_sequence(query_);
        graphs != nullptr && raptor_sequence_size(graphs) > 0) {
      refuse(
          "FROM and FROM NAMED are not supported: the dataset is fixed. The default graph is the "
          "union of all parts; use GRAPH <...> to query one part.");
    }
    if (rasqal_query_get_bindings_variables_sequence(query_) != nullptr) {
      refuse("VALUES is not supported by " + engine + " (it answers it wrongly).");
    }
    rasqal_graph_pattern* where = rasqal_query_get_query_graph_pattern(query_);
    bound_ = certainly_bound(where);
    check_pattern(where);
    check_projection(plan);
    check_grouping(plan);
    check_order();
    return plan;
  }

private:
  rasqal_query* query_;
  std::set<std::string> bound_;
  std::set<std::string> counted_; ///< projected COUNT aggregates: always bound

  QueryPlan::Form check_form() {
    switch (rasqal_query_get_verb(query_)) {
    case RASQAL_QUERY_VERB_SELECT: return QueryPlan::Form::select;
    case RASQAL_QUERY_VERB_ASK: return QueryPlan::Form::ask;
    case RASQAL_QUERY_VERB_CONSTRUCT: return QueryPlan::Form::construct;
    case RASQAL_QUERY_VERB_DESCRIBE:
      refuse("DESCRIBE is not supported by " + engine + "; use CONSTRUCT.");
    default:
      refuse("only SELECT, ASK and CONSTRUCT queries are accepted: this endpoint is read-only.");
    }
  }

  void check_pattern(rasqal_graph_pattern* pattern) {
    if (pattern == nullptr) return;
    switch (rasqal_graph_pattern_get_operator(pattern)) {
    case RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE:
      refuse("SERVICE is refused: this endpoint never makes outbound requests.");
    case RASQAL_GRAPH_PATTERN_OPERATOR_MINUS:
      refuse("MINUS is not supported by " + engine + "; use OPTIONAL with !BOUND.");
    case RASQAL_GRAPH_PATTERN_OPERATOR_VALUES:
      refuse("VALUES is not supported by " + engine + " (it answers it wrongly).");
    case RASQAL_GRAPH_PATTERN_OPERATOR_SELECT:
      refuse("sub-queries are not supported by " + engine + ".");
    case RASQAL_GRAPH_PATTERN_OPERATOR_BASIC:
    case RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL:
    case RASQAL_GRAPH_PATTERN_OPERATOR_UNION:
    case RASQAL_GRAPH_PATTERN_OPERATOR_GROUP:
    case RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH:
    case RASQAL_GRAPH_PATTERN_OPERATOR_FILTER:
    case RASQAL_GRAPH_PATTERN_OPERATOR_LET: break;
    default: refuse("a graph pattern form that " + engine + " does not support.");
    }
    check_expression(rasqal_graph_pattern_get_filter_expression(pattern));
    for (int i = 0;
         rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
      check_pattern(part);
    }
  }

  void check_expression(const rasqal_expression* expression) {
    if (expression == nullptr) return;
    const rasqal_op op = expression->op;
    if (auto refused = refused_operators().find(op); refused != refused_operators().end()) {
      refuse(refused->second + " is not supported by " + engine + ".");
    }
    if (!plain_operators().contains(op)) {
      refuse("an expression that " + engine + " does not support.");
    }
    if (op == RASQAL_EXPR_COUNT) check_count(expression);
    if (op == RASQAL_EXPR_GROUP_CONCAT && expression->literal != nullptr) {
      refuse("GROUP_CONCAT with SEPARATOR is not supported by " + engine +
             " (it ignores the separator).");
    }
    if (op == RASQAL_EXPR_CONCAT) check_concat(expression);
    for (const rasqal_expression* arg :
         {expression->arg1, expression->arg2, expression->arg3, expression->arg4}) {
      check_expression(arg);
    }
    for (raptor_sequence* list : {expression->args, expression->params}) {
      if (list == nullptr) continue;
      for (int i = 0; i < raptor_sequence_size(list); ++i) {
        check_expression(static_cast<rasqal_expression*>(raptor_sequence_get_at(list, i)));
      }
    }
  }

  void check_count(const rasqal_expression* count) {
    if (count->arg1 == nullptr || count->arg1->op == RASQAL_EXPR_VARSTAR) return;
    const rasqal_variable* counted = variable_of(count->arg1);
    if (counted == nullptr || !bound_.contains(name_of(counted))) {
      refuse("COUNT of a value that may be unbound is not supported by " + engine +
             " (it counts unbound values); count a variable bound by a required triple "
             "pattern, or COUNT(*).");
    }
  }

  /// CONCAT of a function call crashes Rasqal (use after free): only variables
  /// and constants may be concatenated; BIND the call first.
  void check_concat(const rasqal_expression* concat) {
    if (concat->args == nullptr) return;
    for (int i = 0; i < raptor_sequence_size(concat->args); ++i) {
      auto* arg = static_cast<rasqal_expression*>(raptor_sequence_get_at(concat->args, i));
      if (arg == nullptr || arg->op != RASQAL_EXPR_LITERAL) {
        refuse("CONCAT of a function call is not supported by " + engine +
               "; BIND the function's value to a variable first.");
      }
    }
  }

  static bool is_aggregate(const rasqal_expression* expression) {
    switch (expression->op) {
    case RASQAL_EXPR_COUNT:
    case RASQAL_EXPR_SUM:
    case RASQAL_EXPR_AVG:
    case RASQAL_EXPR_MIN:
    case RASQAL_EXPR_MAX:
    case RASQAL_EXPR_SAMPLE:
    case RASQAL_EXPR_GROUP_CONCAT: return true;
    default: return false;
    }
  }

  static bool contains_aggregate(const rasqal_expression* expression) {
    if (expression == nullptr) return false;
    if (is_aggregate(expression)) return true;
    for (const rasqal_expression* arg :
         {expression->arg1, expression->arg2, expression->arg3, expression->arg4}) {
      if (contains_aggregate(arg)) return true;
    }
    if (expression->args != nullptr) {
      for (int i = 0; i < raptor_sequence_size(expression->args); ++i) {
        if (contains_aggregate(
                static_cast<rasqal_expression*>(raptor_sequence_get_at(expression->args, i)))) {
          return true;
        }
      }
    }
    return false;
  }

  static EmptyAggregate::Value empty_value(const rasqal_expression* aggregate) {
    switch (aggregate->op) {
    case RASQAL_EXPR_COUNT:
    case RASQAL_EXPR_SUM:
    case RASQAL_EXPR_AVG: return EmptyAggregate::Value::zero;
    case RASQAL_EXPR_GROUP_CONCAT: return EmptyAggregate::Value::empty_string;
    default: return EmptyAggregate::Value::unbound;
    }
  }

  void check_projection(QueryPlan& plan) {
    raptor_sequence* projected = rasqal_query_get_bound_variable_sequence(query_);
    if (projected == nullptr) return;
    bool any_aggregate = false;
    for (int i = 0; i < raptor_sequence_size(projected); ++i) {
      auto* variable = static_cast<rasqal_variable*>(raptor_sequence_get_at(projected, i));
      const rasqal_expression* expression = variable->expression;
      plan.variables.push_back(name_of(variable));
      check_expression(expression);
      if (contains_aggregate(expression)) {
        any_aggregate = true;
        if (expression->op == RASQAL_EXPR_COUNT) counted_.insert(name_of(variable));
      }
      plan.empty_row.push_back({name_of(variable), expression != nullptr && is_aggregate(expression)
                                                       ? empty_value(expression)
                                                       : EmptyAggregate::Value::unbound});
    }
    raptor_sequence* groups = rasqal_query_get_group_conditions_sequence(query_);
    plan.grouped = groups != nullptr && raptor_sequence_size(groups) > 0;
    plan.implicit_group = any_aggregate && !plan.grouped;
    if (plan.implicit_group) {
      for (int i = 0; i < raptor_sequence_size(projected); ++i) {
        auto* variable = static_cast<rasqal_variable*>(raptor_sequence_get_at(projected, i));
        if (variable->expression == nullptr || !is_aggregate(variable->expression)) {
          refuse("with aggregates and no GROUP BY, every projected value must be an aggregate "
                 "(COUNT, SUM, ...) for " +
                 engine + ".");
        }
      }
    } else {
      plan.empty_row.clear();
    }
  }

  void check_grouping(QueryPlan& plan) {
    if (raptor_sequence* groups = rasqal_query_get_group_conditions_sequence(query_)) {
      for (int i = 0; i < raptor_sequence_size(groups); ++i) {
        auto* condition = static_cast<rasqal_expression*>(raptor_sequence_get_at(groups, i));
        const rasqal_expression* grouped_on = (condition->op == RASQAL_EXPR_GROUP_COND_ASC ||
                                               condition->op == RASQAL_EXPR_GROUP_COND_DESC)
                                                  ? condition->arg1
                                                  : condition;
        const rasqal_variable* key = variable_of(grouped_on);
        // "GROUP BY (LANG(?l) AS ?g)" comes as a variable that carries its expression.
        if (key == nullptr || key->expression != nullptr) {
          refuse("GROUP BY an expression is not supported by " + engine +
                 " (it answers it "
                 "wrongly); BIND the expression to a variable and group by that.");
        }
      }
    }
    if (raptor_sequence* having = rasqal_query_get_having_conditions_sequence(query_)) {
      for (int i = 0; i < raptor_sequence_size(having); ++i) {
        check_expression(static_cast<rasqal_expression*>(raptor_sequence_get_at(having, i)));
      }
      if (raptor_sequence_size(having) > 0 && plan.implicit_group) {
        refuse("HAVING without GROUP BY is not supported by " + engine + ".");
      }
    }
  }

  void check_order() {
    raptor_sequence* order = rasqal_query_get_order_conditions_sequence(query_);
    if (order == nullptr) return;
    for (int i = 0; i < raptor_sequence_size(order); ++i) {
      auto* condition = static_cast<rasqal_expression*>(raptor_sequence_get_at(order, i));
      check_expression(condition);
      if (condition->op != RASQAL_EXPR_ORDER_COND_DESC) continue;
      const rasqal_variable* key = variable_of(condition->arg1);
      if (key == nullptr || !(bound_.contains(name_of(key)) || counted_.contains(name_of(key)))) {
        refuse("ORDER BY DESC of a value that may be unbound is not supported by " + engine +
               " (it puts unbound values first); order by a variable bound by a required "
               "triple pattern.");
      }
    }
  }
};

/// Property paths and EXISTS are syntax errors to Rasqal: say so when the query seems to use them.
std::string missing_feature_hint(const std::string& query, const std::string& message) {
  std::string upper_query = query;
  for (char& c : upper_query)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper_query.find("EXISTS") != std::string::npos) {
    return " (" + engine + " does not support EXISTS or NOT EXISTS; use OPTIONAL with BOUND)";
  }
  for (const char* path_operator : {"'/'", "'|'", "'^'", "'+'", "'*'", "'?'", "'!'"}) {
    if (message.find(path_operator) != std::string::npos) {
      return std::string(" (") + engine + " does not support property paths)";
    }
  }
  return "";
}

} // namespace

QueryPlan check_query(const std::string& query, const std::string& base_iri) {
  if (is_update(query)) {
    refuse("SPARQL Update is not accepted: this endpoint is read-only.");
  }
  try {
    rdf::ParsedQuery parsed(query, base_iri);
    return Guard(parsed.tree()).run();
  } catch (const rdf::SparqlSyntaxError& error) {
    refuse(std::string("syntax error: ") + error.what() +
           missing_feature_hint(query, error.what()));
  }
}

} // namespace wa::store
