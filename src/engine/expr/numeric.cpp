#include "engine/expr/numeric.hpp"

#include "engine/expr/functions.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace wa::engine {

namespace {

constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

BigInteger power_of_ten(unsigned exponent) {
  BigInteger result;
  mpz_ui_pow_ui(result.raw(), 10, exponent);
  return result;
}

std::string local_name(std::string_view datatype) {
  return datatype.starts_with(xsd) ? std::string(datatype.substr(xsd.size())) : std::string();
}

} // namespace

std::optional<BigInteger> BigInteger::parse(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (!all_digits(digits)) return std::nullopt;
  BigInteger value;
  const std::string source(digits);
  mpz_set_str(value.value_, source.c_str(), 10);
  if (text.front() == '-') mpz_neg(value.value_, value.value_);
  return value;
}

std::string BigInteger::to_string() const {
  std::unique_ptr<char, void (*)(void*)> text(mpz_get_str(nullptr, 10, value_), std::free);
  return text.get();
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::string_view body = text;
  const bool negative = !body.empty() && body.front() == '-';
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  const auto point = body.find('.');
  const std::string_view whole = body.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : body.substr(point + 1);
  if ((whole.empty() && fraction.empty()) || (!whole.empty() && !all_digits(whole)) ||
      (!fraction.empty() && !all_digits(fraction)) ||
      (point != std::string_view::npos && whole.empty() && fraction.empty())) {
    return std::nullopt;
  }
  auto unscaled =
      BigInteger::parse(std::string(whole.empty() ? "0" : whole) + std::string(fraction));
  if (!unscaled) return std::nullopt;
  if (negative) mpz_neg(unscaled->raw(), unscaled->raw());
  return Decimal{*unscaled, static_cast<unsigned>(fraction.size())};
}

Decimal Decimal::of(double value) {
  // A finite double is a dyadic rational: exact with enough decimal digits.
  Decimal result;
  mpq_t rational;
  mpq_init(rational);
  mpq_set_d(rational, value);
  unsigned scale = 0;
  mpz_t denominator;
  mpz_init_set(denominator, mpq_denref(rational));
  while (mpz_cmp_ui(denominator, 1) != 0 && scale < 1100) {
    if (mpz_divisible_ui_p(denominator, 2)) {
      mpz_divexact_ui(denominator, denominator, 2);
    } else {
      break;
    }
    ++scale;
  }
  mpz_clear(denominator);
  BigInteger factor = power_of_ten(scale);
  mpz_mul(result.unscaled.raw(), mpq_numref(rational), factor.raw());
  mpz_divexact(result.unscaled.raw(), result.unscaled.raw(), mpq_denref(rational));
  result.scale = scale;
  mpq_clear(rational);
  return result;
}

std::string Decimal::to_string() const {
  std::string digits = unscaled.to_string();
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.erase(0, 1);
  if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  std::string whole = digits.substr(0, digits.size() - scale);
  std::string fraction = digits.substr(digits.size() - scale);
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  if (fraction.empty()) fraction = "0";
  const bool zero = whole == "0" && fraction == "0";
  return (negative && !zero ? "-" : "") + whole + "." + fraction;
}

double Decimal::to_double() const { return std::strtod(to_string().c_str(), nullptr); }

Decimal Decimal::rescaled(unsigned to) const {
  if (to <= scale) return *this;
  Decimal result{unscaled, to};
  BigInteger factor = power_of_ten(to - scale);
  mpz_mul(result.unscaled.raw(), result.unscaled.raw(), factor.raw());
  return result;
}

int Decimal::compare(const Decimal& other) const {
  const unsigned common = std::max(scale, other.scale);
  const int c = mpz_cmp(rescaled(common).unscaled.raw(), other.rescaled(common).unscaled.raw());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

BigInteger Decimal::truncated() const {
  BigInteger result;
  BigInteger factor = power_of_ten(scale);
  mpz_tdiv_q(result.raw(), unscaled.raw(), factor.raw());
  return result;
}

Decimal Decimal::floor() const {
  BigInteger result;
  BigInteger factor = power_of_ten(scale);
  mpz_fdiv_q(result.raw(), unscaled.raw(), factor.raw());
  return of(result);
}

Decimal Decimal::ceil() const {
  BigInteger result;
  BigInteger factor = power_of_ten(scale);
  mpz_cdiv_q(result.raw(), unscaled.raw(), factor.raw());
  return of(result);
}

Decimal Decimal::round() const {
  // fn:round: half way rounds toward positive infinity: floor(x + 0.5).
  Decimal half{BigInteger(5), 1};
  const unsigned common = std::max(scale, 1U);
  Decimal sum = rescaled(common);
  Decimal h = half.rescaled(common);
  mpz_add(sum.unscaled.raw(), sum.unscaled.raw(), h.unscaled.raw());
  return sum.floor();
}

double Numeric::as_double() const {
  return type == NumericType::float_ || type == NumericType::double_ ? approx : exact.to_double();
}

Decimal Numeric::as_decimal() const { return exact; }

rdf::Term Numeric::to_term() const {
  switch (type) {
  case NumericType::integer:
    return rdf::Term::typed(exact.truncated().to_string(), std::string(xsd) + "integer");
  case NumericType::decimal:
    return rdf::Term::typed(exact.to_string(), std::string(xsd) + "decimal");
  case NumericType::float_:
    return rdf::Term::typed(float_lexical(static_cast<float>(approx)), std::string(xsd) + "float");
  case NumericType::double_:
    return rdf::Term::typed(double_lexical(approx), std::string(xsd) + "double");
  }
  return {};
}

bool is_integer_datatype(std::string_view datatype) {
  static const std::string_view names[] = {"integer",
                                           "int",
                                           "long",
                                           "short",
                                           "byte",
                                           "nonNegativeInteger",
                                           "nonPositiveInteger",
                                           "positiveInteger",
                                           "negativeInteger",
                                           "unsignedLong",
                                           "unsignedInt",
                                           "unsignedShort",
                                           "unsignedByte"};
  const std::string name = local_name(datatype);
  for (std::string_view candidate : names)
    if (name == candidate) return true;
  return false;
}

bool is_numeric_datatype(std::string_view datatype) {
  const std::string name = local_name(datatype);
  return is_integer_datatype(datatype) || name == "decimal" || name == "float" || name == "double";
}

std::optional<double> parse_double(std::string_view text) {
  if (text == "INF" || text == "+INF") return HUGE_VAL;
  if (text == "-INF") return -HUGE_VAL;
  if (text == "NaN") return std::nan("");
  // [+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9')
    ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i, ++exponent;
    if (exponent == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return std::strtod(std::string(text).c_str(), nullptr);
}

namespace {

/// "1.0E2" style: a mantissa with a point, an exponent.
std::string scientific(std::string shortest) {
  const auto e = shortest.find('e');
  std::string mantissa = shortest.substr(0, e);
  int exponent = e == std::string::npos ? 0 : std::atoi(shortest.c_str() + e + 1);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return mantissa + "E" + std::to_string(exponent);
}

} // namespace

namespace {

template <typename Floating> std::string floating_lexical(Floating value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  (void)error;
  return scientific(std::string(buffer, end));
}

} // namespace

std::string double_lexical(double value) { return floating_lexical(value); }
std::string float_lexical(float value) { return floating_lexical(value); }

std::optional<Numeric> numeric_value(const rdf::Term& term) {
  if (!term.is_literal() || term.datatype.empty()) return std::nullopt;
  Numeric number;
  if (is_integer_datatype(term.datatype)) {
    auto integer = BigInteger::parse(term.value);
    if (!integer) return std::nullopt;
    number.type = NumericType::integer;
    number.exact = Decimal::of(*integer);
    return number;
  }
  const std::string name = local_name(term.datatype);
  if (name == "decimal") {
    auto decimal = Decimal::parse(term.value);
    if (!decimal) return std::nullopt;
    number.type = NumericType::decimal;
    number.exact = *decimal;
    return number;
  }
  if (name == "double" || name == "float") {
    auto value = parse_double(term.value);
    if (!value) return std::nullopt;
    number.type = name == "double" ? NumericType::double_ : NumericType::float_;
    number.approx = name == "float" ? static_cast<double>(static_cast<float>(*value)) : *value;
    return number;
  }
  return std::nullopt;
}

} // namespace wa::engine
