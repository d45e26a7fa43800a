// +, -, *, / and unary minus over numeric literals (XPath op:numeric-*),
// after type promotion; integer division gives a decimal.
#include "engine/expr/functions.hpp"
#include "engine/expr/numeric.hpp"

#include <algorithm>
#include <cmath>

namespace wa::engine {

namespace {

/// Digits a decimal quotient keeps after the point when it does not end.
constexpr unsigned division_scale = 24;

Numeric operand(const rdf::Term& term) {
  auto number = numeric_value(term);
  if (!number) throw ExpressionError("not a number: " + term.to_ntriples());
  return *number;
}

Numeric floating(NumericType type, double value) {
  Numeric result;
  result.type = type;
  result.approx =
      type == NumericType::float_ ? static_cast<double>(static_cast<float>(value)) : value;
  return result;
}

Decimal exact_operation(Arithmetic op, const Decimal& a, const Decimal& b) {
  const unsigned common = std::max(a.scale, b.scale);
  Decimal x = a.rescaled(common);
  Decimal y = b.rescaled(common);
  Decimal result;
  switch (op) {
  case Arithmetic::add:
    mpz_add(result.unscaled.raw(), x.unscaled.raw(), y.unscaled.raw());
    result.scale = common;
    return result;
  case Arithmetic::subtract:
    mpz_sub(result.unscaled.raw(), x.unscaled.raw(), y.unscaled.raw());
    result.scale = common;
    return result;
  case Arithmetic::multiply:
    mpz_mul(result.unscaled.raw(), a.unscaled.raw(), b.unscaled.raw());
    result.scale = a.scale + b.scale;
    return result;
  case Arithmetic::divide: {
    if (b.unscaled.sign() == 0) throw ExpressionError("division by zero");
    // (x / 10^s) / (y / 10^s) = x * 10^k / y / 10^k
    Decimal numerator = x.rescaled(common + division_scale);
    mpz_tdiv_q(result.unscaled.raw(), numerator.unscaled.raw(), y.unscaled.raw());
    result.scale = division_scale;
    return result;
  }
  }
  return result;
}

double float_operation(Arithmetic op, double a, double b) {
  switch (op) {
  case Arithmetic::add: return a + b;
  case Arithmetic::subtract: return a - b;
  case Arithmetic::multiply: return a * b;
  case Arithmetic::divide: return a / b;
  }
  return 0;
}

} // namespace

rdf::Term arithmetic(Arithmetic op, const rdf::Term& left, const rdf::Term& right) {
  const Numeric a = operand(left);
  const Numeric b = operand(right);
  NumericType type = std::max(a.type, b.type);
  if (type == NumericType::float_ || type == NumericType::double_) {
    return floating(type, float_operation(op, a.as_double(), b.as_double())).to_term();
  }
  Numeric result;
  result.exact = exact_operation(op, a.exact, b.exact);
  result.type = op == Arithmetic::divide ? NumericType::decimal : type;
  return result.to_term();
}

rdf::Term unary_minus(const rdf::Term& operand_term) {
  Numeric number = operand(operand_term);
  if (number.type == NumericType::float_ || number.type == NumericType::double_) {
    number.approx = -number.approx;
  } else {
    mpz_neg(number.exact.unscaled.raw(), number.exact.unscaled.raw());
  }
  return number.to_term();
}

rdf::Term unary_plus(const rdf::Term& operand_term) { return operand(operand_term).to_term(); }

rdf::Term integer_literal(std::int64_t value) {
  return rdf::Term::typed(std::to_string(value), "http://www.w3.org/2001/XMLSchema#integer");
}

bool is_numeric(const rdf::Term& term) { return numeric_value(term).has_value(); }

} // namespace wa::engine
