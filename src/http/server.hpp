// The HTTP server: the SPARQL 1.1 Protocol at /sparql (queries answered by
// the query dispatcher: on the request thread or in a worker process), the service description,
// CORS, ETags and a result cache; Cache-Control on every answer (http/caching.hpp). Everything
// that does not need the query engine is answered in this process.
#pragma once

#include "agenda/dataset.hpp"
#include "http/linked_data.hpp"
#include "http/metrics.hpp"
#include "http/response_cache.hpp"
#include "publish/release.hpp"
#include "sparql/service_description.hpp"
#include "store/query_dispatcher.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace httplib {
class Server;
}

namespace wa::http {

/// What a store answers from, when it is more than the dataset the HTTP layer
/// describes (our engine also holds the files loaded beside the agenda, or
/// only them): its graphs, and a hash of its content for the ETag.
struct StoreContent {
  std::string hash; ///< hex; changes whenever any term or quad does
  sparql::ServedGraphs graphs;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: any free port
  int threads = 32; ///< requests handled at once (a connection waiting costs none)
  /// Connections held at once; beyond it the longest-idle one is closed, or
  /// the new one answered 503 when none is idle.
  std::size_t max_connections = 1024;
  int idle_seconds = 5;     ///< a connection with no request in progress is closed after this
  int request_seconds = 10; ///< a request's line and headers must arrive within this of its
                            ///< first byte, its body within this after the headers (else 408)
  std::size_t max_header_bytes = 64U << 10U; ///< request line and headers (else 414 / 431)
  std::size_t row_limit = 10000;             ///< rows or triples per result
  std::size_t max_query_bytes = 1U << 20U;
  std::size_t cache_bytes = 64U << 20U;
  long deadline_ms = 10000; ///< shown in the service description
  /// The project folder: web/ (pages, assets), node_modules/ (YASGUI), queries/.
  std::filesystem::path project_root;
  /// Unset: the graphs and ETag come from the described dataset.
  std::optional<StoreContent> store_content;
  std::size_t triples = 0; ///< in the store's default graph, for /metrics
  /// The releases before the current one (earliest first), served at
  /// /dump/{release}/{name} and listed in the catalogue.
  std::vector<publish::Release> earlier_releases;
};

class Server {
public:
  /// Everything but the query path, which answer_queries_with() adds before
  /// bind(): `werkagenda serve` builds the server first and forks its query
  /// workers after (every page written after a fork is copied on write;
  /// building the pages after the fork took twice as long).
  /// `curated_catalogue` is data/curated/catalogue.ttl, read with the dataset's base.
  Server(const agenda::Dataset& dataset, const rdf::Model& curated_catalogue,
         ServerOptions options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  /// Who answers SPARQL queries; set once, before bind().
  void answer_queries_with(store::QueryDispatcher& queries);
  /// Binds the socket; returns the port (useful with port 0). Throws if it
  /// cannot, or if no one answers queries yet.
  int bind();
  /// Serves until stop(); returns false if serving failed.
  bool run();
  /// Answers /readyz with 503 from now on, so that a load balancer sends no
  /// new requests here; everything else is served as before.
  void begin_draining() { draining_ = true; }
  /// Takes no new connection, answers every request already in, closes idle
  /// connections; run() returns when that is done.
  void stop();

private:
  const agenda::Dataset& dataset_;
  store::QueryDispatcher* queries_ = nullptr;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  ResponseCache cache_;
  std::string etag_;
  std::string last_modified_;
  int port_ = 0;

  std::string query_library_json_;
  std::string service_description_;      ///< Turtle, made once the port is known
  std::string service_description_html_; ///< the plain form when YASGUI is missing
  std::string query_page_;               ///< for people: YASGUI, or the plain form
  std::unique_ptr<LinkedData> linked_data_;
  Metrics metrics_;
  std::atomic<bool> draining_{false};
  std::chrono::system_clock::time_point started_ = std::chrono::system_clock::now();

  void install_routes();
  void install_static_files();
  void install_robots_without_sitemap();
  void install_yasgui();
  void install_logging();
  /// /healthz, /readyz and /metrics: for load balancers and monitoring.
  void install_operations();
  [[nodiscard]] std::vector<MetricSample> samples() const;
  [[nodiscard]] sparql::EndpointFacts facts() const;
  [[nodiscard]] std::string read_query_page() const;
};

} // namespace wa::http
