// The SPARQL 1.1 Protocol for queries: where a request carries its query,
// and which requests are refused before any query runs.
#pragma once

#include "store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace wa::sparql {

struct HttpRequestView {
  std::string method;       ///< "GET", "POST", ...
  std::string content_type; ///< of the body, for POST
  std::string body;
  std::multimap<std::string, std::string> params; ///< URL query, and form fields for a form POST
  std::string accept;
};

/// ProtocolOutcome::accept of a request for the query's plan (?explain=true).
inline constexpr std::string_view explain_accept = "explain";

struct ProtocolOutcome {
  enum class Kind { query, service_description, error };
  Kind kind = Kind::error;
  std::string query;
  std::string accept;             ///< the Accept header, "format=NAME", or explain_accept
  store::ProtocolDataset dataset; ///< default-graph-uri and named-graph-uri
  int status = 400;               ///< for errors
  std::string message;
};

/// `max_query_bytes` bounds a query sent as the body (413 beyond it).
[[nodiscard]] ProtocolOutcome read_protocol_request(const HttpRequestView& request,
                                                    std::size_t max_query_bytes);

} // namespace wa::sparql
