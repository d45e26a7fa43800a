#include "store/query_guard.hpp"

#include "agenda/text.hpp"
#include "rdf/sparql_parser.hpp"
#include "store/grammar_rules.hpp"
#include "store/query_text.hpp"
#include "store/query_tokens.hpp"

#include <algorithm>
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

/// A variable of a triple pattern's term, if it is one.
const rasqal_variable* variable_in(rasqal_literal* term) {
  return term == nullptr ? nullptr : rasqal_literal_as_variable(term);
}

/// The variables a pattern binds anywhere inside it.
void collect_variables(rasqal_graph_pattern* pattern, std::set<std::string>& variables) {
  if (pattern == nullptr) return;
  for (int i = 0; rasqal_triple* triple = rasqal_graph_pattern_get_triple(pattern, i); ++i) {
    for (rasqal_literal* part : {triple->subject, triple->predicate, triple->object}) {
      if (const rasqal_variable* variable = variable_in(part)) variables.insert(name_of(variable));
    }
  }
  if (const rasqal_variable* bound = rasqal_graph_pattern_get_variable(pattern)) {
    variables.insert(name_of(bound));
  }
  for (int i = 0;
       rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
    collect_variables(part, variables);
  }
}

/// The variables an expression mentions.
void expression_variables(const rasqal_expression* expression, std::set<std::string>& variables) {
  if (expression == nullptr) return;
  if (const rasqal_variable* variable = variable_of(expression))
    variables.insert(name_of(variable));
  for (const rasqal_expression* arg :
       {expression->arg1, expression->arg2, expression->arg3, expression->arg4}) {
    expression_variables(arg, variables);
  }
  for (raptor_sequence* list : {expression->args, expression->params}) {
    if (list == nullptr) continue;
    for (int i = 0; i < raptor_sequence_size(list); ++i) {
      expression_variables(static_cast<rasqal_expression*>(raptor_sequence_get_at(list, i)),
                           variables);
    }
  }
}

/// Every variable a pattern mentions (triples, FILTER and BIND expressions,
/// GRAPH variables), leaving out the sub-pattern `skip`.
void mentioned_variables(rasqal_graph_pattern* pattern, const rasqal_graph_pattern* skip,
                         std::set<std::string>& variables) {
  if (pattern == nullptr || pattern == skip) return;
  for (int i = 0; rasqal_triple* triple = rasqal_graph_pattern_get_triple(pattern, i); ++i) {
    for (rasqal_literal* part : {triple->subject, triple->predicate, triple->object}) {
      if (const rasqal_variable* variable = variable_in(part)) variables.insert(name_of(variable));
    }
  }
  if (const rasqal_variable* bound = rasqal_graph_pattern_get_variable(pattern)) {
    variables.insert(name_of(bound));
  }
  if (const rasqal_variable* graph = variable_in(rasqal_graph_pattern_get_origin(pattern))) {
    variables.insert(name_of(graph));
  }
  expression_variables(rasqal_graph_pattern_get_filter_expression(pattern), variables);
  for (int i = 0;
       rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
    mentioned_variables(part, skip, variables);
  }
}

/// The blank node labels of a pattern's own triple patterns.
std::set<std::string> blank_labels(rasqal_graph_pattern* pattern) {
  std::set<std::string> labels;
  for (int i = 0; rasqal_triple* triple = rasqal_graph_pattern_get_triple(pattern, i); ++i) {
    for (rasqal_literal* part : {triple->subject, triple->predicate, triple->object}) {
      const rasqal_variable* variable = variable_in(part);
      // Rasqal turns a blank node label of a pattern into an anonymous variable.
      if (variable != nullptr && variable->type == RASQAL_VARIABLE_TYPE_ANONYMOUS) {
        labels.insert(name_of(variable));
      }
    }
  }
  return labels;
}

class Guard {
public:
  Guard(rasqal_query* query, const PredicateStats* stats) : query_(query), stats_(stats) {}

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
    check_joins(where, false);
    check_scopes(where, where, nullptr);
    check_blank_labels(where);
    if (plan.form == QueryPlan::Form::construct) check_template();
    check_projection(plan);
    check_grouping(plan);
    check_order(plan);
    return plan;
  }

private:
  rasqal_query* query_;
  const PredicateStats* stats_;
  std::set<std::string> bound_;
  std::set<std::string> counted_; ///< projected COUNT aggregates: always bound

  /// SPARQL evaluates a group on its own: a FILTER or BIND in a nested group,
  /// or an OPTIONAL nested in one, sees only the variables the group binds.
  /// Rasqal instead lets the values bound outside the group flow in, and so
  /// answers wrongly when such a variable is bound outside the group but not
  /// by the group's own triple patterns. Refused, naming the variable.
  void check_scopes(rasqal_graph_pattern* pattern, rasqal_graph_pattern* root,
                    rasqal_graph_pattern* parent) {
    if (pattern == nullptr) return;
    const rasqal_graph_pattern_operator kind = rasqal_graph_pattern_get_operator(pattern);
    std::vector<rasqal_graph_pattern*> parts;
    for (int i = 0;
         rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
      parts.push_back(part);
    }
    // BIND(... AS ?v) must not name a variable used before it in its group.
    // Rasqal parses "{ P } { BIND(...) }" and "{ P BIND(...) }" alike, so
    // both are refused (UNION branches are alternatives, not "before").
    std::set<std::string> before;
    for (rasqal_graph_pattern* part : parts) {
      if (kind == RASQAL_GRAPH_PATTERN_OPERATOR_UNION) break;
      if (rasqal_graph_pattern_get_operator(part) == RASQAL_GRAPH_PATTERN_OPERATOR_LET) {
        const rasqal_variable* bound = rasqal_graph_pattern_get_variable(part);
        if (bound != nullptr && before.contains(name_of(bound))) {
          refuse("BIND(... AS ?" + name_of(bound) + ") after a pattern that uses ?" +
                 name_of(bound) + " is not supported by " + engine +
                 ": SPARQL forbids it within one group (section 18.2.1) and the engine cannot "
                 "tell that from a BIND in a group of its own. Use a new variable.");
        }
      }
      if (rasqal_graph_pattern_get_operator(part) != RASQAL_GRAPH_PATTERN_OPERATOR_FILTER) {
        mentioned_variables(part, nullptr, before);
      }
    }
    // A UNION branch that is a lone BIND or FILTER is a group of its own.
    if (kind == RASQAL_GRAPH_PATTERN_OPERATOR_UNION) {
      for (rasqal_graph_pattern* branch : parts) {
        const rasqal_graph_pattern_operator branch_kind = rasqal_graph_pattern_get_operator(branch);
        if (branch_kind != RASQAL_GRAPH_PATTERN_OPERATOR_LET &&
            branch_kind != RASQAL_GRAPH_PATTERN_OPERATOR_FILTER) {
          continue;
        }
        std::set<std::string> read;
        expression_variables(rasqal_graph_pattern_get_filter_expression(branch), read);
        std::set<std::string> outside;
        mentioned_variables(root, branch, outside);
        for (const std::string& variable : read) {
          if (outside.contains(variable)) refuse_outer_variable(variable);
        }
      }
    }
    const bool optional = kind == RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL;
    // OPTIONAL { P FILTER(f) }: f is the left join's condition and sees both sides.
    const bool optional_body =
        optional ||
        (parent != nullptr &&
         rasqal_graph_pattern_get_operator(parent) == RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL &&
         rasqal_graph_pattern_get_sub_graph_pattern(parent, 1) == nullptr);
    const bool group = kind == RASQAL_GRAPH_PATTERN_OPERATOR_GROUP || optional;
    if (pattern != root && group) {
      std::set<std::string> inside_bound;
      for (rasqal_graph_pattern* part : parts)
        inside_bound.merge(certainly_bound(part));
      std::set<std::string> outside;
      mentioned_variables(root, pattern, outside);
      std::set<std::string> read;
      if (!optional_body)
        expression_variables(rasqal_graph_pattern_get_filter_expression(pattern), read);
      for (rasqal_graph_pattern* part : parts) {
        const rasqal_graph_pattern_operator part_kind = rasqal_graph_pattern_get_operator(part);
        if (part_kind == RASQAL_GRAPH_PATTERN_OPERATOR_LET ||
            (part_kind == RASQAL_GRAPH_PATTERN_OPERATOR_FILTER && !optional_body)) {
          expression_variables(rasqal_graph_pattern_get_filter_expression(part), read);
        } else if (part_kind == RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL) {
          mentioned_variables(part, nullptr, read);
        }
      }
      for (const std::string& variable : read) {
        if (!inside_bound.contains(variable) && outside.contains(variable)) {
          refuse_outer_variable(variable);
        }
      }
    }
    for (rasqal_graph_pattern* part : parts)
      check_scopes(part, root, pattern);
  }

  [[noreturn]] static void refuse_outer_variable(const std::string& variable) {
    refuse(
        "a FILTER, BIND or OPTIONAL inside a nested group that uses ?" + variable +
        ", which the group's own triple patterns do not bind but the query binds outside the "
        "group, is not supported by " +
        engine +
        " (SPARQL evaluates the group on its own, the engine lets the outside value in). Bind ?" +
        variable + " inside the group, or move the FILTER, BIND or OPTIONAL out of it.");
  }

  /// A blank node label stands for one node within one basic graph pattern:
  /// the same label in two of them is a syntax error (SPARQL 1.1, 19.6).
  static void check_blank_labels(rasqal_graph_pattern* root) {
    std::map<std::string, int> owner; // label -> basic graph pattern
    int next_bgp = 0;
    std::vector<rasqal_graph_pattern*> stack = {root};
    for (std::size_t steps = 0; !stack.empty() && steps < 100000; ++steps) {
      rasqal_graph_pattern* pattern = stack.back();
      stack.pop_back();
      if (pattern == nullptr) continue;
      // Triples separated only by FILTERs form one basic graph pattern, even
      // where Rasqal splits them.
      int bgp = -1;
      auto claim = [&](rasqal_graph_pattern* basic) {
        if (bgp < 0) bgp = next_bgp++;
        for (const std::string& label : blank_labels(basic)) {
          auto [at, inserted] = owner.emplace(label, bgp);
          if (!inserted && at->second != bgp) {
            refuse("syntax error: the blank node label _:" + label +
                   " is used in two different basic graph patterns (SPARQL 1.1, section 19.6)");
          }
        }
      };
      if (rasqal_graph_pattern_get_operator(pattern) == RASQAL_GRAPH_PATTERN_OPERATOR_BASIC) {
        claim(pattern);
        continue;
      }
      for (int i = 0;
           rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i);
           ++i) {
        const rasqal_graph_pattern_operator kind = rasqal_graph_pattern_get_operator(part);
        if (kind == RASQAL_GRAPH_PATTERN_OPERATOR_BASIC) {
          claim(part);
        } else if (kind != RASQAL_GRAPH_PATTERN_OPERATOR_FILTER) {
          bgp = -1;
          stack.push_back(part);
        }
      }
    }
  }

  /// CONSTRUCT with an empty template crashes Rasqal.
  void check_template() {
    raptor_sequence* triples = rasqal_query_get_construct_triples_sequence(query_);
    if (triples == nullptr || raptor_sequence_size(triples) == 0) {
      refuse("CONSTRUCT with an empty template is not supported by " + engine +
             " (it crashes on it); the answer would be the empty graph.");
    }
  }

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
    if (rasqal_graph_pattern_get_operator(pattern) == RASQAL_GRAPH_PATTERN_OPERATOR_FILTER) {
      approve_datatype_tests(rasqal_graph_pattern_get_filter_expression(pattern));
    }
    check_expression(rasqal_graph_pattern_get_filter_expression(pattern));
    for (int i = 0;
         rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
      check_pattern(part);
    }
  }

  /// Whether a triple pattern matches at most once given the variables bound before it.
  [[nodiscard]] bool matches_at_most_once(rasqal_triple* triple,
                                          const std::set<std::string>& bound) const {
    auto is_bound = [&](rasqal_literal* term) {
      const rasqal_variable* variable = variable_in(term);
      return variable == nullptr || bound.contains(name_of(variable));
    };
    const bool subject = is_bound(triple->subject);
    const bool object = is_bound(triple->object);
    if (subject && object) return true;
    if (variable_in(triple->predicate) != nullptr || stats_ == nullptr) return false;
    const std::string predicate =
        reinterpret_cast<const char*>(rasqal_literal_as_string(triple->predicate));
    if (subject) return stats_->functional.contains(predicate);
    if (object) return stats_->inverse_functional.contains(predicate);
    return false;
  }

  /// Rasqal joins a basic graph pattern with what follows it wrongly when a
  /// triple pattern after its first matches more than once per solution.
  void check_joins(rasqal_graph_pattern* pattern, bool followed) {
    if (pattern == nullptr) return;
    if (rasqal_graph_pattern_get_operator(pattern) == RASQAL_GRAPH_PATTERN_OPERATOR_BASIC) {
      if (!followed) return;
      std::set<std::string> bound;
      for (int i = 0; rasqal_triple* triple = rasqal_graph_pattern_get_triple(pattern, i); ++i) {
        if (i > 0 && !matches_at_most_once(triple, bound)) {
          refuse("a group of triple patterns followed by OPTIONAL, UNION, a sub-group or a FILTER "
                 "between triples, in which a triple pattern after the first can match more than "
                 "once, is not supported (here the one on " +
                 std::string(
                     reinterpret_cast<const char*>(rasqal_literal_as_string(triple->predicate))) +
                 "): " + engine +
                 " joins these wrongly. Put that triple pattern first, or move "
                 "the OPTIONAL, UNION or FILTER before it.");
        }
        for (rasqal_literal* part : {triple->subject, triple->predicate, triple->object}) {
          if (const rasqal_variable* variable = variable_in(part)) bound.insert(name_of(variable));
        }
      }
      return;
    }
    // A FILTER applies to its whole group wherever it stands; only a pattern
    // joined after a group of triple patterns makes Rasqal go wrong.
    std::vector<rasqal_graph_pattern*> parts;
    for (int i = 0;
         rasqal_graph_pattern* part = rasqal_graph_pattern_get_sub_graph_pattern(pattern, i); ++i) {
      parts.push_back(part);
    }
    if (rasqal_graph_pattern_get_operator(pattern) == RASQAL_GRAPH_PATTERN_OPERATOR_UNION) {
      // Branches are alternatives: none follows another.
      for (rasqal_graph_pattern* branch : parts)
        check_joins(branch, followed);
      return;
    }
    bool later_pattern = followed;
    for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
      check_joins(*part, later_pattern);
      const rasqal_graph_pattern_operator kind = rasqal_graph_pattern_get_operator(*part);
      // FILTER and BIND act on each row; they do not join (measured: BIND after a
      // many-valued pattern answers correctly).
      if (kind != RASQAL_GRAPH_PATTERN_OPERATOR_FILTER &&
          kind != RASQAL_GRAPH_PATTERN_OPERATOR_LET) {
        later_pattern = true;
      }
    }
  }

  /// DATATYPE() calls whose answer cannot differ from SPARQL 1.1's (see check_expression).
  std::set<const rasqal_expression*> approved_datatypes_;

  static bool is_iri_other_than_lang_string(const rasqal_expression* expression) {
    if (expression == nullptr || expression->op != RASQAL_EXPR_LITERAL ||
        expression->literal == nullptr || expression->literal->type != RASQAL_LITERAL_URI) {
      return false;
    }
    const auto* iri =
        reinterpret_cast<const char*>(raptor_uri_as_string(expression->literal->value.uri));
    return std::string_view(iri) != "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
  }

  /// Rasqal makes DATATYPE() of a language-tagged literal an error, SPARQL 1.1
  /// rdf:langString. The two agree only for DATATYPE(x) = <iri> (iri not
  /// rdf:langString) reached from a FILTER's root through && and || alone:
  /// there an error removes the solution just as false does.
  void approve_datatype_tests(const rasqal_expression* expression) {
    if (expression == nullptr) return;
    if (expression->op == RASQAL_EXPR_AND || expression->op == RASQAL_EXPR_OR) {
      approve_datatype_tests(expression->arg1);
      approve_datatype_tests(expression->arg2);
      return;
    }
    if (expression->op != RASQAL_EXPR_EQ && expression->op != RASQAL_EXPR_SAMETERM) return;
    for (auto [call, other] : {std::pair{expression->arg1, expression->arg2},
                               std::pair{expression->arg2, expression->arg1}}) {
      if (call != nullptr && call->op == RASQAL_EXPR_DATATYPE &&
          is_iri_other_than_lang_string(other)) {
        approved_datatypes_.insert(call);
      }
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
    if (const rasqal_variable* variable = variable_of(expression);
        (variable != nullptr && variable->type == RASQAL_VARIABLE_TYPE_ANONYMOUS) ||
        (op == RASQAL_EXPR_LITERAL && expression->literal != nullptr &&
         expression->literal->type == RASQAL_LITERAL_BLANK)) {
      refuse("syntax error: a blank node in an expression (SPARQL allows blank nodes only in "
             "triple patterns)");
    }
    if (op == RASQAL_EXPR_COUNT) check_count(expression);
    if (is_aggregate(expression) && (expression->flags & RASQAL_EXPR_FLAG_DISTINCT) != 0U) {
      refuse("DISTINCT inside an aggregate is not supported by " + engine +
             " (it removes only adjacent duplicates); use SELECT DISTINCT in a separate query.");
    }
    if (op == RASQAL_EXPR_GROUP_CONCAT && expression->literal != nullptr) {
      refuse("GROUP_CONCAT with SEPARATOR is not supported by " + engine +
             " (it ignores the separator).");
    }
    if (op == RASQAL_EXPR_CONCAT) check_concat(expression);
    if (op == RASQAL_EXPR_DATATYPE && expression->arg1 != nullptr &&
        is_arithmetic(expression->arg1->op)) {
      refuse("DATATYPE() of an arithmetic result is not supported by " + engine +
             " (it types sums of derived integer types such as xsd:short wrongly).");
    }
    if (op == RASQAL_EXPR_DATATYPE && !approved_datatypes_.contains(expression)) {
      refuse("DATATYPE() is not supported by " + engine +
             " except as FILTER(DATATYPE(?v) = <type>) (joined by && or ||): it makes DATATYPE "
             "of a language-tagged literal an error where SPARQL 1.1 gives rdf:langString.");
    }
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

  static bool is_arithmetic(rasqal_op op) {
    return op == RASQAL_EXPR_PLUS || op == RASQAL_EXPR_MINUS || op == RASQAL_EXPR_STAR ||
           op == RASQAL_EXPR_SLASH || op == RASQAL_EXPR_UMINUS;
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
    std::set<std::string> projected_names;
    for (const std::string& name : plan.variables) {
      if (!projected_names.insert(name).second) {
        refuse("syntax error: ?" + name + " is projected twice");
      }
    }
    check_grouped_projection(projected);
    std::set<std::string> in_pattern;
    collect_variables(rasqal_query_get_query_graph_pattern(query_), in_pattern);
    for (int i = 0; i < raptor_sequence_size(projected); ++i) {
      auto* variable = static_cast<rasqal_variable*>(raptor_sequence_get_at(projected, i));
      if (variable->expression != nullptr && in_pattern.contains(name_of(variable))) {
        refuse("the variable ?" + name_of(variable) + " of (... AS ?" + name_of(variable) +
               ") is already used in the pattern: SPARQL forbids that, and " + engine +
               " answers it wrongly instead of refusing.");
      }
    }
    raptor_sequence* groups = rasqal_query_get_group_conditions_sequence(query_);
    plan.grouped = groups != nullptr && raptor_sequence_size(groups) > 0;
    if (plan.grouped && !any_aggregate) {
      refuse("GROUP BY without an aggregate is not supported by " + engine +
             " (it does not group); use SELECT DISTINCT.");
    }
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

  /// The variables an expression uses outside its aggregates.
  static void unaggregated_variables(const rasqal_expression* expression,
                                     std::set<std::string>& variables) {
    if (expression == nullptr || is_aggregate(expression)) return;
    if (const rasqal_variable* variable = variable_of(expression)) {
      if (variable->expression != nullptr) {
        unaggregated_variables(variable->expression, variables);
      } else {
        variables.insert(name_of(variable));
      }
      return;
    }
    for (const rasqal_expression* arg :
         {expression->arg1, expression->arg2, expression->arg3, expression->arg4}) {
      unaggregated_variables(arg, variables);
    }
    if (expression->args != nullptr) {
      for (int i = 0; i < raptor_sequence_size(expression->args); ++i) {
        unaggregated_variables(
            static_cast<rasqal_expression*>(raptor_sequence_get_at(expression->args, i)),
            variables);
      }
    }
  }

  /// With GROUP BY, a projected value must be a group key or use other
  /// variables only inside aggregates (SPARQL 1.1, section 11.4).
  void check_grouped_projection(raptor_sequence* projected) {
    raptor_sequence* groups = rasqal_query_get_group_conditions_sequence(query_);
    if (groups == nullptr || raptor_sequence_size(groups) == 0) return;
    std::set<std::string> keys;
    for (int i = 0; i < raptor_sequence_size(groups); ++i) {
      auto* condition = static_cast<rasqal_expression*>(raptor_sequence_get_at(groups, i));
      if (const rasqal_variable* key = variable_of(condition)) keys.insert(name_of(key));
      if (condition->arg1 != nullptr) {
        if (const rasqal_variable* key = variable_of(condition->arg1)) keys.insert(name_of(key));
      }
    }
    std::set<std::string> earlier; // projected (... AS ?x) may be used by later expressions
    for (int i = 0; i < raptor_sequence_size(projected); ++i) {
      auto* variable = static_cast<rasqal_variable*>(raptor_sequence_get_at(projected, i));
      std::set<std::string> used;
      if (keys.contains(name_of(variable))) {
        continue;
      }
      if (variable->expression == nullptr) {
        used.insert(name_of(variable));
      } else {
        unaggregated_variables(variable->expression, used);
      }
      for (const std::string& name : used) {
        if (!keys.contains(name) && !earlier.contains(name)) {
          refuse("syntax error: ?" + name +
                 " is projected but is neither a GROUP BY key nor inside an aggregate");
        }
      }
      if (variable->expression != nullptr) earlier.insert(name_of(variable));
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

  void check_order(QueryPlan& plan) {
    plan.limit = rasqal_query_get_limit(query_);
    plan.offset = rasqal_query_get_offset(query_);
    raptor_sequence* order = rasqal_query_get_order_conditions_sequence(query_);
    if (order == nullptr || raptor_sequence_size(order) == 0) return;
    bool all_projected = true;
    for (int i = 0; i < raptor_sequence_size(order); ++i) {
      auto* condition = static_cast<rasqal_expression*>(raptor_sequence_get_at(order, i));
      check_expression(condition);
      const bool descending = condition->op == RASQAL_EXPR_ORDER_COND_DESC;
      const rasqal_expression* key_expression =
          (condition->op == RASQAL_EXPR_ORDER_COND_ASC || descending) ? condition->arg1 : condition;
      const rasqal_variable* key = variable_of(key_expression);
      const bool projected =
          key != nullptr && std::ranges::find(plan.variables, name_of(key)) != plan.variables.end();
      if (projected) {
        plan.order.push_back({name_of(key), descending});
      } else {
        all_projected = false;
      }
      if (descending && !projected &&
          (key == nullptr || !(bound_.contains(name_of(key)) || counted_.contains(name_of(key))))) {
        refuse("ORDER BY DESC of a value that may be unbound is not supported by " + engine +
               " (it puts unbound values first); order by a variable bound by a required "
               "triple pattern, or by a projected variable.");
      }
    }
    if (!all_projected) {
      plan.order.clear();
      if (plan.grouped || plan.implicit_group) {
        refuse("ORDER BY an expression of a grouped query is not supported by " + engine +
               " (it sorts grouped rows wrongly); order by projected variables.");
      }
    }
  }
};

/// Property paths and EXISTS are syntax errors to Rasqal: say so when the query seems to use them.
std::string missing_feature_hint(const std::string& query, const std::string& message) {
  const std::string upper_query = agenda::ascii_upper(query);
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

/// What Rasqal's lexer and parser get wrong without an error, found on tokens:
/// the dot segments ("./", "../") of absolute IRIs, which it removes so they no
/// longer match the same IRIs in the data; prefixed names with ':' in their
/// local part, which it reads as several terms; and SPARQL's rules beyond the
/// grammar (grammar_rules.hpp), which it does not check.
void refuse_what_rasqal_misreads(const std::string& query) {
  std::vector<QueryToken> tokens;
  try {
    tokens = tokenize_query(query);
  } catch (const std::invalid_argument&) {
    return; // the parser reports the syntax error with its position
  }
  for (const QueryToken& token : tokens) {
    const std::string& text = token.text;
    const std::string where = " (line " + std::to_string(token.line) + ")";
    if (token.kind == QueryToken::Kind::iri && text.find("://") != std::string::npos &&
        (text.find("/./") != std::string::npos || text.find("/../") != std::string::npos ||
         text.ends_with("/.") || text.ends_with("/.."))) {
      refuse("IRIs with dot segments are not supported by " + engine +
             ": it removes the ./ "
             "and ../ of <" +
             text + ">" + where +
             ", so it would not match the same IRI in the data; use the full-SPARQL backend.");
    }
    if (token.kind == QueryToken::Kind::prefixed_name &&
        text.find(':', text.find(':') + 1) != std::string::npos) {
      refuse("prefixed names with ':' in the local part (" + text + where +
             ") are not supported by " + engine + ": it reads them as several terms.");
    }
  }
  check_grammar_rules(tokens);
}

} // namespace

QueryPlan check_query(const std::string& query, const std::string& base_iri,
                      const PredicateStats* stats) {
  if (is_update(query)) {
    refuse("SPARQL Update is not accepted: this endpoint is read-only.");
  }
  refuse_what_rasqal_misreads(query);
  try {
    rdf::ParsedQuery parsed(query, base_iri);
    return Guard(parsed.tree(), stats).run();
  } catch (const rdf::SparqlSyntaxError& error) {
    std::string hint = missing_feature_hint(query, error.what());
    if (hint.empty()) {
      // Rasqal's parser lacks parts of SPARQL 1.1 grammar: a valid query it
      // cannot parse is one it does not support.
      hint = " (if the query is valid SPARQL 1.1, it uses syntax that " + engine +
             " does not support)";
    }
    refuse(std::string("syntax error: ") + error.what() + hint);
  }
}

} // namespace wa::store
