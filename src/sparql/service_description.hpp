// The SPARQL 1.1 Service Description of the endpoint, as Turtle, and a small
// HTML page for people who open the endpoint in a browser.
#pragma once

#include "agenda/dataset.hpp"

#include <string>

namespace wa::sparql {

struct EndpointFacts {
  std::string endpoint_url; ///< where the service answers, e.g. http://127.0.0.1:8080/sparql
  std::size_t row_limit = 0;
  long deadline_ms = 0;
};

[[nodiscard]] std::string service_description_turtle(const agenda::Dataset& dataset,
                                                     const EndpointFacts& facts);
[[nodiscard]] std::string service_description_html(const agenda::Dataset& dataset,
                                                   const EndpointFacts& facts);

} // namespace wa::sparql
