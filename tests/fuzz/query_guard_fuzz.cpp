// Fuzzes the checks a query passes before it runs (src/store/query_guard.cpp
// check_query: Rasqal's parser, then the guard's walk of the syntax tree).
// Rasqal is not thread-safe; libFuzzer runs one input at a time.
//
// Invariants: check_query either returns a plan or throws QueryRefused with
// status 400 and a message, never anything else; an update is always
// refused; a plan's ORDER BY keys and empty-row aggregates name projected
// variables; LIMIT and OFFSET are -1 (none) or not negative.
#include "fuzz_check.hpp"
#include "store/query_guard.hpp"
#include "store/query_text.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wa::store;
using wa::fuzz::require;

bool projected(const QueryPlan& plan, const std::string& variable) {
  return std::ranges::find(plan.variables, variable) != plan.variables.end();
}

void check_plan(const QueryPlan& plan) {
  require(plan.limit >= -1 && plan.offset >= -1, "LIMIT and OFFSET are none or not negative");
  for (const OrderKey& key : plan.order)
    require(projected(plan, key.variable), "the store sorts only on projected variables");
  require(plan.empty_row.empty() || plan.implicit_group,
          "an empty-group row only for aggregates without GROUP BY");
  for (const EmptyAggregate& aggregate : plan.empty_row)
    require(projected(plan, aggregate.variable), "an empty-group row names projected variables");
  require(!(plan.grouped && plan.implicit_group), "grouped either explicitly or implicitly");
  if (plan.form != QueryPlan::Form::select) {
    require(plan.order.empty() && !plan.grouped && !plan.implicit_group,
            "only SELECT gets sorting and grouping");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  try {
    const QueryPlan plan = check_query(query, "https://w3id.org/werkagenda/");
    require(!is_update(query), "an update is never planned");
    check_plan(plan);
  } catch (const QueryRefused& refused) {
    require(refused.status() == 400, "a refusal is a 400");
    require(refused.what()[0] != '\0', "a refusal says why");
  } catch (...) {
    require(false, "check_query throws nothing but QueryRefused");
  }
  return 0;
}
