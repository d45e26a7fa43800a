// The full-SPARQL store: OpenLink Virtuoso, reached over loopback through its
// SPARQL protocol endpoint (form-encoded POST), as its anonymous SPARQL user
// (which holds only SPARQL_SELECT). Every query passes the full-SPARQL guard
// first; the answers are read into QueryResult and mended where Virtuoso
// gets them wrong (virtuoso_results.hpp), so our own writers produce the
// responses. scripts/virtuoso starts, loads and stops such a Virtuoso.
#pragma once

#include "store/store.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace wa::store {

struct VirtuosoConnection {
  std::string endpoint; ///< http://127.0.0.1:PORT/sparql
  /// The dataset each query sees (sent as default-graph-uri / named-graph-uri):
  /// without them Virtuoso would show its own system graphs too.
  std::vector<std::string> default_graphs;
  std::vector<std::string> named_graphs;
  /// The endpoint's time limit for a query, the one its refusals name. Virtuoso
  /// itself is given half of it, so that it stops the query before the worker
  /// waiting for it is killed: it overruns its own limit by a second or more
  /// (measured: 1 s -> 2.2 s).
  std::chrono::milliseconds deadline{10000};
  /// Relative IRIs in queries resolve against it, as on our engine;
  /// empty: the query is sent as it is.
  std::string base;

  /// The endpoint that `scripts/virtuoso start DIR` wrote to DIR/endpoint.
  static std::string endpoint_in(const std::filesystem::path& directory);
};

class VirtuosoStore : public Store {
public:
  explicit VirtuosoStore(VirtuosoConnection connection);
  VirtuosoStore(const VirtuosoStore&) = delete;
  VirtuosoStore& operator=(const VirtuosoStore&) = delete;
  ~VirtuosoStore() override;

  using Store::query;
  [[nodiscard]] rdf::QueryResult query(const std::string& text, std::size_t row_limit,
                                       const ProtocolDataset& dataset) override;

  /// Throws std::runtime_error saying why if the endpoint does not answer ASK {}.
  void check_reachable();

private:
  VirtuosoConnection connection_;
  std::string origin_; ///< scheme://host:port
  std::string path_;
  /// Made on first use, so that each forked worker has its own connection.
  std::unique_ptr<httplib::Client> client_;

  httplib::Client& client();
};

} // namespace wa::store
