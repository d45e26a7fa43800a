#include "store/solution_order.hpp"

#include "rdf/namespaces.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace wa::store {

namespace {

using rdf::Term;

int kind_rank(const Term& term) {
  if (term.is_blank()) return 1;
  if (term.is_iri()) return 2;
  return 3;
}

bool is_numeric(const Term& term) {
  static const std::set<std::string> numeric = {ns::term(ns::xsd, "integer"),
                                                ns::term(ns::xsd, "decimal"),
                                                ns::term(ns::xsd, "double"),
                                                ns::term(ns::xsd, "float"),
                                                ns::term(ns::xsd, "nonNegativeInteger"),
                                                ns::term(ns::xsd, "positiveInteger"),
                                                ns::term(ns::xsd, "long"),
                                                ns::term(ns::xsd, "int"),
                                                ns::term(ns::xsd, "short")};
  return term.is_literal() && numeric.contains(term.datatype);
}

int sign(double value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }

int compare_strings(const std::string& a, const std::string& b) {
  // UTF-8 byte order is code point order.
  const int result = a.compare(b);
  return result < 0 ? -1 : (result > 0 ? 1 : 0);
}

int compare_literals(const Term& a, const Term& b) {
  if (is_numeric(a) && is_numeric(b)) {
    try {
      return sign(std::stod(a.value) - std::stod(b.value));
    } catch (const std::exception&) {
      // an ill-formed number sorts by its text below
    }
  }
  if (is_numeric(a) != is_numeric(b)) return is_numeric(a) ? -1 : 1;
  if (a.datatype != b.datatype) return compare_strings(a.datatype, b.datatype);
  if (const int text = compare_strings(a.value, b.value); text != 0) return text;
  return compare_strings(a.language, b.language);
}

} // namespace

int compare_for_order(const std::optional<Term>& a, const std::optional<Term>& b) {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  if (kind_rank(*a) != kind_rank(*b)) return kind_rank(*a) < kind_rank(*b) ? -1 : 1;
  if (a->is_literal()) return compare_literals(*a, *b);
  return compare_strings(a->value, b->value);
}

void order_rows(rdf::QueryResult& result, const std::vector<OrderKey>& keys, long offset,
                long limit) {
  std::vector<std::size_t> columns;
  for (const OrderKey& key : keys) {
    auto found = std::ranges::find(result.variables, key.variable);
    if (found == result.variables.end())
      throw std::logic_error("ORDER BY key not in the result: " + key.variable);
    columns.push_back(static_cast<std::size_t>(found - result.variables.begin()));
  }
  std::ranges::stable_sort(result.rows,
                           [&](const rdf::QueryResult::Row& a, const rdf::QueryResult::Row& b) {
                             for (std::size_t i = 0; i < keys.size(); ++i) {
                               int order = compare_for_order(a[columns[i]], b[columns[i]]);
                               if (keys[i].descending) order = -order;
                               if (order != 0) return order < 0;
                             }
                             return false;
                           });
  const std::size_t start =
      offset > 0 ? std::min(static_cast<std::size_t>(offset), result.rows.size()) : 0;
  result.rows.erase(result.rows.begin(), result.rows.begin() + static_cast<std::ptrdiff_t>(start));
  if (limit >= 0 && result.rows.size() > static_cast<std::size_t>(limit)) {
    result.rows.resize(static_cast<std::size_t>(limit));
  }
}

} // namespace wa::store
