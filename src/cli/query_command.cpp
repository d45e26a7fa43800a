#include "agenda/dataset.hpp"
#include "cli/commands.hpp"
#include "cli/engine_dataset.hpp"
#include "cli/options.hpp"
#include "os/whole_file.hpp"
#include "rdf/namespaces.hpp"
#include "sparql/graph_writers.hpp"
#include "sparql/result_writers.hpp"
#include "sparql/table_writer.hpp"
#include "store/engine_store.hpp"

#include <iostream>

namespace wa::cli {

namespace {

std::string query_text(const Options& options) {
  std::optional<std::string> inline_query = options.value("-e");
  if (inline_query && !options.positional().empty()) {
    throw UsageError("give either a query file or -e QUERY, not both");
  }
  if (inline_query) return *inline_query;
  if (options.positional().size() != 1) throw UsageError("query needs one FILE.rq or -e QUERY");
  std::optional<std::string> text = os::read_whole_file(options.positional().front());
  if (!text) throw UsageError("cannot read " + options.positional().front());
  return *text;
}

sparql::Prefixes dataset_prefixes(const std::string& base) {
  sparql::Prefixes prefixes(ns::turtle_prefixes().begin(), ns::turtle_prefixes().end());
  for (const char* kind :
       {"action", "goal", "priority", "programme-line", "organisation", "indicator"}) {
    prefixes.emplace_back(kind, base + "id/" + kind + "/");
  }
  prefixes.emplace_back("eli-act", "http://data.europa.eu/eli/");
  return prefixes;
}

std::string formatted(const rdf::QueryResult& result, const std::string& format,
                      const std::string& base) {
  const bool graph = result.form == rdf::QueryResult::Form::graph;
  if (format == "table") {
    return graph ? sparql::graph_to_turtle(result.triples, result.truncated)
                 : sparql::to_table(result, dataset_prefixes(base));
  }
  if (graph) {
    if (format == "turtle") return sparql::graph_to_turtle(result.triples, result.truncated);
    if (format == "ntriples") return sparql::graph_to_ntriples(result.triples, result.truncated);
    throw UsageError("a CONSTRUCT result is written as table, turtle or ntriples");
  }
  if (format == "csv") return sparql::to_csv(result);
  if (format == "tsv") return sparql::to_tsv(result);
  if (format == "json") return sparql::to_json(result);
  if (format == "xml") return sparql::to_xml(result);
  throw UsageError("a SELECT or ASK result is written as table, csv, tsv, json or xml");
}

/// Our engine over the agenda and the loaded files beside it, or the loaded files alone.
std::unique_ptr<store::EngineStore> engine_store(const Common& common, const Options& options) {
  const std::shared_ptr<const store::IndexedDataset> dataset =
      loaded_files_alone(options)
          ? loaded_files_only(options)
          : agenda_with_loaded_files(
                agenda::build_dataset(agenda::DatasetInputs::under(common.root), common.base),
                options);
  store::EngineLimits limits;
  limits.deadline = std::chrono::milliseconds(options.number("--timeout-ms", 10000));
  limits.optimize = !options.flag("--no-optimize");
  return std::make_unique<store::EngineStore>(std::move(dataset), common.base, limits);
}

} // namespace

int run_query(const Common& common, const std::vector<std::string>& args) {
  Options options(args, {{"-e", "--format", "--row-limit", "--load", "--load-base", "--load-graph",
                          "--load-named", "--timeout-ms"},
                         {"--no-optimize", "--explain", "--no-agenda"}});
  const std::string format = options.value_or("--format", "table");
  const std::string text = query_text(options);
  const auto limit = static_cast<std::size_t>(options.number("--row-limit", 100000));
  const std::unique_ptr<store::EngineStore> store = engine_store(common, options);
  try {
    if (options.flag("--explain")) {
      std::cout << store->explain(text, {});
      return 0;
    }
    std::cout << formatted(store->query(text, limit), format, common.base);
  } catch (const store::QueryRefused& refused) {
    std::cerr << "werkagenda query: " << refused.what() << "\n";
    return 1;
  }
  return 0;
}

} // namespace wa::cli
