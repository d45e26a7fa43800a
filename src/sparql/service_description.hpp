// The SPARQL 1.1 Service Description of the endpoint, as Turtle, and a small
// HTML page for people who open the endpoint in a browser.
#pragma once

#include "agenda/dataset.hpp"

#include <string>
#include <vector>

namespace wa::sparql {

struct EndpointFacts {
  std::string endpoint_url; ///< where the service answers, e.g. http://127.0.0.1:8080/sparql
  std::size_t row_limit = 0;
  long deadline_ms = 0;
};

/// The graphs the store answers from, as the description reports them: with
/// our engine they include files loaded beside the agenda, which the agenda's
/// own parts do not show.
struct ServedGraphs {
  struct Named {
    std::string iri;
    std::size_t triples = 0;
  };
  std::size_t default_triples = 0;
  bool default_is_union = true; ///< the default graph is the union of the named graphs
  std::vector<Named> named;
};

/// The graphs of a dataset served as it is: each part a named graph, the
/// default graph their union.
[[nodiscard]] ServedGraphs graphs_of(const agenda::Dataset& dataset);

[[nodiscard]] std::string service_description_turtle(const ServedGraphs& graphs,
                                                     const EndpointFacts& facts);
[[nodiscard]] std::string service_description_html(const ServedGraphs& graphs,
                                                   const EndpointFacts& facts);

} // namespace wa::sparql
