#include "sparql/protocol.hpp"

#include "agenda/text.hpp"

namespace wa::sparql {

namespace {

ProtocolOutcome error(int status, std::string message) {
  ProtocolOutcome outcome;
  outcome.kind = ProtocolOutcome::Kind::error;
  outcome.status = status;
  outcome.message = std::move(message);
  return outcome;
}

/// "application/sparql-query; charset=utf-8" -> "application/sparql-query"
std::string media_type_of(const std::string& content_type) {
  return agenda::ascii_lower(agenda::trim(content_type.substr(0, content_type.find(';'))));
}

std::string accept_of(const HttpRequestView& request) {
  // ?explain asks for the plan instead of the answer (our engine only).
  if (auto explain = request.params.find("explain");
      explain != request.params.end() && explain->second != "false" && explain->second != "0") {
    return std::string(explain_accept);
  }
  auto format = request.params.find("format");
  if (format == request.params.end()) format = request.params.find("output");
  return format != request.params.end() ? "format=" + format->second : request.accept;
}

/// Every default-graph-uri and named-graph-uri, in the order given.
store::ProtocolDataset dataset_of(const HttpRequestView& request) {
  store::ProtocolDataset dataset;
  for (const auto& [name, value] : request.params) {
    if (name == "default-graph-uri") dataset.default_graphs.push_back(value);
    if (name == "named-graph-uri") dataset.named_graphs.push_back(value);
  }
  return dataset;
}

} // namespace

ProtocolOutcome read_protocol_request(const HttpRequestView& request, std::size_t max_query_bytes) {
  const bool post = request.method == "POST";
  if (request.method != "GET" && !post) {
    return error(405, "method " + request.method + " is not allowed: use GET or POST");
  }
  if (request.params.contains("update")) {
    return error(400, "SPARQL Update is not accepted: this endpoint is read-only.");
  }
  ProtocolOutcome outcome;
  outcome.kind = ProtocolOutcome::Kind::query;
  outcome.dataset = dataset_of(request);
  outcome.accept = accept_of(request);
  const std::string media_type = media_type_of(request.content_type);
  if (post && media_type == "application/sparql-update") {
    return error(400, "SPARQL Update is not accepted: this endpoint is read-only.");
  }
  if (post && media_type == "application/sparql-query") {
    if (request.params.contains("query")) {
      return error(400, "a query in the body must not also be given as a 'query' parameter");
    }
    if (request.body.size() > max_query_bytes) {
      return error(413, "the query is larger than the limit of " + std::to_string(max_query_bytes) +
                            " bytes");
    }
    outcome.query = request.body;
    return outcome;
  }
  if (post && media_type != "application/x-www-form-urlencoded") {
    return error(415,
                 "a POST must be application/sparql-query or application/x-www-form-urlencoded");
  }
  const std::size_t queries = request.params.count("query");
  if (queries == 0) {
    if (post) return error(400, "the request has no 'query' parameter");
    outcome.kind = ProtocolOutcome::Kind::service_description;
    return outcome;
  }
  if (queries > 1) return error(400, "the request has more than one 'query' parameter");
  outcome.query = request.params.find("query")->second;
  if (outcome.query.size() > max_query_bytes) {
    return error(413, "the query is larger than the limit of " + std::to_string(max_query_bytes) +
                          " bytes");
  }
  return outcome;
}

} // namespace wa::sparql
