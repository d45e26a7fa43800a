// The XSD constructor functions of section 17.5: xsd:string, boolean,
// integer (and the derived integer types), decimal, float, double and
// dateTime, each from the types the casting table allows.
#include "engine/expr/datetime.hpp"
#include "engine/expr/functions.hpp"
#include "engine/expr/numeric.hpp"

#include <charconv>
#include <cmath>
#include <map>

namespace wa::engine {

namespace {

const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

rdf::Term typed(std::string value, const std::string& name) {
  return rdf::Term::typed(std::move(value), xsd + name);
}

/// The value range of each derived integer type (nullopt: unbounded).
struct Range {
  std::optional<std::string> min;
  std::optional<std::string> max;
};
const std::map<std::string, Range>& integer_ranges() {
  static const std::map<std::string, Range> ranges = {
      {"integer", {}},
      {"nonNegativeInteger", {"0", std::nullopt}},
      {"positiveInteger", {"1", std::nullopt}},
      {"nonPositiveInteger", {std::nullopt, "0"}},
      {"negativeInteger", {std::nullopt, "-1"}},
      {"long", {"-9223372036854775808", "9223372036854775807"}},
      {"int", {"-2147483648", "2147483647"}},
      {"short", {"-32768", "32767"}},
      {"byte", {"-128", "127"}},
      {"unsignedLong", {"0", "18446744073709551615"}},
      {"unsignedInt", {"0", "4294967295"}},
      {"unsignedShort", {"0", "65535"}},
      {"unsignedByte", {"0", "255"}},
  };
  return ranges;
}

std::optional<bool> boolean_of(const rdf::Term& term) {
  if (term.value == "true" || term.value == "1") return true;
  if (term.value == "false" || term.value == "0") return false;
  return std::nullopt;
}

bool is_string(const rdf::Term& term) {
  return term.is_literal() && term.datatype.empty() && term.language.empty();
}
bool is_boolean(const rdf::Term& term) { return term.datatype == xsd + "boolean"; }

/// XPath's cast of a number to a string: integers and decimals without a
/// fraction of zero, floating point in plain notation between 1e-6 and 1e6.
std::string number_as_string(const Numeric& number) {
  if (number.type == NumericType::integer) return number.exact.truncated().to_string();
  if (number.type == NumericType::decimal) {
    std::string text = number.exact.to_string();
    return text.ends_with(".0") ? text.substr(0, text.size() - 2) : text;
  }
  const double value = number.approx;
  const double magnitude = std::fabs(value);
  if (value == 0 || (magnitude >= 1e-6 && magnitude < 1e6)) {
    char buffer[400];
    auto [end, error] =
        number.type == NumericType::float_
            ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(value),
                            std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    (void)error;
    std::string text(buffer, end);
    return text.ends_with(".0") ? text.substr(0, text.size() - 2) : text;
  }
  return number.to_term().value;
}

rdf::Term to_string_cast(const rdf::Term& term) {
  if (term.is_blank()) throw ExpressionError("a blank node cannot be cast to xsd:string");
  if (term.is_literal() && !term.language.empty())
    throw ExpressionError("a language-tagged string is not cast");
  if (auto number = numeric_value(term)) return rdf::Term::literal(number_as_string(*number));
  if (is_boolean(term)) {
    if (auto value = boolean_of(term)) return rdf::Term::literal(*value ? "true" : "false");
  }
  return rdf::Term::literal(term.value);
}

rdf::Term to_boolean(const rdf::Term& term) {
  if (is_string(term) || is_boolean(term)) {
    auto value = boolean_of(term);
    if (!value) throw ExpressionError("not a boolean: " + term.value);
    return typed(*value ? "true" : "false", "boolean");
  }
  auto number = numeric_value(term);
  if (!number) throw ExpressionError("cannot be cast to xsd:boolean");
  const bool value = number->type == NumericType::float_ || number->type == NumericType::double_
                         ? !(number->approx == 0 || std::isnan(number->approx))
                         : number->exact.unscaled.sign() != 0;
  return typed(value ? "true" : "false", "boolean");
}

BigInteger integer_of(const rdf::Term& term) {
  if (is_string(term)) {
    auto value = BigInteger::parse(term.value);
    if (!value) throw ExpressionError("not an integer: " + term.value);
    return *value;
  }
  if (is_boolean(term)) {
    auto value = boolean_of(term);
    if (!value) throw ExpressionError("not a boolean");
    return BigInteger(*value ? 1 : 0);
  }
  auto number = numeric_value(term);
  if (!number) throw ExpressionError("cannot be cast to an integer");
  if (number->type == NumericType::float_ || number->type == NumericType::double_) {
    if (!std::isfinite(number->approx)) throw ExpressionError("INF or NaN is not an integer");
    return Decimal::of(std::trunc(number->approx)).truncated();
  }
  return number->exact.truncated();
}

rdf::Term to_integer(const rdf::Term& term, const std::string& name) {
  BigInteger value = integer_of(term);
  const Range& range = integer_ranges().at(name);
  if (range.min && mpz_cmp(value.raw(), BigInteger::parse(*range.min)->raw()) < 0)
    throw ExpressionError("out of the range of xsd:" + name);
  if (range.max && mpz_cmp(value.raw(), BigInteger::parse(*range.max)->raw()) > 0)
    throw ExpressionError("out of the range of xsd:" + name);
  return typed(value.to_string(), name);
}

rdf::Term to_decimal(const rdf::Term& term) {
  if (is_string(term)) {
    auto value = Decimal::parse(term.value);
    if (!value) throw ExpressionError("not a decimal: " + term.value);
    return typed(value->to_string(), "decimal");
  }
  if (is_boolean(term)) return typed(boolean_of(term).value_or(false) ? "1.0" : "0.0", "decimal");
  auto number = numeric_value(term);
  if (!number) throw ExpressionError("cannot be cast to xsd:decimal");
  if (number->type == NumericType::float_ || number->type == NumericType::double_) {
    if (!std::isfinite(number->approx)) throw ExpressionError("INF or NaN is not a decimal");
    return typed(Decimal::of(number->approx).to_string(), "decimal");
  }
  return typed(number->exact.to_string(), "decimal");
}

rdf::Term to_floating(const rdf::Term& term, const std::string& name) {
  double value = 0;
  if (is_string(term)) {
    auto parsed = parse_double(term.value);
    if (!parsed) throw ExpressionError("not a number: " + term.value);
    value = *parsed;
  } else if (is_boolean(term)) {
    value = boolean_of(term).value_or(false) ? 1.0 : 0.0;
  } else {
    auto number = numeric_value(term);
    if (!number) throw ExpressionError("cannot be cast to xsd:" + name);
    value = number->as_double();
  }
  if (name == "float") return typed(float_lexical(static_cast<float>(value)), "float");
  return typed(double_lexical(value), "double");
}

rdf::Term to_date_time(const rdf::Term& term) {
  if ((is_string(term) || term.datatype == xsd + "dateTime") && parse_date_time(term.value)) {
    return typed(term.value, "dateTime");
  }
  throw ExpressionError("not a dateTime");
}

} // namespace

rdf::Term call_function(std::string_view iri, Arguments args, FunctionContext&) {
  if (!iri.starts_with(xsd) || args.size() != 1) {
    throw ExpressionError("unknown function <" + std::string(iri) + ">");
  }
  const std::string name(iri.substr(xsd.size()));
  const rdf::Term& term = args[0];
  if (term.is_blank()) throw ExpressionError("a blank node cannot be cast");
  if (name != "string" && term.is_iri())
    throw ExpressionError("an IRI can only be cast to xsd:string");
  if (term.is_literal() && !term.language.empty() && name != "string")
    throw ExpressionError("a language-tagged string cannot be cast");
  if (name == "string") return to_string_cast(term);
  if (name == "boolean") return to_boolean(term);
  if (name == "decimal") return to_decimal(term);
  if (name == "float" || name == "double") return to_floating(term, name);
  if (name == "dateTime") return to_date_time(term);
  if (integer_ranges().contains(name)) return to_integer(term, name);
  throw ExpressionError("unknown function <" + std::string(iri) + ">");
}

} // namespace wa::engine
