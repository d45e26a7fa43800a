// The SPARQL 1.1 Query grammar (section 19.8) by recursive descent, one
// function per production, translating to the algebra (section 18.2) as it
// goes: a group is translated when its closing brace is read, a query when
// its last solution modifier is. Static rules are checked where they apply.
#include "query/iri.hpp"
#include "query/parser.hpp"
#include "query/scope.hpp"
#include "query/tokenizer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace wa::query {

SyntaxError::SyntaxError(std::size_t line, std::size_t column, const std::string& message)
    : std::runtime_error("syntax error at line " + std::to_string(line) + ", column " +
                         std::to_string(column) + ": " + message),
      line_(line), column_(column) {}

namespace {

constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::size_t max_depth = 200;

using Kind = Token::Kind;
using PKind = PatternNode::Kind;
using EKind = ExpressionNode::Kind;

Pattern node(PatternNode value) { return std::make_shared<const PatternNode>(std::move(value)); }
Expression expr(ExpressionNode value) {
  return std::make_shared<const ExpressionNode>(std::move(value));
}
Path path_node(PathNode value) { return std::make_shared<const PathNode>(std::move(value)); }

Pattern empty_bgp() { return node(PatternNode{}); }

Pattern binary(PKind kind, Pattern left, Pattern right) {
  PatternNode n;
  n.kind = kind;
  n.children = {std::move(left), std::move(right)};
  return node(std::move(n));
}

Pattern unary(PKind kind, Pattern child) {
  PatternNode n;
  n.kind = kind;
  n.children = {std::move(child)};
  return node(std::move(n));
}

Pattern join(Pattern left, Pattern right) {
  if (!left) return right;
  return binary(PKind::join, std::move(left), std::move(right));
}

Expression variable_expression(const std::string& name) {
  ExpressionNode n;
  n.kind = EKind::variable;
  n.name = name;
  return expr(std::move(n));
}

Expression conjunction(const std::vector<Expression>& parts) {
  Expression all = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    ExpressionNode n;
    n.kind = EKind::logical_and;
    n.args = {all, parts[i]};
    all = expr(std::move(n));
  }
  return all;
}

/// Built-in calls: name and the allowed numbers of arguments.
struct Arity {
  std::size_t min;
  std::size_t max;
};
const std::map<std::string, Arity>& builtins() {
  static const std::map<std::string, Arity> table = {
      {"STR", {1, 1}},
      {"LANG", {1, 1}},
      {"LANGMATCHES", {2, 2}},
      {"DATATYPE", {1, 1}},
      {"IRI", {1, 1}},
      {"URI", {1, 1}},
      {"BNODE", {0, 1}},
      {"RAND", {0, 0}},
      {"ABS", {1, 1}},
      {"CEIL", {1, 1}},
      {"FLOOR", {1, 1}},
      {"ROUND", {1, 1}},
      {"CONCAT", {0, 1000000}},
      {"SUBSTR", {2, 3}},
      {"STRLEN", {1, 1}},
      {"REPLACE", {3, 4}},
      {"UCASE", {1, 1}},
      {"LCASE", {1, 1}},
      {"ENCODE_FOR_URI", {1, 1}},
      {"CONTAINS", {2, 2}},
      {"STRSTARTS", {2, 2}},
      {"STRENDS", {2, 2}},
      {"STRBEFORE", {2, 2}},
      {"STRAFTER", {2, 2}},
      {"YEAR", {1, 1}},
      {"MONTH", {1, 1}},
      {"DAY", {1, 1}},
      {"HOURS", {1, 1}},
      {"MINUTES", {1, 1}},
      {"SECONDS", {1, 1}},
      {"TIMEZONE", {1, 1}},
      {"TZ", {1, 1}},
      {"NOW", {0, 0}},
      {"UUID", {0, 0}},
      {"STRUUID", {0, 0}},
      {"MD5", {1, 1}},
      {"SHA1", {1, 1}},
      {"SHA256", {1, 1}},
      {"SHA384", {1, 1}},
      {"SHA512", {1, 1}},
      {"COALESCE", {0, 1000000}},
      {"IF", {3, 3}},
      {"STRLANG", {2, 2}},
      {"STRDT", {2, 2}},
      {"SAMETERM", {2, 2}},
      {"ISIRI", {1, 1}},
      {"ISURI", {1, 1}},
      {"ISBLANK", {1, 1}},
      {"ISLITERAL", {1, 1}},
      {"ISNUMERIC", {1, 1}},
      {"REGEX", {2, 3}},
  };
  return table;
}

const std::map<std::string, Aggregate::Function>& aggregate_functions() {
  static const std::map<std::string, Aggregate::Function> table = {
      {"COUNT", Aggregate::Function::count},
      {"SUM", Aggregate::Function::sum},
      {"MIN", Aggregate::Function::min},
      {"MAX", Aggregate::Function::max},
      {"AVG", Aggregate::Function::avg},
      {"SAMPLE", Aggregate::Function::sample},
      {"GROUP_CONCAT", Aggregate::Function::group_concat}};
  return table;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

/// The triples and paths of one basic graph pattern as it is read.
struct PendingBgp {
  std::vector<TriplePattern> triples;
  std::vector<Pattern> paths;
  [[nodiscard]] bool empty() const { return triples.empty() && paths.empty(); }
};

/// A SELECT clause item: a variable, or (expression AS variable).
struct Projection {
  std::string variable;
  Expression expression; ///< null for a plain variable
  std::size_t line = 0;
  std::size_t column = 0;
};

/// What a SELECT (or sub-SELECT) collects before it is translated.
struct SelectClause {
  bool distinct = false;
  bool reduced = false;
  bool star = false;
  std::vector<Projection> projections;
  std::vector<Aggregate> aggregates;
};

struct Modifiers {
  bool grouped = false;
  std::vector<std::pair<Expression, std::string>> group_by; ///< expression, AS variable or ""
  std::vector<Expression> having;
  std::vector<OrderCondition> order;
  std::size_t offset = 0;
  std::size_t limit = std::numeric_limits<std::size_t>::max();
  bool has_slice = false;
};

class Parser {
public:
  Parser(std::string_view text, const ParseOptions& options)
      : tokenizer_(text), base_(options.base_iri) {
    advance();
  }

  Query parse() {
    prologue();
    Query query;
    if (current_.is_keyword("SELECT")) {
      query = select_query();
    } else if (current_.is_keyword("CONSTRUCT")) {
      query = construct_query();
    } else if (current_.is_keyword("DESCRIBE")) {
      query = describe_query();
    } else if (current_.is_keyword("ASK")) {
      query = ask_query();
    } else if (is_update_keyword()) {
      fail("this is a SPARQL Update request ('" + current_.text +
           "'); the endpoint is read-only and answers queries only");
    } else {
      expected("SELECT, CONSTRUCT, DESCRIBE or ASK");
    }
    if (current_.kind != Kind::end) expected("the end of the query");
    query.base = base_;
    return query;
  }

private:
  Tokenizer tokenizer_;
  Token current_;
  std::string base_;
  std::map<std::string, std::string> prefixes_;
  std::size_t depth_ = 0;
  std::size_t fresh_ = 0;
  std::size_t bgp_serial_ = 0;                      ///< the BGP being read
  std::size_t bgp_serials_ = 0;                     ///< how many BGPs were numbered
  std::map<std::string, std::size_t> blank_labels_; ///< label -> the BGP it belongs to
  std::vector<Aggregate>* aggregates_ = nullptr;    ///< where aggregates may be written
  bool in_aggregate_ = false;
  bool in_template_ = false;

  // --- tokens ---------------------------------------------------------------

  void advance() { current_ = tokenizer_.next(); }

  [[noreturn]] void fail(const std::string& message) const {
    throw SyntaxError(current_.line, current_.column, message);
  }
  [[noreturn]] void fail_at(const Token& token, const std::string& message) const {
    throw SyntaxError(token.line, token.column, message);
  }
  [[noreturn]] void expected(const std::string& what) const {
    fail("found " + current_.describe() + " but expected " + what);
  }

  bool accept(std::string_view punctuation) {
    if (!current_.is(punctuation)) return false;
    advance();
    return true;
  }
  void expect(std::string_view punctuation) {
    if (!accept(punctuation)) expected("'" + std::string(punctuation) + "'");
  }
  bool accept_keyword(std::string_view keyword) {
    if (!current_.is_keyword(keyword)) return false;
    advance();
    return true;
  }
  void expect_keyword(std::string_view keyword) {
    if (!accept_keyword(keyword)) expected(std::string(keyword));
  }

  bool is_update_keyword() const {
    for (std::string_view word :
         {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}) {
      if (current_.is_keyword(word)) return true;
    }
    return false;
  }

  struct DepthGuard {
    Parser& parser;
    explicit DepthGuard(Parser& p) : parser(p) {
      if (++parser.depth_ > max_depth) {
        parser.fail("the query nests groups or expressions more than " + std::to_string(max_depth) +
                    " deep");
      }
    }
    ~DepthGuard() { --parser.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  std::string fresh_variable(std::string_view stem) {
    return "#" + std::string(stem) + std::to_string(fresh_++);
  }

  // --- prologue and IRIs ------------------------------------------------------

  void prologue() {
    for (;;) {
      if (accept_keyword("BASE")) {
        if (current_.kind != Kind::iri) expected("an IRI after BASE");
        base_ = resolve_iri(current_.text, base_);
        advance();
      } else if (accept_keyword("PREFIX")) {
        if (current_.kind != Kind::prefixed_name ||
            current_.text.find(':') != current_.text.size() - 1) {
          expected("a prefix name ending in ':' after PREFIX");
        }
        std::string name = current_.text.substr(0, current_.text.size() - 1);
        advance();
        if (current_.kind != Kind::iri) expected("an IRI for prefix '" + name + ":'");
        prefixes_[name] = resolve_iri(current_.text, base_);
        advance();
      } else {
        return;
      }
    }
  }

  std::string iri_of(const Token& token) const {
    if (token.kind == Kind::iri) return resolve_iri(token.text, base_);
    const auto colon = token.text.find(':');
    const std::string prefix = token.text.substr(0, colon);
    auto found = prefixes_.find(prefix);
    if (found == prefixes_.end()) fail_at(token, "unknown prefix '" + prefix + ":'");
    return found->second + token.text.substr(colon + 1);
  }

  bool at_iri() const { return current_.kind == Kind::iri || current_.kind == Kind::prefixed_name; }

  std::string iri() {
    if (!at_iri()) expected("an IRI");
    std::string value = iri_of(current_);
    advance();
    return value;
  }

  // --- literals -----------------------------------------------------------

  static Term literal(std::string text, std::string_view datatype) {
    return Term::typed(std::move(text), datatype);
  }

  Term rdf_literal() {
    std::string text = current_.text;
    advance();
    if (current_.kind == Kind::lang_tag) {
      std::string tag = current_.text;
      std::transform(tag.begin(), tag.end(), tag.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      advance();
      return Term::literal(text, tag);
    }
    if (accept("^^")) {
      std::string datatype = iri();
      if (datatype == std::string(xsd) + "string") return Term::literal(text);
      return Term::typed(text, datatype);
    }
    return Term::literal(text);
  }

  bool at_number() const {
    return current_.kind == Kind::integer || current_.kind == Kind::decimal ||
           current_.kind == Kind::double_;
  }

  Term numeric_literal(const std::string& sign = "") {
    const char* type = current_.kind == Kind::integer   ? "integer"
                       : current_.kind == Kind::decimal ? "decimal"
                                                        : "double";
    Term term = literal(sign + current_.text, std::string(xsd) + type);
    advance();
    return term;
  }

  /// A number written with its sign, where the grammar has NumericLiteralPositive / Negative.
  std::optional<Term> signed_number() {
    if (!current_.is("+") && !current_.is("-")) return std::nullopt;
    const Token sign = current_;
    advance();
    if (!at_number() || current_.offset != sign.end) {
      fail_at(sign, "a sign here must be followed directly by a number");
    }
    return numeric_literal(sign.text);
  }

  std::optional<Term> boolean_literal() {
    if (accept_keyword("TRUE")) return literal("true", std::string(xsd) + "boolean");
    if (accept_keyword("FALSE")) return literal("false", std::string(xsd) + "boolean");
    return std::nullopt;
  }

  // --- SELECT -------------------------------------------------------------

  Query select_query() {
    Query query;
    query.form = Query::Form::select;
    SelectClause clause = select_clause();
    dataset_clauses(query);
    accept_keyword("WHERE");
    Pattern where = group_graph_pattern();
    query.pattern = solution_modifiers_and_values(clause, where, query.variables, true);
    return query;
  }

  SelectClause select_clause() {
    expect_keyword("SELECT");
    SelectClause clause;
    if (accept_keyword("DISTINCT")) {
      clause.distinct = true;
    } else if (accept_keyword("REDUCED")) {
      clause.reduced = true;
    }
    if (accept("*")) {
      clause.star = true;
      return clause;
    }
    auto* outer = aggregates_;
    aggregates_ = &clause.aggregates;
    while (current_.kind == Kind::variable || current_.is("(")) {
      Projection projection{{}, nullptr, current_.line, current_.column};
      if (current_.kind == Kind::variable) {
        projection.variable = current_.text;
        advance();
      } else {
        advance();
        projection.expression = expression();
        expect_keyword("AS");
        if (current_.kind != Kind::variable) expected("a variable after AS");
        projection.variable = current_.text;
        advance();
        expect(")");
      }
      for (const Projection& earlier : clause.projections) {
        if (earlier.variable == projection.variable &&
            (projection.expression || earlier.expression)) {
          throw SyntaxError(projection.line, projection.column,
                            "?" + projection.variable + " is projected twice");
        }
      }
      clause.projections.push_back(std::move(projection));
    }
    aggregates_ = outer;
    if (clause.projections.empty()) expected("'*', a variable or '(' expression AS variable ')'");
    return clause;
  }

  void dataset_clauses(Query& query) {
    while (accept_keyword("FROM")) {
      if (accept_keyword("NAMED")) {
        query.from_named.push_back(iri());
      } else {
        query.from.push_back(iri());
      }
    }
  }

  Modifiers solution_modifiers(SelectClause& clause) {
    Modifiers modifiers;
    auto* outer = aggregates_;
    aggregates_ = &clause.aggregates;
    if (current_.is_keyword("GROUP")) {
      advance();
      expect_keyword("BY");
      modifiers.grouped = true;
      do {
        modifiers.group_by.push_back(group_condition());
      } while (current_.is("(") || current_.kind == Kind::variable || at_iri() ||
               is_builtin_name());
    }
    if (accept_keyword("HAVING")) {
      do {
        modifiers.having.push_back(constraint());
      } while (current_.is("(") || at_iri() || is_builtin_name());
    }
    if (current_.is_keyword("ORDER")) {
      advance();
      expect_keyword("BY");
      do {
        modifiers.order.push_back(order_condition());
      } while (current_.is_keyword("ASC") || current_.is_keyword("DESC") || current_.is("(") ||
               current_.kind == Kind::variable || at_iri() || is_builtin_name());
    }
    aggregates_ = outer;
    // [25] LimitOffsetClauses: at most one of each, in either order.
    if (accept_keyword("LIMIT")) {
      modifiers.limit = count();
      if (accept_keyword("OFFSET")) modifiers.offset = count();
      modifiers.has_slice = true;
    } else if (accept_keyword("OFFSET")) {
      modifiers.offset = count();
      if (accept_keyword("LIMIT")) modifiers.limit = count();
      modifiers.has_slice = true;
    }
    return modifiers;
  }

  std::size_t count() {
    if (current_.kind != Kind::integer) expected("a whole number");
    std::size_t value = 0;
    for (char c : current_.text) {
      const std::size_t next = value * 10 + static_cast<std::size_t>(c - '0');
      value = next < value ? std::numeric_limits<std::size_t>::max() : next;
    }
    advance();
    return value;
  }

  std::pair<Expression, std::string> group_condition() {
    if (current_.kind == Kind::variable) {
      std::string name = current_.text;
      advance();
      return {variable_expression(name), ""};
    }
    if (accept("(")) {
      Expression e = expression();
      std::string as;
      if (accept_keyword("AS")) {
        if (current_.kind != Kind::variable) expected("a variable after AS");
        as = current_.text;
        advance();
      }
      expect(")");
      return {e, as};
    }
    return {primary_expression(), ""};
  }

  OrderCondition order_condition() {
    OrderCondition condition;
    if (current_.is_keyword("ASC") || current_.is_keyword("DESC")) {
      condition.descending = current_.is_keyword("DESC");
      advance();
      if (!current_.is("(")) expected("'(' after ASC or DESC");
      condition.expression = bracketted_expression();
    } else if (current_.kind == Kind::variable) {
      condition.expression = variable_expression(current_.text);
      advance();
    } else {
      condition.expression = constraint();
    }
    return condition;
  }

  /// Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall
  Expression constraint() {
    if (current_.is("(")) return bracketted_expression();
    if (current_.kind == Kind::name) return builtin_call();
    if (at_iri()) {
      Expression call = iri_or_function();
      if (call->kind == EKind::function_call) return call;
    }
    expected("'(', a function call or a built-in call");
  }

  bool is_builtin_name() const {
    if (current_.kind != Kind::name) return false;
    const std::string name = upper(current_.text);
    return builtins().contains(name) || aggregate_functions().contains(name) || name == "BOUND" ||
           name == "EXISTS" || name == "NOT";
  }

  /// The solution modifiers, the trailing VALUES and the translation of the
  /// whole SELECT (18.2.4): group, having, values, select expressions,
  /// order, project, distinct or reduced, slice.
  Pattern solution_modifiers_and_values(SelectClause& clause, Pattern where,
                                        std::vector<std::string>& variables, bool top_level) {
    Modifiers modifiers = solution_modifiers(clause);
    Pattern values;
    if (top_level && accept_keyword("VALUES")) values = data_block();
    return translate_select(clause, modifiers, std::move(where), std::move(values), variables);
  }

  Pattern translate_select(SelectClause& clause, Modifiers& modifiers, Pattern pattern,
                           Pattern values, std::vector<std::string>& variables) {
    const bool grouped = modifiers.grouped || !clause.aggregates.empty();
    // What the WHERE clause binds stays in scope for SELECT's AS (18.2.1),
    // grouped or not: (COUNT(*) AS ?x) may not rebind a ?x of the pattern.
    const std::vector<std::string> where_scope =
        pattern ? in_scope_variables(pattern) : std::vector<std::string>{};
    std::set<std::string> visible;
    if (grouped) {
      if (clause.star) fail("SELECT * cannot be used with GROUP BY or aggregates");
      PatternNode group;
      group.kind = PKind::group;
      for (auto& [condition, as] : modifiers.group_by) {
        if (condition->kind == EKind::variable && as.empty()) {
          group.variables.push_back(condition->name);
          continue;
        }
        const std::string key = as.empty() ? fresh_variable("group") : as;
        if (!as.empty()) check_not_in_scope(pattern, as, "GROUP BY (... AS ?" + as + ")");
        pattern = extend(std::move(pattern), key, condition);
        group.variables.push_back(key);
      }
      group.aggregates = clause.aggregates;
      group.children = {pattern};
      pattern = node(std::move(group));
      visible.insert(group_keys(pattern).begin(), group_keys(pattern).end());
      for (const Aggregate& aggregate : clause.aggregates)
        visible.insert(aggregate.variable);
      if (!modifiers.having.empty()) pattern = filter(std::move(pattern), modifiers.having);
    } else if (!modifiers.having.empty()) {
      pattern = filter(std::move(pattern), modifiers.having);
    }
    if (values) pattern = join(std::move(pattern), std::move(values));
    for (const Projection& projection : clause.projections) {
      if (grouped) check_grouped(projection, visible);
      if (projection.expression) {
        if (contains(where_scope, projection.variable) ||
            contains(in_scope_variables(pattern), projection.variable)) {
          throw SyntaxError(projection.line, projection.column,
                            "?" + projection.variable + " is already in scope: SELECT (... AS ?" +
                                projection.variable + ") may not rebind it");
        }
        pattern = extend(std::move(pattern), projection.variable, projection.expression);
        visible.insert(projection.variable);
      }
    }
    if (!modifiers.order.empty()) {
      PatternNode order;
      order.kind = PKind::order_by;
      order.order = modifiers.order;
      order.children = {pattern};
      pattern = node(std::move(order));
    }
    variables.clear();
    if (clause.star) {
      for (const std::string& name : in_scope_variables(pattern))
        if (name.front() != '#') variables.push_back(name);
    } else {
      for (const Projection& projection : clause.projections)
        variables.push_back(projection.variable);
    }
    PatternNode project;
    project.kind = PKind::project;
    project.variables = variables;
    project.children = {pattern};
    pattern = node(std::move(project));
    if (clause.distinct) pattern = unary(PKind::distinct, std::move(pattern));
    if (clause.reduced) pattern = unary(PKind::reduced, std::move(pattern));
    return slice(std::move(pattern), modifiers);
  }

  static const std::vector<std::string>& group_keys(const Pattern& group) {
    return group->variables;
  }

  static bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  }

  /// In a grouped query only group keys, aggregates and earlier aliases may be projected.
  void check_grouped(const Projection& projection, const std::set<std::string>& visible) const {
    if (!projection.expression) {
      if (!visible.contains(projection.variable)) {
        throw SyntaxError(projection.line, projection.column,
                          "?" + projection.variable +
                              " is projected but neither grouped nor an aggregate");
      }
      return;
    }
    for (const std::string& name : expression_variables(projection.expression)) {
      if (!visible.contains(name)) {
        throw SyntaxError(projection.line, projection.column,
                          "?" + name +
                              " is used in a grouped SELECT outside an aggregate "
                              "but is not grouped");
      }
    }
  }

  Pattern slice(Pattern pattern, const Modifiers& modifiers) {
    if (!modifiers.has_slice) return pattern;
    PatternNode n;
    n.kind = PKind::slice;
    n.offset = modifiers.offset;
    n.limit = modifiers.limit;
    n.children = {std::move(pattern)};
    return node(std::move(n));
  }

  static Pattern filter(Pattern child, const std::vector<Expression>& conditions) {
    PatternNode n;
    n.kind = PKind::filter;
    n.expressions = conditions;
    n.children = {child ? std::move(child) : empty_bgp()};
    return node(std::move(n));
  }

  static Pattern extend(Pattern child, const std::string& variable, Expression value) {
    PatternNode n;
    n.kind = PKind::extend;
    n.variable = variable;
    n.expressions = {std::move(value)};
    n.children = {child ? std::move(child) : empty_bgp()};
    return node(std::move(n));
  }

  void check_not_in_scope(const Pattern& pattern, const std::string& variable,
                          const std::string& what) const {
    if (pattern && contains(in_scope_variables(pattern), variable)) {
      fail("?" + variable + " is already in scope: " + what + " may not rebind it");
    }
  }

  // --- CONSTRUCT, DESCRIBE, ASK -------------------------------------------

  /// WHERE, then solution modifiers (no grouping) and the trailing VALUES.
  Pattern where_and_modifiers(Pattern where) {
    SelectClause none;
    Modifiers modifiers = solution_modifiers(none);
    if (modifiers.grouped || !none.aggregates.empty()) {
      PatternNode group;
      group.kind = PKind::group;
      for (auto& [condition, as] : modifiers.group_by) {
        const std::string key = condition->kind == EKind::variable && as.empty() ? condition->name
                                : as.empty() ? fresh_variable("group")
                                             : as;
        if (key != condition->name || condition->kind != EKind::variable)
          where = extend(std::move(where), key, condition);
        group.variables.push_back(key);
      }
      group.aggregates = none.aggregates;
      group.children = {where};
      where = node(std::move(group));
    }
    if (!modifiers.having.empty()) where = filter(std::move(where), modifiers.having);
    if (accept_keyword("VALUES")) where = join(std::move(where), data_block());
    if (!modifiers.order.empty()) {
      PatternNode order;
      order.kind = PKind::order_by;
      order.order = modifiers.order;
      order.children = {where};
      where = node(std::move(order));
    }
    return slice(std::move(where), modifiers);
  }

  Query construct_query() {
    expect_keyword("CONSTRUCT");
    Query query;
    query.form = Query::Form::construct;
    if (current_.is("{")) {
      advance();
      in_template_ = true;
      PendingBgp pending;
      triples_template(pending, "}");
      in_template_ = false;
      query.construct_template = std::move(pending.triples);
      expect("}");
      dataset_clauses(query);
      accept_keyword("WHERE");
      query.pattern = where_and_modifiers(group_graph_pattern());
      return query;
    }
    dataset_clauses(query);
    expect_keyword("WHERE");
    expect("{");
    PendingBgp pending;
    in_template_ = true; // the short form: the template is the pattern, without paths
    triples_template(pending, "}");
    in_template_ = false;
    expect("}");
    query.construct_template = pending.triples;
    PatternNode bgp;
    bgp.triples = to_pattern_triples(pending.triples);
    query.pattern = where_and_modifiers(node(std::move(bgp)));
    return query;
  }

  /// The short CONSTRUCT WHERE: blank nodes of the template are variables of the pattern.
  static std::vector<TriplePattern> to_pattern_triples(std::vector<TriplePattern> triples) {
    auto as_variable = [](TermOrVariable& position) {
      if (auto* term = std::get_if<Term>(&position); term && term->is_blank()) {
        position = Variable{"#b" + term->value};
      }
    };
    for (TriplePattern& triple : triples) {
      as_variable(triple.subject);
      as_variable(triple.object);
    }
    return triples;
  }

  void triples_template(PendingBgp& pending, std::string_view closing) {
    while (!current_.is(closing)) {
      triples_same_subject(pending);
      if (!accept(".")) break;
    }
  }

  Query describe_query() {
    expect_keyword("DESCRIBE");
    Query query;
    query.form = Query::Form::describe;
    bool star = false;
    if (accept("*")) {
      star = true;
    } else {
      while (current_.kind == Kind::variable || at_iri()) {
        if (current_.kind == Kind::variable) {
          query.describe.emplace_back(Variable{current_.text});
          advance();
        } else {
          query.describe.emplace_back(Term::iri(iri()));
        }
      }
      if (query.describe.empty()) expected("'*', a variable or an IRI after DESCRIBE");
    }
    dataset_clauses(query);
    Pattern where;
    if (accept_keyword("WHERE") || current_.is("{")) where = group_graph_pattern();
    query.pattern = where_and_modifiers(where ? where : empty_bgp());
    if (star) {
      for (const std::string& name : in_scope_variables(query.pattern))
        if (name.front() != '#') query.describe.emplace_back(Variable{name});
    }
    return query;
  }

  Query ask_query() {
    expect_keyword("ASK");
    Query query;
    query.form = Query::Form::ask;
    dataset_clauses(query);
    accept_keyword("WHERE");
    query.pattern = where_and_modifiers(group_graph_pattern());
    return query;
  }

  // --- graph patterns -----------------------------------------------------

  /// GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}'
  Pattern group_graph_pattern() {
    DepthGuard guard(*this);
    expect("{");
    if (current_.is_keyword("SELECT")) {
      Pattern sub = sub_select();
      expect("}");
      return sub;
    }
    Pattern group = group_graph_pattern_sub();
    expect("}");
    return group;
  }

  Pattern sub_select() {
    auto* outer = aggregates_;
    SelectClause clause = select_clause();
    aggregates_ = nullptr;
    accept_keyword("WHERE");
    Pattern where = group_graph_pattern();
    std::vector<std::string> variables;
    Modifiers modifiers = solution_modifiers(clause);
    Pattern values;
    if (accept_keyword("VALUES")) values = data_block();
    Pattern result =
        translate_select(clause, modifiers, std::move(where), std::move(values), variables);
    aggregates_ = outer;
    return result;
  }

  /// The translation of 18.2.2.6, element by element.
  Pattern group_graph_pattern_sub() {
    auto* outer = aggregates_;
    aggregates_ = nullptr;
    Pattern group;
    PendingBgp pending;
    std::vector<Expression> filters;
    // The enclosing group's BGP goes on after this group when this one is
    // inside a FILTER (EXISTS), whose triples are no part of it (18.2.2.2).
    const std::size_t enclosing_bgp = bgp_serial_;
    bgp_serial_ = ++bgp_serials_;
    auto flush = [&] {
      if (!pending.empty()) group = join(std::move(group), bgp_of(std::move(pending)));
      pending = PendingBgp{};
      bgp_serial_ = ++bgp_serials_;
    };
    for (;;) {
      if (current_.is("}")) break;
      if (current_.kind == Kind::end) expected("'}'");
      if (accept_keyword("FILTER")) {
        filters.push_back(constraint());
      } else if (current_.is_keyword("OPTIONAL")) {
        advance();
        flush();
        Pattern optional = group_graph_pattern();
        group = left_join(std::move(group), std::move(optional));
      } else if (current_.is_keyword("MINUS")) {
        advance();
        flush();
        group = binary(PKind::minus, group ? std::move(group) : empty_bgp(), group_graph_pattern());
      } else if (current_.is_keyword("BIND")) {
        advance();
        flush();
        group = bind(std::move(group));
      } else if (current_.is_keyword("GRAPH")) {
        advance();
        flush();
        PatternNode graph;
        graph.kind = PKind::graph;
        graph.graph_name = var_or_iri();
        graph.children = {group_graph_pattern()};
        group = join(std::move(group), node(std::move(graph)));
      } else if (current_.is_keyword("SERVICE")) {
        advance();
        flush();
        PatternNode service;
        service.kind = PKind::service;
        service.silent = accept_keyword("SILENT");
        service.graph_name = var_or_iri();
        service.children = {group_graph_pattern()};
        group = join(std::move(group), node(std::move(service)));
      } else if (current_.is_keyword("VALUES")) {
        advance();
        flush();
        group = join(std::move(group), data_block());
      } else if (current_.is("{")) {
        flush();
        Pattern inner = group_or_union();
        // A nested group's filters stay inside it: never taken for this
        // group's own (an OPTIONAL's filter is only the one written in it).
        if (!group && inner->kind == PKind::filter) group = empty_bgp();
        group = join(std::move(group), std::move(inner));
      } else {
        triples_same_subject(pending);
        if (!accept(".") && !current_.is("}") && !starts_non_triples()) {
          expected("'.', '}' or another pattern");
        }
        continue;
      }
      accept(".");
    }
    flush();
    bgp_serial_ = enclosing_bgp;
    aggregates_ = outer;
    if (!group) group = empty_bgp();
    if (!filters.empty()) group = filter(std::move(group), filters);
    return group;
  }

  bool starts_non_triples() const {
    for (std::string_view word :
         {"FILTER", "OPTIONAL", "MINUS", "BIND", "GRAPH", "SERVICE", "VALUES"}) {
      if (current_.is_keyword(word)) return true;
    }
    return current_.is("{");
  }

  static Pattern left_join(Pattern group, Pattern optional) {
    PatternNode n;
    n.kind = PKind::left_join;
    if (optional->kind == PKind::filter) {
      n.expressions = {conjunction(optional->expressions)};
      optional = optional->children[0];
    }
    n.children = {group ? std::move(group) : empty_bgp(), std::move(optional)};
    return node(std::move(n));
  }

  Pattern bind(Pattern group) {
    expect("(");
    Expression value = expression();
    expect_keyword("AS");
    if (current_.kind != Kind::variable) expected("a variable after AS");
    const std::string name = current_.text;
    check_not_in_scope(group, name, "BIND(... AS ?" + name + ")");
    advance();
    expect(")");
    return extend(std::move(group), name, std::move(value));
  }

  Pattern group_or_union() {
    Pattern result = group_graph_pattern();
    while (accept_keyword("UNION")) {
      result = binary(PKind::union_, std::move(result), group_graph_pattern());
    }
    return result;
  }

  Pattern bgp_of(PendingBgp pending) {
    Pattern result;
    if (!pending.triples.empty()) {
      PatternNode bgp;
      bgp.triples = std::move(pending.triples);
      result = node(std::move(bgp));
    }
    for (Pattern& path : pending.paths)
      result = join(std::move(result), std::move(path));
    return result;
  }

  TermOrVariable var_or_iri() {
    if (current_.kind == Kind::variable) {
      Variable v{current_.text};
      advance();
      return v;
    }
    return Term::iri(iri());
  }

  /// VALUES: DataBlock ::= InlineDataOneVar | InlineDataFull
  Pattern data_block() {
    PatternNode values;
    values.kind = PKind::values;
    if (current_.kind == Kind::variable) {
      values.variables.push_back(current_.text);
      advance();
      expect("{");
      while (!accept("}"))
        values.rows.push_back({data_block_value()});
      return node(std::move(values));
    }
    if (current_.kind == Kind::nil) {
      advance();
    } else {
      expect("(");
      while (current_.kind == Kind::variable) {
        values.variables.push_back(current_.text);
        advance();
      }
      expect(")");
    }
    expect("{");
    while (!accept("}")) {
      ValuesRow row;
      if (current_.kind == Kind::nil) {
        advance();
      } else {
        expect("(");
        while (!accept(")"))
          row.push_back(data_block_value());
      }
      if (row.size() != values.variables.size()) {
        fail("a VALUES row has " + std::to_string(row.size()) + " values for " +
             std::to_string(values.variables.size()) + " variables");
      }
      values.rows.push_back(std::move(row));
    }
    return node(std::move(values));
  }

  std::optional<Term> data_block_value() {
    if (accept_keyword("UNDEF")) return std::nullopt;
    if (at_iri()) return Term::iri(iri());
    if (current_.kind == Kind::string) return rdf_literal();
    if (at_number()) return numeric_literal();
    if (auto number = signed_number()) return number;
    if (auto boolean = boolean_literal()) return boolean;
    expected("an IRI, a literal or UNDEF in VALUES");
  }

  // --- triples ------------------------------------------------------------

  void triples_same_subject(PendingBgp& pending) {
    if (current_.is("[") || current_.is("(")) {
      TermOrVariable subject = triples_node(pending);
      if (!current_.is(".") && !current_.is("}") && !starts_non_triples()) {
        property_list(subject, pending);
      }
      return;
    }
    TermOrVariable subject = var_or_term();
    property_list_not_empty(subject, pending);
  }

  void property_list(const TermOrVariable& subject, PendingBgp& pending) {
    if (at_verb()) property_list_not_empty(subject, pending);
  }

  bool at_verb() const {
    return current_.kind == Kind::variable || at_iri() ||
           (current_.kind == Kind::name && current_.text == "a") ||
           (!in_template_ && (current_.is("^") || current_.is("!") || current_.is("(")));
  }

  void property_list_not_empty(const TermOrVariable& subject, PendingBgp& pending) {
    for (;;) {
      if (!at_verb()) expected("a predicate (an IRI, 'a', a variable or a path)");
      if (current_.kind == Kind::variable) {
        TermOrVariable predicate = Variable{current_.text};
        advance();
        object_list(
            subject,
            [&](const TermOrVariable& object) {
              pending.triples.push_back({subject, predicate, object});
            },
            pending);
      } else {
        Path path = in_template_ ? template_verb() : path_alternative();
        object_list(
            subject,
            [&](const TermOrVariable& object) { emit_path(pending, subject, path, object); },
            pending);
      }
      if (!accept(";")) return;
      while (accept(";")) {
      }
      if (!at_verb()) return;
    }
  }

  Path template_verb() {
    PathNode link;
    if (current_.kind == Kind::name && current_.text == "a") {
      advance();
      link.iri = Term::iri(std::string(rdf_ns) + "type");
    } else {
      link.iri = Term::iri(iri());
    }
    return path_node(std::move(link));
  }

  template <typename Emit> void object_list(const TermOrVariable&, Emit emit, PendingBgp& pending) {
    do {
      emit(graph_node(pending));
    } while (accept(","));
  }

  TermOrVariable graph_node(PendingBgp& pending) {
    if (current_.is("[") || current_.is("(")) return triples_node(pending);
    return var_or_term();
  }

  /// A blank node property list or a collection, as a node and its triples.
  TermOrVariable triples_node(PendingBgp& pending) {
    DepthGuard guard(*this);
    if (accept("[")) {
      TermOrVariable subject = fresh_node();
      property_list_not_empty(subject, pending);
      expect("]");
      return subject;
    }
    expect("(");
    std::vector<TermOrVariable> items;
    while (!accept(")")) {
      if (current_.kind == Kind::end) expected("')'");
      items.push_back(graph_node(pending));
    }
    if (items.empty()) expected("a member of the collection");
    const Term first = Term::iri(std::string(rdf_ns) + "first");
    const Term rest = Term::iri(std::string(rdf_ns) + "rest");
    TermOrVariable head = fresh_node();
    TermOrVariable cell = head;
    for (std::size_t i = 0; i < items.size(); ++i) {
      pending.triples.push_back({cell, first, items[i]});
      TermOrVariable next = i + 1 < items.size()
                                ? fresh_node()
                                : TermOrVariable(Term::iri(std::string(rdf_ns) + "nil"));
      pending.triples.push_back({cell, rest, next});
      cell = next;
    }
    return head;
  }

  TermOrVariable fresh_node() {
    if (in_template_) return Term::blank("a" + std::to_string(fresh_++));
    return Variable{fresh_variable("anon")};
  }

  TermOrVariable var_or_term() {
    switch (current_.kind) {
    case Kind::variable: {
      Variable v{current_.text};
      advance();
      return v;
    }
    case Kind::iri:
    case Kind::prefixed_name: return Term::iri(iri());
    case Kind::string: return rdf_literal();
    case Kind::integer:
    case Kind::decimal:
    case Kind::double_: return numeric_literal();
    case Kind::blank_label: return blank_node();
    case Kind::anon: advance(); return fresh_node();
    case Kind::nil: advance(); return Term::iri(std::string(rdf_ns) + "nil");
    default: break;
    }
    if (auto number = signed_number()) return *number;
    if (auto boolean = boolean_literal()) return *boolean;
    expected("a variable, an IRI, a literal or a blank node");
  }

  TermOrVariable blank_node() {
    const std::string label = current_.text;
    if (in_template_) {
      advance();
      // "l" for a label as written, "a" for [] (fresh_node): never the same node.
      return Term::blank("l" + label);
    }
    auto [found, inserted] = blank_labels_.emplace(label, bgp_serial_);
    if (!inserted && found->second != bgp_serial_) {
      fail("the blank node label _:" + label + " is used in two basic graph patterns");
    }
    advance();
    return Variable{"#b" + label};
  }

  // --- property paths (section 9) -----------------------------------------

  void emit_path(PendingBgp& pending, const TermOrVariable& subject, const Path& path,
                 const TermOrVariable& object) {
    if (path->kind == PathNode::Kind::link) {
      pending.triples.push_back({subject, path->iri, object});
      return;
    }
    if (path->kind == PathNode::Kind::inverse && path->parts[0]->kind == PathNode::Kind::link) {
      pending.triples.push_back({object, path->parts[0]->iri, subject});
      return;
    }
    if (path->kind == PathNode::Kind::sequence) {
      const TermOrVariable middle = Variable{fresh_variable("path")};
      emit_path(pending, subject, path->parts[0], middle);
      emit_path(pending, middle, path->parts[1], object);
      return;
    }
    PatternNode n;
    n.kind = PKind::path;
    n.path_subject = subject;
    n.path = path;
    n.path_object = object;
    pending.paths.push_back(node(std::move(n)));
  }

  Path path_alternative() {
    DepthGuard guard(*this);
    Path left = path_sequence();
    while (accept("|")) {
      PathNode n;
      n.kind = PathNode::Kind::alternative;
      n.parts = {left, path_sequence()};
      left = path_node(std::move(n));
    }
    return left;
  }

  Path path_sequence() {
    Path left = path_elt_or_inverse();
    while (accept("/")) {
      PathNode n;
      n.kind = PathNode::Kind::sequence;
      n.parts = {left, path_elt_or_inverse()};
      left = path_node(std::move(n));
    }
    return left;
  }

  Path path_elt_or_inverse() {
    if (accept("^")) {
      PathNode n;
      n.kind = PathNode::Kind::inverse;
      n.parts = {path_elt()};
      return path_node(std::move(n));
    }
    return path_elt();
  }

  Path path_elt() {
    Path primary = path_primary();
    PathNode::Kind modifier;
    if (current_.is("*")) {
      modifier = PathNode::Kind::zero_or_more;
    } else if (current_.is("+")) {
      modifier = PathNode::Kind::one_or_more;
    } else if (current_.is("?")) {
      modifier = PathNode::Kind::zero_or_one;
    } else {
      return primary;
    }
    advance();
    PathNode n;
    n.kind = modifier;
    n.parts = {primary};
    return path_node(std::move(n));
  }

  Path path_primary() {
    if (current_.kind == Kind::name && current_.text == "a") {
      advance();
      PathNode link;
      link.iri = Term::iri(std::string(rdf_ns) + "type");
      return path_node(std::move(link));
    }
    if (at_iri()) {
      PathNode link;
      link.iri = Term::iri(iri());
      return path_node(std::move(link));
    }
    if (accept("!")) return negated_property_set();
    if (accept("(")) {
      Path inner = path_alternative();
      expect(")");
      return inner;
    }
    expected("an IRI, 'a', '!', '^' or '(' in a property path");
  }

  Path negated_property_set() {
    PathNode n;
    n.kind = PathNode::Kind::negated;
    auto one = [&] {
      const bool inverse = accept("^");
      Term member;
      if (current_.kind == Kind::name && current_.text == "a") {
        advance();
        member = Term::iri(std::string(rdf_ns) + "type");
      } else {
        member = Term::iri(iri());
      }
      (inverse ? n.inverse : n.forward).push_back(member);
    };
    if (accept("(")) {
      if (!current_.is(")")) {
        one();
        while (accept("|"))
          one();
      }
      expect(")");
    } else if (current_.kind == Kind::nil) {
      advance();
    } else {
      one();
    }
    return path_node(std::move(n));
  }

  // --- expressions (section 17, grammar 110-127) ----------------------------

  Expression expression() {
    DepthGuard guard(*this);
    return or_expression();
  }

  Expression operation(EKind kind, std::vector<Expression> args) {
    ExpressionNode n;
    n.kind = kind;
    n.args = std::move(args);
    return expr(std::move(n));
  }

  Expression or_expression() {
    Expression left = and_expression();
    while (accept("||"))
      left = operation(EKind::logical_or, {left, and_expression()});
    return left;
  }

  Expression and_expression() {
    Expression left = relational_expression();
    while (accept("&&"))
      left = operation(EKind::logical_and, {left, relational_expression()});
    return left;
  }

  Expression relational_expression() {
    Expression left = additive_expression();
    static const std::pair<std::string_view, EKind> operators[] = {
        {"=", EKind::equal},   {"!=", EKind::not_equal},     {"<", EKind::less},
        {">", EKind::greater}, {"<=", EKind::less_or_equal}, {">=", EKind::greater_or_equal}};
    for (const auto& [text, kind] : operators) {
      if (accept(text)) return operation(kind, {left, additive_expression()});
    }
    if (current_.is_keyword("IN") || current_.is_keyword("NOT")) {
      const bool negated = accept_keyword("NOT");
      expect_keyword("IN");
      std::vector<Expression> args{left};
      for (Expression& member : expression_list())
        args.push_back(std::move(member));
      return operation(negated ? EKind::not_in : EKind::in, std::move(args));
    }
    return left;
  }

  std::vector<Expression> expression_list() {
    std::vector<Expression> list;
    if (current_.kind == Kind::nil) {
      advance();
      return list;
    }
    expect("(");
    list.push_back(expression());
    while (accept(","))
      list.push_back(expression());
    expect(")");
    return list;
  }

  Expression additive_expression() {
    Expression left = multiplicative_expression();
    for (;;) {
      if (accept("+")) {
        left = operation(EKind::add, {left, multiplicative_expression()});
      } else if (accept("-")) {
        left = operation(EKind::subtract, {left, multiplicative_expression()});
      } else {
        return left;
      }
    }
  }

  Expression multiplicative_expression() {
    Expression left = unary_expression();
    for (;;) {
      if (accept("*")) {
        left = operation(EKind::multiply, {left, unary_expression()});
      } else if (accept("/")) {
        left = operation(EKind::divide, {left, unary_expression()});
      } else {
        return left;
      }
    }
  }

  Expression unary_expression() {
    DepthGuard guard(*this);
    if (accept("!")) return operation(EKind::logical_not, {primary_expression()});
    if (accept("+")) return operation(EKind::unary_plus, {primary_expression()});
    if (accept("-")) return operation(EKind::unary_minus, {primary_expression()});
    return primary_expression();
  }

  Expression constant(Term term) {
    ExpressionNode n;
    n.kind = EKind::constant;
    n.term = std::move(term);
    return expr(std::move(n));
  }

  Expression bracketted_expression() {
    expect("(");
    Expression e = expression();
    expect(")");
    return e;
  }

  Expression primary_expression() {
    if (current_.is("(")) return bracketted_expression();
    if (current_.kind == Kind::variable) {
      Expression v = variable_expression(current_.text);
      advance();
      return v;
    }
    if (at_iri()) return iri_or_function();
    if (current_.kind == Kind::string) return constant(rdf_literal());
    if (at_number()) return constant(numeric_literal());
    if (auto boolean = boolean_literal()) return constant(*boolean);
    if (current_.kind == Kind::name) return builtin_call();
    expected("an expression");
  }

  Expression iri_or_function() {
    const std::string name = iri();
    if (current_.kind != Kind::nil && !current_.is("(")) return constant(Term::iri(name));
    ExpressionNode call;
    call.kind = EKind::function_call;
    call.name = name;
    if (current_.kind == Kind::nil) {
      advance();
    } else {
      advance();
      if (current_.is_keyword("DISTINCT")) fail("DISTINCT is only allowed in aggregates");
      call.args.push_back(expression());
      while (accept(","))
        call.args.push_back(expression());
      expect(")");
    }
    return expr(std::move(call));
  }

  Expression builtin_call() {
    const Token name_token = current_;
    const std::string name = upper(current_.text);
    if (aggregate_functions().contains(name)) return aggregate(name_token);
    advance();
    if (name == "BOUND") {
      expect("(");
      if (current_.kind != Kind::variable) expected("a variable in BOUND()");
      ExpressionNode n;
      n.kind = EKind::bound;
      n.name = current_.text;
      advance();
      expect(")");
      return expr(std::move(n));
    }
    if (name == "EXISTS" || name == "NOT") {
      if (name == "NOT") expect_keyword("EXISTS");
      ExpressionNode n;
      n.kind = name == "NOT" ? EKind::not_exists : EKind::exists;
      auto* outer = aggregates_;
      aggregates_ = nullptr;
      n.pattern = group_graph_pattern();
      aggregates_ = outer;
      return expr(std::move(n));
    }
    auto found = builtins().find(name);
    if (found == builtins().end()) {
      fail_at(name_token, "unknown function '" + name_token.text + "'");
    }
    std::vector<Expression> args = expression_list();
    if (args.size() < found->second.min || args.size() > found->second.max) {
      fail_at(name_token, name + " takes " +
                              (found->second.min == found->second.max
                                   ? std::to_string(found->second.min)
                                   : std::to_string(found->second.min) + " to " +
                                         std::to_string(found->second.max)) +
                              " arguments, not " + std::to_string(args.size()));
    }
    ExpressionNode n;
    if (name == "IF") {
      n.kind = EKind::if_then;
    } else if (name == "COALESCE") {
      n.kind = EKind::coalesce;
    } else {
      n.kind = EKind::builtin;
      n.name = name == "URI" ? "IRI" : (name == "ISURI" ? "ISIRI" : name);
    }
    n.args = std::move(args);
    return expr(std::move(n));
  }

  Expression aggregate(const Token& name_token) {
    const std::string name = upper(current_.text);
    if (aggregates_ == nullptr) {
      fail("the aggregate " + name + " is only allowed in SELECT, HAVING and ORDER BY");
    }
    if (in_aggregate_) fail("an aggregate cannot hold another aggregate");
    advance();
    Aggregate aggregate;
    aggregate.function = aggregate_functions().at(name);
    expect("(");
    aggregate.distinct = accept_keyword("DISTINCT");
    in_aggregate_ = true;
    if (name == "COUNT" && accept("*")) {
      aggregate.argument = nullptr;
    } else {
      aggregate.argument = expression();
    }
    in_aggregate_ = false;
    if (name == "GROUP_CONCAT" && accept(";")) {
      expect_keyword("SEPARATOR");
      expect("=");
      if (current_.kind != Kind::string) expected("a string after SEPARATOR =");
      aggregate.separator = current_.text;
      advance();
    }
    expect(")");
    (void)name_token;
    aggregate.variable = fresh_variable("agg");
    aggregates_->push_back(aggregate);
    return variable_expression(aggregate.variable);
  }
};

} // namespace

Query parse_query(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).parse();
}

} // namespace wa::query
