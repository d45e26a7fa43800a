// Numbers of the XSD numeric types as SPARQL computes with them (17.3,
// XPath op:numeric-*): xsd:integer (and every derived integer type, which
// counts as xsd:integer) and xsd:decimal exactly, with GMP; xsd:float and
// xsd:double in binary floating point; type promotion integer < decimal <
// float < double.
#pragma once

#include "rdf/term.hpp"

#include <gmp.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wa::engine {

/// An arbitrary-precision integer: GMP's mpz_t with an owner.
class BigInteger {
public:
  BigInteger() { mpz_init(value_); }
  explicit BigInteger(std::int64_t value) { mpz_init_set_si(value_, static_cast<long>(value)); }
  BigInteger(const BigInteger& other) { mpz_init_set(value_, other.value_); }
  BigInteger& operator=(const BigInteger& other) {
    mpz_set(value_, other.value_);
    return *this;
  }
  ~BigInteger() { mpz_clear(value_); }

  /// From decimal digits with an optional sign; nullopt if they are not.
  static std::optional<BigInteger> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] int sign() const { return mpz_sgn(value_); }
  [[nodiscard]] double to_double() const { return mpz_get_d(value_); }
  mpz_t& raw() { return value_; }
  [[nodiscard]] const mpz_t& raw() const { return value_; }

private:
  mpz_t value_;
};

/// An exact decimal: unscaled / 10^scale.
struct Decimal {
  BigInteger unscaled;
  unsigned scale = 0;

  static std::optional<Decimal> parse(std::string_view text);
  static Decimal of(const BigInteger& integer) { return {integer, 0}; }
  /// The exact value of a finite double.
  static Decimal of(double value);
  [[nodiscard]] std::string to_string() const; ///< canonical: "1.0", "-0.5", "12.25"
  [[nodiscard]] double to_double() const;
  [[nodiscard]] Decimal rescaled(unsigned to) const;
  [[nodiscard]] int compare(const Decimal& other) const;
  /// Toward zero / down / up / half up, as integers.
  [[nodiscard]] BigInteger truncated() const;
  [[nodiscard]] Decimal floor() const;
  [[nodiscard]] Decimal ceil() const;
  [[nodiscard]] Decimal round() const;
};

enum class NumericType { integer, decimal, float_, double_ };

/// A valid numeric literal's value.
struct Numeric {
  NumericType type = NumericType::integer;
  Decimal exact;       ///< integer and decimal
  double approx = 0.0; ///< float and double

  [[nodiscard]] double as_double() const;
  [[nodiscard]] Decimal as_decimal() const; ///< integer and decimal only
  [[nodiscard]] rdf::Term to_term() const;
};

/// The integer datatypes derived from xsd:integer, and xsd:integer itself.
[[nodiscard]] bool is_integer_datatype(std::string_view datatype);
[[nodiscard]] bool is_numeric_datatype(std::string_view datatype);
/// The value of a numeric literal; nullopt for another term or an invalid lexical form.
[[nodiscard]] std::optional<Numeric> numeric_value(const rdf::Term& term);
/// Canonical lexical forms of the floating-point types.
[[nodiscard]] std::string double_lexical(double value);
[[nodiscard]] std::string float_lexical(float value);
/// Parses an xsd:double / xsd:float lexical form (INF, -INF, NaN included).
[[nodiscard]] std::optional<double> parse_double(std::string_view text);

} // namespace wa::engine
