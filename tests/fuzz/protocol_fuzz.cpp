// Fuzzes the SPARQL 1.1 Protocol's reading of a request
// (src/sparql/protocol.cpp): method, Content-Type, body, parameters (URL
// query and form fields) and Accept, all from the fuzzer's bytes.
//
// Invariants: an error has a status the endpoint documents (400, 405, 413,
// 415) and a message; a query is exactly the body of a sparql-query POST or
// the one 'query' parameter, within the size limit; the service description
// is only for a GET without a query; only GET and POST get past 405; an
// 'update' parameter and dataset parameters are always refused.
#include "fuzz_check.hpp"
#include "sparql/protocol.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wa::sparql;
using wa::fuzz::require;

constexpr std::size_t max_query_bytes = 256;

template <std::size_t N>
std::string pick_or_make(FuzzedDataProvider& input, const std::array<const char*, N>& known) {
  if (input.ConsumeBool()) return input.ConsumeRandomLengthString(64);
  return known[input.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
}

HttpRequestView request_of(FuzzedDataProvider& input) {
  static constexpr std::array<const char*, 5> methods = {"GET", "POST", "PUT", "get", "OPTIONS"};
  static constexpr std::array<const char*, 6> content_types = {
      "application/sparql-query",
      "application/x-www-form-urlencoded",
      "Application/SPARQL-Query; charset=utf-8",
      "application/sparql-update",
      "text/plain",
      ""};
  static constexpr std::array<const char*, 8> names = {
      "query", "update", "format", "output", "default-graph-uri", "named-graph-uri", "Query", ""};
  HttpRequestView request;
  request.method = pick_or_make(input, methods);
  request.content_type = pick_or_make(input, content_types);
  request.accept = input.ConsumeRandomLengthString(64);
  const int params = input.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < params; ++i) {
    std::string name = pick_or_make(input, names);
    request.params.emplace(std::move(name), input.ConsumeRandomLengthString(512));
  }
  request.body = input.ConsumeRemainingBytesAsString();
  return request;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const HttpRequestView request = request_of(input);
  const ProtocolOutcome outcome = read_protocol_request(request, max_query_bytes);
  const bool get = request.method == "GET";
  const bool post = request.method == "POST";
  switch (outcome.kind) {
  case ProtocolOutcome::Kind::error:
    require(outcome.status == 400 || outcome.status == 405 || outcome.status == 413 ||
                outcome.status == 415,
            "an error has a documented status");
    require(!outcome.message.empty(), "an error has a message");
    require(outcome.status != 405 || (!get && !post), "only other methods get 405");
    return 0;
  case ProtocolOutcome::Kind::service_description:
    require(get, "the service description answers a GET");
    require(!request.params.contains("query"), "the service description is for no query");
    break;
  case ProtocolOutcome::Kind::query: {
    require(get || post, "a query comes by GET or POST");
    require(outcome.query.size() <= max_query_bytes, "a query is within the size limit");
    const auto parameter = request.params.find("query");
    const bool from_parameter =
        request.params.count("query") == 1 && parameter->second == outcome.query;
    const bool from_body =
        post && request.body == outcome.query && !request.params.contains("query");
    require(from_parameter || from_body, "the query is the 'query' parameter or the body");
    break;
  }
  }
  require(!request.params.contains("update"), "an 'update' parameter is refused");
  require(outcome.dataset.default_graphs.size() == request.params.count("default-graph-uri") &&
              outcome.dataset.named_graphs.size() == request.params.count("named-graph-uri"),
          "every dataset parameter is carried");
  auto format = request.params.find("format");
  if (format == request.params.end()) format = request.params.find("output");
  require(outcome.accept ==
              (format != request.params.end() ? "format=" + format->second : request.accept),
          "the format parameter wins over Accept");
  return 0;
}
