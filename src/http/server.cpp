#include "http/server.hpp"

#include "publish/checksum.hpp"
#include "publish/gzip.hpp"
#include "publish/query_library.hpp"
#include "rdf/writer.hpp"
#include "sparql/negotiation.hpp"
#include "sparql/protocol.hpp"

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace wa::http {

namespace {

constexpr const char* plain_text = "text/plain; charset=utf-8";

std::string http_date(std::time_t when) {
  char buffer[64];
  std::tm utc{};
  gmtime_r(&when, &utc);
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return buffer;
}

/// A strong validator for everything this process serves: the data cannot change while it runs.
std::string dataset_etag(const agenda::Dataset& dataset) {
  std::string quads;
  for (const agenda::DatasetPart& part : dataset.parts) {
    quads += rdf::to_nquads(part.model, dataset.graph_iri(part.name));
  }
  // Weak: the HTTP layer may compress a response, and one validator covers every encoding.
  return "W/\"" + publish::sha256_hex(quads).substr(0, 32) + "\"";
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
               store::WorkerPool& pool, ServerOptions options)
    : dataset_(dataset), pool_(pool), options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()), cache_(options_.cache_bytes),
      etag_(dataset_etag(dataset)), last_modified_(http_date(std::time(nullptr))) {
  const int threads = options_.threads;
  http_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  http_->set_payload_max_length(options_.max_query_bytes);
  // Without TCP_NODELAY, keep-alive responses wait for the client's delayed ACK (about 40 ms).
  http_->set_tcp_nodelay(true);
  http_->set_keep_alive_max_count(1000);
  http_->set_keep_alive_timeout(5);
  http_->set_read_timeout(10);
  http_->set_write_timeout(30);
  http_->set_default_headers(
      {{"Access-Control-Allow-Origin", "*"},
       {"Access-Control-Expose-Headers", "ETag, Last-Modified, SPARQL-Results-Truncated"}});
  query_library_json_ =
      publish::query_library_json(publish::read_query_library(options_.project_root / "queries"));
  linked_data_ = std::make_unique<LinkedData>(dataset, curated_catalogue, etag_, last_modified_);
  install_logging();
  install_routes();
  install_static_files();
  linked_data_->install(*http_);
}

Server::~Server() = default;

sparql::EndpointFacts Server::facts() const {
  return {"http://" + options_.host + ":" + std::to_string(port_) + "/sparql", options_.row_limit,
          options_.deadline_ms};
}

void Server::install_logging() {
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
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
    switch (response.status) {
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
        response.set_content(query_page(), "text/html; charset=utf-8");
      } else {
        response.set_content(service_description_, "text/turtle; charset=utf-8");
      }
      return;
    }
    const std::string key = outcome.accept + '\n' + outcome.query;
    std::optional<store::WorkResponse> answer = cache_.find(key);
    if (!answer) {
      answer = pool_.submit({outcome.query, outcome.accept, options_.row_limit});
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

void Server::install_static_files() {
  const std::filesystem::path assets = options_.project_root / "web/assets";
  if (std::filesystem::is_directory(assets)) http_->set_mount_point("/assets", assets.string());
  install_yasgui();
  http_->Get("/queries/index.json", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", etag_);
    response.set_content(query_library_json_, "application/json; charset=utf-8");
  });
}

/// YASGUI's files (pinned by package-lock.json) from memory, the large script
/// compressed once at start: compressing 1 MB on every request costs a second.
void Server::install_yasgui() {
  const std::filesystem::path build = options_.project_root / "node_modules/@zazuko/yasgui/build";
  if (!std::filesystem::is_directory(build)) return;
  for (const auto& [file, media_type] : std::vector<std::pair<std::string, std::string>>{
           {"yasgui.min.js", "application/javascript; charset=utf-8"},
           {"yasgui.min.css", "text/css; charset=utf-8"}}) {
    std::ifstream in(build / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto asset = std::make_shared<const std::pair<std::string, std::string>>(
        bytes.str(), publish::gzip(bytes.str()));
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
                 response.set_content(gzip ? asset->second : asset->first, type.c_str());
               });
  }
}

/// The query page for people: YASGUI (web/sparql.html) when the project has
/// it installed, else a plain form.
std::string Server::query_page() const {
  const std::filesystem::path page = options_.project_root / "web/sparql.html";
  const bool yasgui =
      std::filesystem::is_directory(options_.project_root / "node_modules/@zazuko/yasgui/build");
  std::ifstream in(page);
  if (!yasgui || !in) return service_description_html_;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int Server::bind() {
  port_ = options_.port == 0
              ? http_->bind_to_any_port(options_.host)
              : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port));
  }
  // The description names the endpoint's address, known from here on; the
  // data cannot change, so it is made once, not per request.
  service_description_ = sparql::service_description_turtle(dataset_, facts());
  service_description_html_ = sparql::service_description_html(dataset_, facts());
  return port_;
}

bool Server::run() { return http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

} // namespace wa::http
