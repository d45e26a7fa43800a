// Any text as a SPARQL query over the curated data and the ontology: it either
// is refused by the parser with a SyntaxError, or is evaluated to an answer or
// stopped by its deadline or memory budget. A crash, a hang past the
// deadline, a leak or undefined behaviour is a bug (issue 11).
#include "engine/evaluator.hpp"
#include "fuzz_check.hpp"
#include "query/parser.hpp"
#include "store/rdf_loader.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace {

const std::string base = "https://w3id.org/werkagenda/";

/// Every Turtle file of data/curated and ontology/, each a named graph, the
/// default graph their union: the shape of the served dataset.
const wa::store::IndexedDataset& dataset() {
  static const wa::store::IndexedDataset loaded = [] {
    wa::store::DatasetBuilder builder;
    const std::filesystem::path root = WERKAGENDA_SOURCE_DIR;
    for (const char* folder : {"data/curated", "ontology"}) {
      for (const auto& entry : std::filesystem::directory_iterator(root / folder)) {
        if (entry.path().extension() != ".ttl") continue;
        wa::store::load_file(builder, entry.path(),
                             {base + "graph/" + entry.path().stem().string(), base});
      }
    }
    builder.default_graph_is_union();
    return std::move(builder).build();
  }();
  return loaded;
}

bool uses_service(const wa::query::Pattern& pattern) {
  if (!pattern) return false;
  if (pattern->kind == wa::query::PatternNode::Kind::service) return true;
  for (const wa::query::Pattern& child : pattern->children)
    if (uses_service(child)) return true;
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  wa::query::Query query;
  try {
    query = wa::query::parse_query(text, {base});
  } catch (const wa::query::SyntaxError&) {
    return 0;
  }
  if (uses_service(query.pattern)) return 0; // refused by the store, never evaluated
  wa::engine::EvaluationOptions options;
  options.deadline_limit = std::chrono::milliseconds(200);
  const auto started = std::chrono::steady_clock::now();
  options.deadline = started + options.deadline_limit;
  options.memory_budget_bytes = std::size_t{64} << 20U;
  options.row_limit = 1000;
  try {
    const wa::rdf::QueryResult result = wa::engine::evaluate(query, dataset(), options);
    wa::fuzz::require(result.rows.size() <= options.row_limit, "the row limit holds");
  } catch (const wa::engine::QueryTimeout&) {
  } catch (const wa::engine::MemoryBudgetExceeded&) {
  }
  // Cooperative cancellation: stopped within a second of the deadline even
  // under the sanitizers' slowdown.
  wa::fuzz::require(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(1200),
                    "evaluation stops at its deadline");
  return 0;
}
