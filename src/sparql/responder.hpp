// Answers one SPARQL request inside a query worker: runs the query on the
// store, picks the result format, and writes the response body.
#pragma once

#include "store/store.hpp"
#include "store/worker_protocol.hpp"

namespace wa::sparql {

/// `request.accept` is an Accept header, or "format=NAME" from ?format=.
[[nodiscard]] store::WorkResponse respond(store::Store& store, const store::WorkRequest& request);

} // namespace wa::sparql
