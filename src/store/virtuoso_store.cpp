#include "store/virtuoso_store.hpp"

#include "store/full_sparql_guard.hpp"
#include "store/store.hpp"
#include "store/virtuoso_results.hpp"

#include <httplib.h>

#include <fstream>
#include <stdexcept>

namespace wa::store {

namespace {

/// "Virtuoso 37000 Error SP030: SPARQL compiler, line 2: syntax error" and the
/// lines after it, without the echo of the query that Virtuoso appends.
std::string engine_message(const std::string& body) {
  std::string message = body.substr(0, body.find("\n\nSPARQL query:"));
  while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
    message.pop_back();
  constexpr std::size_t longest = 2000;
  if (message.size() > longest) message = message.substr(0, longest) + "...";
  return message.empty() ? "(no message)" : message;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::chrono::milliseconds engine_time_limit(std::chrono::milliseconds deadline) {
  return deadline / 2;
}

/// Worded like the worker pool's refusal, so that both backends name the same limit.
[[noreturn]] void refuse_overrun(std::chrono::milliseconds deadline, const std::string& why) {
  throw QueryRefused(504, "the query ran longer than the limit of " +
                              std::to_string(deadline.count()) + " ms and was stopped (" + why +
                              ")");
}

/// Virtuoso answers a query error with 400 or 500 and a plain-text message.
[[noreturn]] void refuse_engine_error(const httplib::Result& response,
                                      std::chrono::milliseconds deadline) {
  const std::string message = engine_message(response->body);
  if (contains(message, "S1T00") || contains(message, "timed out") || contains(message, "SR171")) {
    refuse_overrun(deadline, "the engine says: " + message);
  }
  if (contains(message, "SECURITY") || contains(message, "SQ070") || contains(message, "SR186")) {
    throw QueryRefused(403, "refused by the engine's access control: " + message);
  }
  if (response->status == 400) {
    throw QueryRefused(400, message);
  }
  // SQL states 37000 and 42000: the query compiler gave up (e.g. a property
  // path with neither end bound). The query is valid; this engine cannot run it.
  if (contains(message, " 37000 ") || contains(message, " 42000 ")) {
    throw QueryRefused(400, "the SPARQL engine cannot run this query: " + message);
  }
  throw QueryRefused(502, "the SPARQL engine failed (HTTP " + std::to_string(response->status) +
                              "): " + message);
}

std::string accept_for(FullSparqlPlan::Form form) {
  const bool graph =
      form == FullSparqlPlan::Form::construct || form == FullSparqlPlan::Form::describe;
  return graph ? "application/n-triples" : "application/sparql-results+json";
}

void cut_to_limit(rdf::QueryResult& result, std::size_t row_limit) {
  if (result.rows.size() > row_limit) {
    result.rows.resize(row_limit);
    result.truncated = true;
  }
  if (result.triples.size() > row_limit) {
    result.triples.resize(row_limit);
    result.truncated = true;
  }
}

} // namespace

std::string VirtuosoConnection::endpoint_in(const std::filesystem::path& directory) {
  std::ifstream file(directory / "endpoint");
  std::string endpoint;
  if (!std::getline(file, endpoint) || endpoint.empty()) {
    throw std::runtime_error("no Virtuoso endpoint in " + (directory / "endpoint").string() +
                             ": start one with scripts/virtuoso start " + directory.string());
  }
  return endpoint;
}

VirtuosoStore::VirtuosoStore(VirtuosoConnection connection) : connection_(std::move(connection)) {
  const std::string& endpoint = connection_.endpoint;
  const std::size_t scheme_end = endpoint.find("://");
  const std::size_t path_start =
      scheme_end == std::string::npos ? std::string::npos : endpoint.find('/', scheme_end + 3);
  if (!endpoint.starts_with("http://") || path_start == std::string::npos) {
    throw std::invalid_argument("the Virtuoso endpoint must be an http:// URL with a path: " +
                                endpoint);
  }
  origin_ = endpoint.substr(0, path_start);
  path_ = endpoint.substr(path_start);
}

VirtuosoStore::~VirtuosoStore() = default;

httplib::Client& VirtuosoStore::client() {
  if (!client_) {
    client_ = std::make_unique<httplib::Client>(origin_);
    // Virtuoso writes headers and body separately without TCP_NODELAY: on a
    // kept-alive connection large answers stall on the delayed ACK.
    client_->set_keep_alive(false);
    client_->set_connection_timeout(std::chrono::seconds(5));
    client_->set_read_timeout(connection_.deadline + std::chrono::seconds(5));
    client_->set_decompress(true);
  }
  return *client_;
}

rdf::QueryResult VirtuosoStore::query(const std::string& text, std::size_t row_limit,
                                      const ProtocolDataset& dataset) {
  if (!dataset.empty()) throw protocol_dataset_refused("virtuoso");
  const FullSparqlPlan plan = check_full_sparql(text);
  // On the query's first line, so that Virtuoso's line numbers stay right;
  // not when the query has a BASE of its own (Virtuoso refuses a second one).
  const std::string sent = connection_.base.empty() || plan.declares_base
                               ? text
                               : "BASE <" + connection_.base + "> " + text;
  httplib::Params form{
      {"query", sent},
      {"timeout", std::to_string(engine_time_limit(connection_.deadline).count())}};
  // Without graph parameters Virtuoso shows every graph it holds, its own
  // system graphs included; an empty list is sent as a graph that never exists.
  const std::vector<std::string> no_graph = {"urn:x-werkagenda:no-graph"};
  for (const std::string& graph :
       connection_.default_graphs.empty() ? no_graph : connection_.default_graphs) {
    form.emplace("default-graph-uri", graph);
  }
  for (const std::string& graph :
       connection_.named_graphs.empty() ? no_graph : connection_.named_graphs) {
    form.emplace("named-graph-uri", graph);
  }
  const httplib::Headers headers{{"Accept", accept_for(plan.form)}};
  const httplib::Result response = client().Post(path_, headers, form);
  if (!response) {
    throw QueryRefused(503, "the SPARQL engine is not reachable at " + connection_.endpoint + ": " +
                                httplib::to_string(response.error()));
  }
  if (response->status != 200) {
    refuse_engine_error(response, connection_.deadline);
  }
  // An "anytime" answer: Virtuoso stopped at its time limit and sends what it
  // had found. That is not the answer to the query, so it is not served.
  if (response->has_header("X-SQL-State")) {
    refuse_overrun(connection_.deadline, "the engine's partial answer is not served: " +
                                             response->get_header_value("X-SQL-Message"));
  }
  try {
    rdf::QueryResult result =
        plan.form == FullSparqlPlan::Form::construct || plan.form == FullSparqlPlan::Form::describe
            ? read_virtuoso_ntriples(response->body)
            : read_virtuoso_json(response->body, plan);
    cut_to_limit(result, row_limit);
    // Virtuoso says so when its own ResultSetMaxRows cut the answer.
    if (response->has_header("X-SPARQL-MaxRows")) result.truncated = true;
    return result;
  } catch (const EngineResponseError& error) {
    throw QueryRefused(502, error.what());
  }
}

void VirtuosoStore::check_reachable() {
  try {
    const rdf::QueryResult answer = query("ASK {}", 1);
    if (answer.form != rdf::QueryResult::Form::boolean || !answer.boolean) {
      throw std::runtime_error("ASK {} was not answered true");
    }
  } catch (const std::exception& error) {
    throw std::runtime_error("the Virtuoso endpoint " + connection_.endpoint +
                             " does not answer: " + error.what());
  }
}

} // namespace wa::store
