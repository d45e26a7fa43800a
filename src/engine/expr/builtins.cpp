// The built-in functions of section 17.4 by name, each a short function over
// already evaluated arguments.
#include "engine/expr/datetime.hpp"
#include "engine/expr/functions.hpp"
#include "engine/expr/hashes.hpp"
#include "engine/expr/numeric.hpp"
#include "engine/expr/regex.hpp"
#include "engine/expr/strings.hpp"
#include "query/iri.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <map>
#include <random>

namespace wa::engine {

namespace {

using Args = Arguments;

const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

rdf::Term boolean(bool value) {
  static const rdf::Term true_term = rdf::Term::typed("true", xsd + "boolean");
  static const rdf::Term false_term = rdf::Term::typed("false", xsd + "boolean");
  return value ? true_term : false_term;
}
rdf::Term integer(std::int64_t value) { return integer_literal(value); }

const rdf::Term& simple(const rdf::Term& term) {
  if (!term.is_literal() || !term.datatype.empty() || !term.language.empty())
    throw ExpressionError("a simple literal is needed: " + term.to_ntriples());
  return term;
}

Numeric number(const rdf::Term& term) {
  auto value = numeric_value(term);
  if (!value) throw ExpressionError("a number is needed: " + term.to_ntriples());
  return *value;
}

DateTime date_time(const rdf::Term& term) {
  auto value = date_time_value(term);
  if (!value) throw ExpressionError("a dateTime is needed: " + term.to_ntriples());
  return *value;
}

rdf::Term rounded(const rdf::Term& term, double (*floating)(double),
                  Decimal (Decimal::*exact)() const) {
  Numeric value = number(term);
  if (value.type == NumericType::float_ || value.type == NumericType::double_) {
    value.approx = floating(value.approx);
  } else {
    value.exact = (value.exact.*exact)();
  }
  rdf::Term result = value.to_term();
  if (value.type == NumericType::integer) result.datatype = term.datatype;
  return result;
}

double round_half_up(double value) { return std::floor(value + 0.5); }

rdf::Term substring(Args args) {
  const rdf::Term& text = string_argument(args[0]);
  const double start = number(args[1]).as_double();
  const double length = args.size() > 2 ? number(args[2]).as_double() : HUGE_VAL;
  // fn:substring: the characters at positions p with round(start) <= p < round(start) +
  // round(length).
  const double first = round_half_up(start);
  const double last = args.size() > 2 ? first + round_half_up(length) : HUGE_VAL;
  std::string out;
  std::size_t position = 0;
  for (std::size_t i = 0; i < text.value.size();) {
    std::size_t next = i + 1;
    while (next < text.value.size() &&
           (static_cast<unsigned char>(text.value[next]) & 0xC0U) == 0x80U)
      ++next;
    ++position;
    const auto p = static_cast<double>(position);
    if (p >= first && p < last) out += text.value.substr(i, next - i);
    i = next;
  }
  return string_like(text, out);
}

rdf::Term concat(Args args) {
  std::string out;
  std::optional<std::string> language;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const rdf::Term& part = string_argument(args[i]);
    out += part.value;
    if (i == 0) {
      language = part.language;
    } else if (language != part.language) {
      language = std::string();
    }
  }
  return rdf::Term::literal(out, language.value_or(""));
}

rdf::Term before_or_after(Args args, bool before) {
  check_compatible(args[0], args[1]);
  const std::string& text = args[0].value;
  const auto at = text.find(args[1].value);
  if (at == std::string::npos) return rdf::Term::literal("");
  return string_like(args[0], before ? text.substr(0, at) : text.substr(at + args[1].value.size()));
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

rdf::Term timezone_duration(const rdf::Term& term) {
  const DateTime value = date_time(term);
  if (!value.timezone_minutes) throw ExpressionError("no time zone");
  int minutes = *value.timezone_minutes;
  if (minutes == 0) return rdf::Term::typed("PT0S", xsd + "dayTimeDuration");
  std::string out = minutes < 0 ? "-PT" : "PT";
  minutes = std::abs(minutes);
  if (minutes / 60 != 0) out += std::to_string(minutes / 60) + "H";
  if (minutes % 60 != 0) out += std::to_string(minutes % 60) + "M";
  return rdf::Term::typed(out, xsd + "dayTimeDuration");
}

rdf::Term timezone_text(const rdf::Term& term) {
  const DateTime value = date_time(term);
  if (!value.timezone_minutes) return rdf::Term::literal("");
  const int minutes = *value.timezone_minutes;
  if (minutes == 0) return rdf::Term::literal("Z");
  const int absolute = std::abs(minutes);
  return rdf::Term::literal(std::string(minutes < 0 ? "-" : "+") + two_digits(absolute / 60) + ":" +
                            two_digits(absolute % 60));
}

rdf::Term now(FunctionContext& context) {
  const auto time = context.now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return rdf::Term::typed(buffer, xsd + "dateTime");
}

std::string uuid() {
  thread_local std::mt19937_64 random(std::random_device{}());
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    unsigned digit = static_cast<unsigned>(random() & 0xFU);
    if (i == 12) digit = 4;                  // version 4
    if (i == 16) digit = 8 | (digit & 0x3U); // the variant
    out += hex[digit];
  }
  return out;
}

rdf::Term hash(Args args, const char* algorithm) {
  return rdf::Term::literal(hex_digest(algorithm, simple(args[0]).value));
}

rdf::Term regex(Args args) {
  string_argument(args[0]);
  const std::string flags = args.size() > 2 ? simple(args[2]).value : "";
  return boolean(regex_matches(args[0].value, simple(args[1]).value, flags));
}

rdf::Term replace(Args args) {
  string_argument(args[0]);
  const std::string flags = args.size() > 3 ? simple(args[3]).value : "";
  return string_like(
      args[0], regex_replace(args[0].value, simple(args[1]).value, simple(args[2]).value, flags));
}

rdf::Term iri(Args args, FunctionContext& context) {
  if (args[0].is_iri()) return args[0];
  return rdf::Term::iri(query::resolve_iri(simple(args[0]).value, context.base_iri()));
}

rdf::Term language_of(const rdf::Term& term) {
  if (!term.is_literal()) throw ExpressionError("LANG of a term that is not a literal");
  return rdf::Term::literal(term.language);
}

rdf::Term datatype_of(const rdf::Term& term) {
  if (!term.is_literal()) throw ExpressionError("DATATYPE of a term that is not a literal");
  if (!term.language.empty())
    return rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString");
  return rdf::Term::iri(term.datatype.empty() ? xsd + "string" : term.datatype);
}

rdf::Term str(const rdf::Term& term) {
  if (term.is_blank()) throw ExpressionError("STR of a blank node");
  return rdf::Term::literal(term.value);
}

const std::map<std::string, BuiltinFunction, std::less<>>& table() {
  static const std::map<std::string, BuiltinFunction, std::less<>> builtins = {
      {"STR", [](Args a, FunctionContext&) { return str(a[0]); }},
      {"LANG", [](Args a, FunctionContext&) { return language_of(a[0]); }},
      {"LANGMATCHES",
       [](Args a, FunctionContext&) {
         return boolean(language_matches(simple(a[0]).value, simple(a[1]).value));
       }},
      {"DATATYPE", [](Args a, FunctionContext&) { return datatype_of(a[0]); }},
      {"IRI", [](Args a, FunctionContext& c) { return iri(a, c); }},
      {"BNODE",
       [](Args a, FunctionContext& c) {
         return a.empty() ? c.fresh_blank_node() : c.blank_node_for(simple(a[0]).value);
       }},
      {"RAND",
       [](Args, FunctionContext&) {
         thread_local std::mt19937_64 random(std::random_device{}());
         return rdf::Term::typed(
             double_lexical(std::uniform_real_distribution<double>(0, 1)(random)), xsd + "double");
       }},
      {"ABS",
       [](Args a, FunctionContext&) {
         return number(a[0]).as_double() < 0 || a[0].value.starts_with("-") ? unary_minus(a[0])
                                                                            : unary_plus(a[0]);
       }},
      {"CEIL", [](Args a, FunctionContext&) { return rounded(a[0], std::ceil, &Decimal::ceil); }},
      {"FLOOR",
       [](Args a, FunctionContext&) { return rounded(a[0], std::floor, &Decimal::floor); }},
      {"ROUND",
       [](Args a, FunctionContext&) { return rounded(a[0], round_half_up, &Decimal::round); }},
      {"CONCAT", [](Args a, FunctionContext&) { return concat(a); }},
      {"SUBSTR", [](Args a, FunctionContext&) { return substring(a); }},
      {"STRLEN",
       [](Args a, FunctionContext&) {
         return integer(static_cast<std::int64_t>(code_points(string_argument(a[0]).value)));
       }},
      {"REPLACE", [](Args a, FunctionContext&) { return replace(a); }},
      {"UCASE",
       [](Args a, FunctionContext&) {
         return string_like(a[0], upper_case(string_argument(a[0]).value));
       }},
      {"LCASE",
       [](Args a, FunctionContext&) {
         return string_like(a[0], lower_case(string_argument(a[0]).value));
       }},
      {"ENCODE_FOR_URI",
       [](Args a, FunctionContext&) {
         return rdf::Term::literal(encode_for_uri(string_argument(a[0]).value));
       }},
      {"CONTAINS",
       [](Args a, FunctionContext&) {
         check_compatible(a[0], a[1]);
         return boolean(a[0].value.find(a[1].value) != std::string::npos);
       }},
      {"STRSTARTS",
       [](Args a, FunctionContext&) {
         check_compatible(a[0], a[1]);
         return boolean(a[0].value.starts_with(a[1].value));
       }},
      {"STRENDS",
       [](Args a, FunctionContext&) {
         check_compatible(a[0], a[1]);
         return boolean(a[0].value.ends_with(a[1].value));
       }},
      {"STRBEFORE", [](Args a, FunctionContext&) { return before_or_after(a, true); }},
      {"STRAFTER", [](Args a, FunctionContext&) { return before_or_after(a, false); }},
      {"YEAR", [](Args a, FunctionContext&) { return integer(date_time(a[0]).year); }},
      {"MONTH", [](Args a, FunctionContext&) { return integer(date_time(a[0]).month); }},
      {"DAY", [](Args a, FunctionContext&) { return integer(date_time(a[0]).day); }},
      {"HOURS", [](Args a, FunctionContext&) { return integer(date_time(a[0]).hour); }},
      {"MINUTES", [](Args a, FunctionContext&) { return integer(date_time(a[0]).minute); }},
      {"SECONDS",
       [](Args a, FunctionContext&) {
         return rdf::Term::typed(Decimal::parse(date_time(a[0]).seconds)->to_string(),
                                 xsd + "decimal");
       }},
      {"TIMEZONE", [](Args a, FunctionContext&) { return timezone_duration(a[0]); }},
      {"TZ", [](Args a, FunctionContext&) { return timezone_text(a[0]); }},
      {"NOW", [](Args, FunctionContext& c) { return now(c); }},
      {"UUID", [](Args, FunctionContext&) { return rdf::Term::iri("urn:uuid:" + uuid()); }},
      {"STRUUID", [](Args, FunctionContext&) { return rdf::Term::literal(uuid()); }},
      {"MD5", [](Args a, FunctionContext&) { return hash(a, "MD5"); }},
      {"SHA1", [](Args a, FunctionContext&) { return hash(a, "SHA1"); }},
      {"SHA256", [](Args a, FunctionContext&) { return hash(a, "SHA256"); }},
      {"SHA384", [](Args a, FunctionContext&) { return hash(a, "SHA384"); }},
      {"SHA512", [](Args a, FunctionContext&) { return hash(a, "SHA512"); }},
      {"STRLANG",
       [](Args a, FunctionContext&) {
         const std::string tag = simple(a[1]).value;
         if (tag.empty()) throw ExpressionError("STRLANG with an empty language tag");
         std::string lower;
         for (char ch : tag)
           lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
         return rdf::Term::literal(simple(a[0]).value, lower);
       }},
      {"STRDT",
       [](Args a, FunctionContext&) {
         if (!a[1].is_iri()) throw ExpressionError("STRDT needs a datatype IRI");
         if (a[1].value == xsd + "string") return rdf::Term::literal(simple(a[0]).value);
         return rdf::Term::typed(simple(a[0]).value, a[1].value);
       }},
      {"SAMETERM", [](Args a, FunctionContext&) { return boolean(a[0] == a[1]); }},
      {"ISIRI", [](Args a, FunctionContext&) { return boolean(a[0].is_iri()); }},
      {"ISBLANK", [](Args a, FunctionContext&) { return boolean(a[0].is_blank()); }},
      {"ISLITERAL", [](Args a, FunctionContext&) { return boolean(a[0].is_literal()); }},
      {"ISNUMERIC", [](Args a, FunctionContext&) { return boolean(is_numeric(a[0])); }},
      {"REGEX", [](Args a, FunctionContext&) { return regex(a); }},
  };
  return builtins;
}

} // namespace

BuiltinFunction builtin_named(std::string_view name) {
  auto found = table().find(name);
  return found == table().end() ? nullptr : found->second;
}

rdf::Term call_builtin(std::string_view name, std::span<const rdf::Term> args,
                       FunctionContext& context) {
  BuiltinFunction function = builtin_named(name);
  if (function == nullptr) throw ExpressionError("unknown function " + std::string(name));
  std::vector<const rdf::Term*> views;
  for (const rdf::Term& arg : args)
    views.push_back(&arg);
  return function(Arguments(views), context);
}

} // namespace wa::engine
