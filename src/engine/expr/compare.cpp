// The comparison operators (17.3 operator mapping, 17.4.1.7 RDFterm-equal),
// the effective boolean value (17.2.2) and the order of ORDER BY (15.1).
#include "engine/expr/datetime.hpp"
#include "engine/expr/functions.hpp"
#include "engine/expr/numeric.hpp"

#include <cmath>

namespace wa::engine {

namespace {

constexpr std::string_view xsd_boolean = "http://www.w3.org/2001/XMLSchema#boolean";

bool is_simple_string(const rdf::Term& term) {
  return term.is_literal() && term.language.empty() && term.datatype.empty();
}

std::optional<bool> boolean_value(const rdf::Term& term) {
  if (!term.is_literal() || term.datatype != xsd_boolean) return std::nullopt;
  if (term.value == "true" || term.value == "1") return true;
  if (term.value == "false" || term.value == "0") return false;
  return std::nullopt;
}

bool holds(Comparison op, int order) {
  switch (op) {
  case Comparison::equal: return order == 0;
  case Comparison::not_equal: return order != 0;
  case Comparison::less: return order < 0;
  case Comparison::greater: return order > 0;
  case Comparison::less_or_equal: return order <= 0;
  case Comparison::greater_or_equal: return order >= 0;
  }
  return false;
}

int sign_of(int value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }

/// The order of two values of one comparable kind; nullopt when the operator
/// mapping has nothing for this pair (then = falls back to RDFterm-equal).
std::optional<int> value_order(const rdf::Term& a, const rdf::Term& b, bool& unordered_nan) {
  auto x = numeric_value(a);
  auto y = numeric_value(b);
  if (x && y) {
    const bool floating = x->type == NumericType::float_ || x->type == NumericType::double_ ||
                          y->type == NumericType::float_ || y->type == NumericType::double_;
    if (!floating) return x->exact.compare(y->exact);
    const double p = x->as_double();
    const double q = y->as_double();
    if (std::isnan(p) || std::isnan(q)) {
      unordered_nan = true;
      return 1;
    }
    return p < q ? -1 : (p > q ? 1 : 0);
  }
  if (is_simple_string(a) && is_simple_string(b)) return sign_of(a.value.compare(b.value));
  auto p = boolean_value(a);
  auto q = boolean_value(b);
  if (p && q) return (*p ? 1 : 0) - (*q ? 1 : 0);
  auto s = date_time_value(a);
  auto t = date_time_value(b);
  if (s && t && s->has_time == t->has_time) {
    auto order = compare_date_times(*s, *t);
    if (!order) throw ExpressionError("the order of these date-times is indeterminate");
    return *order;
  }
  return std::nullopt;
}

/// Literals whose values SPARQL knows: different such values are unequal.
bool known_value(const rdf::Term& term) {
  if (!term.is_literal()) return false;
  if (!term.language.empty() || term.datatype.empty()) return true;
  return numeric_value(term) || boolean_value(term) || date_time_value(term);
}

} // namespace

bool compare(Comparison op, const rdf::Term& left, const rdf::Term& right) {
  bool unordered_nan = false;
  if (auto order = value_order(left, right, unordered_nan)) {
    if (unordered_nan) return op == Comparison::not_equal;
    return holds(op, *order);
  }
  if (op != Comparison::equal && op != Comparison::not_equal) {
    throw ExpressionError("these terms cannot be ordered with < or >");
  }
  bool equal = left == right;
  // A language-tagged string equals only a language-tagged string.
  const bool one_tagged = left.language.empty() != right.language.empty();
  if (!equal && left.is_literal() && right.is_literal() && !one_tagged &&
      !(known_value(left) && known_value(right))) {
    // Two literals of a datatype not understood: their values may be equal.
    throw ExpressionError("literals of an unknown datatype cannot be compared");
  }
  return op == Comparison::equal ? equal : !equal;
}

bool effective_boolean_value(const rdf::Term& term) {
  if (!term.is_literal()) throw ExpressionError("an IRI or blank node has no boolean value");
  if (term.datatype == xsd_boolean) return boolean_value(term).value_or(false);
  if (is_simple_string(term)) return !term.value.empty();
  if (is_numeric_datatype(term.datatype)) {
    auto number = numeric_value(term);
    if (!number) return false;
    if (number->type == NumericType::float_ || number->type == NumericType::double_) {
      return !(number->approx == 0 || std::isnan(number->approx));
    }
    return number->exact.unscaled.sign() != 0;
  }
  throw ExpressionError("this literal has no effective boolean value");
}

int order_compare(const rdf::Term& left, const rdf::Term& right) {
  auto rank = [](const rdf::Term& term) { return term.is_blank() ? 0 : (term.is_iri() ? 1 : 2); };
  if (rank(left) != rank(right)) return rank(left) - rank(right);
  if (!left.is_literal()) return sign_of(left.value.compare(right.value));
  try {
    bool unordered_nan = false;
    if (auto order = value_order(left, right, unordered_nan);
        order && !unordered_nan && *order != 0) {
      return *order;
    }
  } catch (const ExpressionError&) {
  }
  // A fixed total order for the rest: simple literals first, then by
  // datatype, language and lexical form.
  auto kind = [](const rdf::Term& term) {
    return term.datatype.empty() && term.language.empty() ? 0 : 1;
  };
  if (kind(left) != kind(right)) return kind(left) - kind(right);
  if (int c = left.datatype.compare(right.datatype); c != 0) return sign_of(c);
  if (int c = left.language.compare(right.language); c != 0) return sign_of(c);
  return sign_of(left.value.compare(right.value));
}

} // namespace wa::engine
