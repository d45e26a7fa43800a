#include "http/server.hpp"

#include "http/caching.hpp"
#include "http/connection_hub.hpp"

#include "os/whole_file.hpp"
#include "publish/checksum.hpp"
#include "publish/gzip.hpp"
#include "publish/query_library.hpp"
#include "publish/release.hpp"
#include "rdf/writer.hpp"
#include "sparql/negotiation.hpp"
#include "sparql/protocol.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>
#include <stdexcept>

namespace wa::http {

namespace {

constexpr const char* plain_text = "text/plain; charset=utf-8";

/// A strong validator for everything this process serves: the data cannot change while it runs.
/// The dataset's N-Quads are hashed as they are written, never held whole.
std::string dataset_hash(const agenda::Dataset& dataset) {
  publish::Sha256 hasher;
  for (const agenda::DatasetPart& part : dataset.parts) {
    rdf::write_nquads(part.model, dataset.graph_iri(part.name),
                      [&hasher](std::string_view piece) { hasher.update(piece); });
  }
  return hasher.hex();
}

/// The validator of everything served: of the store's content when it is
/// known, else of the described dataset.
std::string served_etag(const agenda::Dataset& dataset, const ServerOptions& options) {
  const std::string hash =
      options.store_content ? options.store_content->hash : dataset_hash(dataset);
  // Weak: the HTTP layer may compress a response, and one validator covers every encoding.
  return "W/\"" + hash.substr(0, 32) + "\"";
}

thread_local std::chrono::steady_clock::time_point request_started;

sparql::HttpRequestView view_of(const httplib::Request& request) {
  sparql::HttpRequestView view;
  view.method = request.method;
  view.content_type = request.get_header_value("Content-Type");
  view.body = request.body;
  view.accept = request.get_header_value("Accept");
  for (const auto& [name, value] : request.params)
    view.params.emplace(name, value);
  return view;
}

bool etag_matches(const httplib::Request& request, const std::string& etag) {
  if (!request.has_header("If-None-Match")) return false;
  const std::string header = request.get_header_value("If-None-Match");
  return header == "*" || header.find(etag) != std::string::npos;
}

} // namespace

Server::Server(const agenda::Dataset& dataset, const rdf::Model& curated_catalogue,
               ServerOptions options)
    : dataset_(dataset), options_(std::move(options)),
      http_(std::make_unique<BoundedServer>(
          static_cast<std::size_t>(std::max(options_.threads, 1)),
          ConnectionLimits{.idle = std::chrono::seconds(options_.idle_seconds),
                           .request = std::chrono::seconds(options_.request_seconds),
                           .header_bytes = options_.max_header_bytes,
                           .connections = options_.max_connections})),
      cache_(options_.cache_bytes), etag_(served_etag(dataset, options_)),
      // The release's date, not this process's start: every replica, started
      // whenever, gives a CDN the same validators.
      last_modified_(http_date_of(publish::release_of(curated_catalogue, dataset.base).date)) {
  http_->set_payload_max_length(options_.max_query_bytes);
  // Without TCP_NODELAY, keep-alive responses wait for the client's delayed ACK (about 40 ms);
  // the connection hub sets it on every accepted socket.
  http_->set_tcp_nodelay(true);
  http_->set_default_headers(
      {{"Access-Control-Allow-Origin", "*"},
       {"Access-Control-Expose-Headers", "ETag, Last-Modified, SPARQL-Results-Truncated"}});
  query_library_json_ =
      publish::query_library_json(publish::read_query_library(options_.project_root / "queries"));
  linked_data_ = std::make_unique<LinkedData>(dataset, curated_catalogue, etag_, last_modified_,
                                              publish::read_source_text(options_.project_root),
                                              std::move(options_.earlier_releases));
  install_logging();
  install_operations();
  install_routes();
  install_static_files();
  // Files served alone (serve --no-agenda) are the user's own: no documents,
  // dumps or VoID describe them, only the endpoint answers from them.
  if (!dataset.parts.empty()) {
    linked_data_->install(*http_);
  } else {
    install_robots_without_sitemap();
  }
}

/// Crawlers stay off the endpoint whatever it serves; with no documents
/// there is no sitemap to point them to.
void Server::install_robots_without_sitemap() {
  http_->Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("User-agent: *\nDisallow: /sparql\nAllow: /\n",
                         "text/plain; charset=utf-8");
  });
}

Server::~Server() = default;

sparql::EndpointFacts Server::facts() const {
  return {"http://" + options_.host + ":" + std::to_string(port_) + "/sparql", options_.row_limit,
          options_.deadline_ms};
}

void Server::install_logging() {
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    mark_request_routed();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_logger([](const httplib::Request& request, const httplib::Response& response) {
    const auto elapsed = std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now() - request_started);
    char line[512];
    std::snprintf(line, sizeof line, "%s %s %d %.1fms %zu\n", request.method.c_str(),
                  request.path.c_str(), response.status, elapsed.count(), response.body.size());
    std::cerr << line;
  });
  // Counted before the response is written (cpp-httplib logs after): a
  // client that has its answer finds it in the next scrape.
  http_->set_post_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        apply_cache_policy(request, response);
        metrics_.record(request.path, response.status,
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                  request_started));
      });
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr failure) {
        std::string message = "internal error";
        try {
          if (failure) std::rethrow_exception(failure);
        } catch (const std::exception& error) {
          message += std::string(": ") + error.what();
        } catch (...) {
        }
        response.status = 500;
        response.set_content(message + "\n", plain_text);
      });
  http_->set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 404) {
      linked_data_->not_found(request, response);
      return;
    }
    std::string message;
    if (request_ran_out_of_time()) {
      response.status = 408;
      message = "the request body did not arrive within " +
                std::to_string(options_.request_seconds) + " s";
    }
    switch (message.empty() ? response.status : 0) {
    case 0: break;
    case 405: message = "method not allowed"; break;
    case 413: message = "the request body is too large"; break;
    case 414:
      message = "the URL is too long: send a long query with POST application/sparql-query";
      break;
    default: message = "HTTP status " + std::to_string(response.status);
    }
    response.set_content(message + "\n", plain_text);
  });
}

void Server::install_routes() {
  auto sparql_handler = [this](const httplib::Request& request, httplib::Response& response) {
    sparql::ProtocolOutcome outcome =
        sparql::read_protocol_request(view_of(request), options_.max_query_bytes);
    if (outcome.kind == sparql::ProtocolOutcome::Kind::error) {
      if (outcome.status == 405) response.set_header("Allow", "GET, POST, OPTIONS");
      response.status = outcome.status;
      response.set_content(outcome.message + "\n", plain_text);
      return;
    }
    response.set_header("ETag", etag_);
    response.set_header("Last-Modified", last_modified_);
    response.set_header("Vary", "Accept");
    if (etag_matches(request, etag_)) {
      response.status = 304;
      return;
    }
    if (outcome.kind == sparql::ProtocolOutcome::Kind::service_description) {
      if (sparql::prefers_html(request.get_header_value("Accept"))) {
        // The page changes with the software, not the data: no dataset ETag.
        response.headers.erase("ETag");
        response.set_header("Cache-Control", "no-cache");
        response.set_content(query_page_, "text/html; charset=utf-8");
      } else {
        response.set_content(service_description_, "text/turtle; charset=utf-8");
      }
      return;
    }
    const store::WorkRequest work{outcome.query, outcome.accept, options_.row_limit,
                                  outcome.dataset};
    // The request's own encoding: unambiguous, and it holds all that shapes the answer.
    const std::string key = store::encode(work);
    std::optional<store::WorkResponse> answer = cache_.find(key);
    if (!answer) {
      answer = queries_->submit(work);
      if (answer->status == 200) cache_.store(key, *answer);
    }
    response.status = answer->status;
    if (answer->status != 200) {
      response.headers.erase("ETag");
      response.headers.erase("Last-Modified");
    }
    if (answer->truncated) {
      response.set_header("SPARQL-Results-Truncated",
                          "limit=" + std::to_string(options_.row_limit));
    }
    response.set_content(answer->body, answer->content_type.c_str());
  };
  http_->Get("/sparql", sparql_handler);
  http_->Post("/sparql", sparql_handler);
  http_->Options("/sparql", [](const httplib::Request&, httplib::Response& response) {
    response.status = 204;
    response.set_header("Allow", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Headers", "Content-Type, Accept, If-None-Match");
    response.set_header("Access-Control-Max-Age", "86400");
  });
  auto read_only = [](const httplib::Request&, httplib::Response& response) {
    response.status = 405;
    response.set_header("Allow", "GET, POST, OPTIONS");
    response.set_content("method not allowed: the endpoint is read-only; use GET or POST\n",
                         plain_text);
  };
  http_->Put("/sparql", read_only);
  http_->Delete("/sparql", read_only);
  http_->Patch("/sparql", read_only);
}

void Server::install_operations() {
  auto uncached = [](httplib::Response& response, int status, const std::string& text) {
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(text + "\n", plain_text);
  };
  http_->Get("/healthz", [uncached](const httplib::Request&, httplib::Response& response) {
    uncached(response, 200, "alive");
  });
  http_->Get("/readyz", [this, uncached](const httplib::Request&, httplib::Response& response) {
    if (draining_) return uncached(response, 503, "draining: finishing requests, then stopping");
    if (queries_->pool().alive() == 0) return uncached(response, 503, "no query worker is running");
    uncached(response, 200, "ready");
  });
  http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    response.set_content(metrics_.exposition(samples()),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
}

std::vector<MetricSample> Server::samples() const {
  const CacheCounts cache = cache_.counts();
  const store::DispatchCounts dispatched = queries_->counts();
  const store::WorkerPool& pool = queries_->pool();
  std::vector<MetricSample> samples;
  auto add = [&samples](std::string name, std::string type, std::string help, auto value,
                        std::string labels = "") {
    samples.push_back({std::move(name), std::move(type), std::move(help),
                       static_cast<double>(value), std::move(labels)});
  };
  add("werkagenda_cache_hits_total", "counter", "Query answers served from the result cache.",
      cache.hits);
  add("werkagenda_cache_misses_total", "counter", "Queries not in the result cache.", cache.misses);
  add("werkagenda_cache_bytes", "gauge", "Bytes the result cache holds (bound: --cache-mb).",
      cache.bytes);
  add("werkagenda_cache_entries", "gauge", "Answers the result cache holds.", cache.entries);
  const std::string where =
      "Queries answered by the engine, by where: on the request thread or in a worker process.";
  add("werkagenda_queries_total", "counter", where, dispatched.inline_answers,
      "where=\"request_thread\"");
  add("werkagenda_queries_total", "counter", where, dispatched.worker_answers, "where=\"worker\"");
  add("werkagenda_queries_moved_to_worker_total", "counter",
      "Queries that ran past the request thread's budget and were answered by a worker.",
      dispatched.overran);
  add("werkagenda_workers_alive", "gauge", "Query worker processes running.", pool.alive());
  add("werkagenda_workers_replaced_total", "counter",
      "Query workers replaced after a crash or a query that overran its deadline.",
      pool.replaced());
  add("werkagenda_connections_open", "gauge", "Client connections held, idle or in a request.",
      static_cast<const BoundedServer&>(*http_).open_connections());
  add("werkagenda_draining", "gauge", "1 once the server was asked to stop (/readyz is 503).",
      draining_ ? 1 : 0);
  add("werkagenda_dataset_triples", "gauge", "Triples in the store's default graph.",
      options_.triples);
  // The ETag without W/"...": which release this replica serves.
  add("werkagenda_dataset_info", "gauge", "The dataset served, by its ETag (the value is 1).", 1,
      "etag=\"" + etag_.substr(3, etag_.size() - 4) + "\"");
  add("werkagenda_start_time_seconds", "gauge", "When the server started, in Unix time.",
      std::chrono::duration<double>(started_.time_since_epoch()).count());
  return samples;
}

void Server::install_static_files() {
  const std::filesystem::path assets = options_.project_root / "web/assets";
  if (std::filesystem::is_directory(assets)) http_->set_mount_point("/assets", assets.string());
  install_yasgui();
  http_->Get("/queries/index.json", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", etag_);
    response.set_content(query_library_json_, "application/json; charset=utf-8");
  });
}

namespace {

/// A static file held in memory: read by the first request that wants it
/// (like the files under /assets; reading YASGUI's 1.4 MB at start was 5 ms of
/// the agenda's start), compressed once by the first that accepts gzip
/// (compressing the script on every request would cost a second).
class StaticAsset {
public:
  explicit StaticAsset(std::filesystem::path path) : path_(std::move(path)) {}
  [[nodiscard]] const std::string& plain() const {
    std::call_once(read_, [this] { plain_ = os::read_whole_file(path_).value_or(""); });
    return plain_;
  }
  [[nodiscard]] const std::string& gzipped() const {
    std::call_once(compressed_, [this] { gzipped_ = publish::gzip(plain()); });
    return gzipped_;
  }

private:
  std::filesystem::path path_;
  mutable std::once_flag read_;
  mutable std::string plain_;
  mutable std::once_flag compressed_;
  mutable std::string gzipped_;
};

/// Where npm installs YASGUI's files (pinned by package-lock.json).
std::filesystem::path yasgui_build_in(const std::filesystem::path& project_root) {
  return project_root / "node_modules/@zazuko/yasgui/build";
}

} // namespace

/// YASGUI's files, from memory once read.
void Server::install_yasgui() {
  const std::filesystem::path build = yasgui_build_in(options_.project_root);
  if (!std::filesystem::is_directory(build)) return;
  for (const auto& [file, media_type] : std::vector<std::pair<std::string, std::string>>{
           {"yasgui.min.js", "application/javascript; charset=utf-8"},
           {"yasgui.min.css", "text/css; charset=utf-8"}}) {
    auto asset = std::make_shared<const StaticAsset>(build / file);
    const std::string type = media_type;
    http_->Get("/assets/yasgui/" + file,
               [asset, type](const httplib::Request& request, httplib::Response& response) {
                 response.set_header("Cache-Control", "public, max-age=86400");
                 response.set_header("Vary", "Accept-Encoding");
                 // cpp-httplib compresses text/* itself; the script's type is one it leaves alone,
                 // so the precompressed bytes go out as they are.
                 const bool gzip = request.get_header_value("Accept-Encoding").find("gzip") !=
                                       std::string::npos &&
                                   !type.starts_with("text/");
                 if (gzip) response.set_header("Content-Encoding", "gzip");
                 response.set_content(gzip ? asset->gzipped() : asset->plain(), type.c_str());
               });
  }
}

/// The query page for people: YASGUI (web/sparql.html) when the project has
/// it installed, else the plain form. Read once, with the port: no request
/// makes the server read a file.
std::string Server::read_query_page() const {
  const std::filesystem::path root = options_.project_root;
  std::optional<std::string> page = os::read_whole_file(root / "web/sparql.html");
  const bool yasgui = std::filesystem::is_directory(yasgui_build_in(root));
  return yasgui && page ? *page : service_description_html_;
}

void Server::answer_queries_with(store::QueryDispatcher& queries) { queries_ = &queries; }

int Server::bind() {
  if (queries_ == nullptr) throw std::logic_error("the server has no query dispatcher");
  port_ = options_.port == 0
              ? http_->bind_to_any_port(options_.host)
              : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port));
  }
  static_cast<BoundedServer&>(*http_).widen_backlog();
  // The description names the endpoint's address, known from here on; the
  // data cannot change, so it is made once, not per request.
  const sparql::ServedGraphs graphs =
      options_.store_content ? options_.store_content->graphs : sparql::graphs_of(dataset_);
  service_description_ = sparql::service_description_turtle(graphs, facts());
  service_description_html_ = sparql::service_description_html(graphs, facts());
  query_page_ = read_query_page();
  return port_;
}

bool Server::run() { return http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

} // namespace wa::http
