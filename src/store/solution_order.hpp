// SPARQL 1.1 ORDER BY (section 15.1) for the store's own sorting of answers:
// unbound < blank nodes < IRIs < literals; numbers by value, strings and
// language-tagged strings by code point, other literals by datatype, then lexically.
#pragma once

#include "rdf/query_result.hpp"
#include "store/query_guard.hpp"

#include <vector>

namespace wa::store {

/// Negative, zero or positive as `a` sorts before, with or after `b`.
[[nodiscard]] int compare_for_order(const std::optional<rdf::Term>& a,
                                    const std::optional<rdf::Term>& b);

/// Sorts the rows by the keys (stable), then applies OFFSET and LIMIT (-1: none).
void order_rows(rdf::QueryResult& result, const std::vector<OrderKey>& keys, long offset,
                long limit);

} // namespace wa::store
