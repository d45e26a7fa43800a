#include "http/linked_data.hpp"

#include "http/caching.hpp"
#include "publish/catalogue.hpp"
#include "publish/checksum.hpp"
#include "publish/description.hpp"
#include "publish/void_description.hpp"
#include "rdf/escaping.hpp"
#include "rdf/writer.hpp"
#include "sparql/graph_writers.hpp"
#include "sparql/negotiation.hpp"

#include <httplib.h>

#include <optional>
#include <set>

namespace wa::http {

namespace {

constexpr const char* html_type = "text/html; charset=utf-8";

/// File extensions of description documents and the formats they name.
const std::vector<std::pair<std::string, std::string>>& extensions() {
  static const std::vector<std::pair<std::string, std::string>> list = {{"html", "html"},
                                                                        {"ttl", "turtle"},
                                                                        {"nt", "ntriples"},
                                                                        {"rdf", "rdfxml"},
                                                                        {"jsonld", "jsonld"}};
  return list;
}

/// Splits "/doc/action/3.3.5.ttl" into ("/doc/action/3.3.5", "ttl"); a final
/// segment like "3.3.5" has no known extension and stays whole.
std::pair<std::string, std::string> split_extension(const std::string& path) {
  const std::size_t dot = path.find_last_of('.');
  if (dot != std::string::npos && path.find('/', dot) == std::string::npos) {
    const std::string extension = path.substr(dot + 1);
    for (const auto& [known, format] : extensions()) {
      if (extension == known) return {path.substr(0, dot), extension};
    }
  }
  return {path, ""};
}

std::string extension_of_format(const std::string& format) {
  for (const auto& [extension, name] : extensions()) {
    if (name == format) return extension;
  }
  return "ttl";
}

std::string serialise(const rdf::Model& graph, const std::string& format) {
  static const std::vector<std::pair<std::string, std::string>> publication_prefixes = [] {
    auto prefixes = publish::catalogue_prefixes();
    prefixes.emplace_back("void", "http://rdfs.org/ns/void#");
    return prefixes;
  }();
  if (format == "turtle") return rdf::to_turtle(graph, publication_prefixes);
  if (format == "ntriples") return rdf::to_ntriples(graph);
  std::vector<rdf::Triple> triples = graph.triples();
  if (format == "rdfxml") return sparql::graph_to_rdfxml(triples);
  return sparql::graph_to_jsonld(triples);
}

/// "html", or an RDF format name, or nullopt (406), for this Accept header.
std::optional<std::string> negotiated_format(const std::string& accept, bool html_available) {
  if (html_available && sparql::prefers_html(accept)) return "html";
  std::optional<sparql::Format> format = sparql::negotiate(accept, sparql::graph_formats());
  if (format) return format->name;
  if (html_available && sparql::negotiate(accept, {{"html", "text/html", {}}})) return "html";
  return std::nullopt;
}

std::string media_type_of_dump(const std::string& name) {
  if (name.ends_with(".ttl")) return "text/turtle; charset=utf-8";
  if (name.ends_with(".nt")) return "application/n-triples; charset=utf-8";
  if (name.ends_with(".nq")) return "application/n-quads; charset=utf-8";
  return "application/gzip";
}

/// The validator of a dump: weak, since the HTTP layer may compress a plain
/// dump for a client that accepts gzip, and one validator covers both forms.
std::string dump_etag(const std::string& content) {
  return "W/\"" + publish::sha256_hex(content).substr(0, 32) + "\"";
}

/// Sends a dump's bytes, or 304 when the client holds them already.
void send_dump(const httplib::Request& request, httplib::Response& response,
               const publish::DumpFile& file, const std::string& etag,
               const std::string& last_modified, const char* cache_control) {
  response.set_header("ETag", etag);
  response.set_header("Last-Modified", last_modified);
  response.set_header("Cache-Control", cache_control);
  add_vary(response, "Accept-Encoding");
  if (request.get_header_value("If-None-Match").find(etag) != std::string::npos) {
    response.status = 304;
    return;
  }
  response.set_content(file.content, media_type_of_dump(file.name).c_str());
}

/// Whether the request's path came percent-encoded. No dump or release name
/// needs encoding, so an encoded one is a trick (an encoded "/" or "..").
bool path_was_encoded(const httplib::Request& request) {
  return request.target.substr(0, request.target.find('?')) != request.path;
}

/// 406, listing what a description document can be had in.
void not_acceptable(httplib::Response& response) {
  response.status = 406;
  response.set_content("available: text/html, text/turtle, application/n-triples, "
                       "application/rdf+xml, application/ld+json\n",
                       "text/plain; charset=utf-8");
}

} // namespace

LinkedData::LinkedData(const agenda::Dataset& dataset, const rdf::Model& curated_catalogue,
                       std::string etag, std::string last_modified,
                       std::optional<publish::DumpFile> source_text,
                       std::vector<publish::Release> earlier)
    : dataset_(dataset), all_(dataset.all()), site_(dataset.base, all_), pages_(site_, all_),
      current_version_(publish::release_of(curated_catalogue, dataset.base).version),
      earlier_(std::move(earlier)), etag_(std::move(etag)),
      last_modified_(std::move(last_modified)) {
  curated_catalogue_.add_all(curated_catalogue);
  for (const publish::Release& release : earlier_) {
    auto& served = release_dumps_[release.facts.version];
    for (const publish::DumpFile& file : release.dumps) {
      served[file.name] = {&file, dump_etag(file.content), http_date_of(release.facts.date)};
    }
  }
  if (source_text && dataset.has_part("agenda")) {
    source_etag_ = "\"" + publish::sha256_hex(source_text->content).substr(0, 32) + "\"";
    source_text_ = std::move(source_text);
  }
  if (dataset.has_part("ontology")) ontology_.add_all(dataset.part("ontology"));
  index_html_ = pages_.index();
  ontology_html_ = pages_.ontology();
}

const LinkedData::Published& LinkedData::published() const {
  std::call_once(published_once_, [this] {
    auto made = std::make_unique<Published>();
    made->dumps = publish::make_dumps(dataset_);
    made->catalogue =
        publish::catalogue(curated_catalogue_, dataset_.base, made->dumps, source_text_, earlier_);
    for (const publish::DumpFile& file : made->dumps) {
      made->dump_etags[file.name] = dump_etag(file.content);
    }
    made->dumps_html = pages_.dumps(made->dumps);
    published_ = std::move(made);
  });
  return *published_;
}

const rdf::Model& LinkedData::void_description() const {
  std::call_once(void_once_, [this] {
    void_ = publish::void_description(dataset_, publish::dump_list(dataset_, all_.size()));
  });
  return void_;
}

void LinkedData::send_graph(const httplib::Request& request, httplib::Response& response,
                            const rdf::Model& graph, const std::string& extension,
                            const std::string& html) const {
  std::string format;
  if (!extension.empty()) {
    for (const auto& [known, name] : extensions()) {
      if (known == extension) format = name;
    }
  } else {
    std::optional<std::string> chosen =
        negotiated_format(request.get_header_value("Accept"), !html.empty());
    if (!chosen) {
      not_acceptable(response);
      return;
    }
    format = *chosen;
    add_vary(response, "Accept");
  }
  response.set_header("ETag", etag_ + "");
  response.set_header("Last-Modified", last_modified_);
  if (format == "html") {
    if (html.empty()) {
      response.status = 404;
      return;
    }
    response.set_content(html, html_type);
    return;
  }
  for (const sparql::Format& offered : sparql::graph_formats()) {
    if (offered.name == format) {
      response.set_content(serialise(graph, format),
                           (offered.media_type + "; charset=utf-8").c_str());
    }
  }
}

void LinkedData::send_rdf_document(const httplib::Request& request, httplib::Response& response,
                                   const rdf::Model& graph) const {
  const std::string extension = split_extension(request.path).second;
  // Without an extension the same URL answers in the format asked for, Turtle when none is.
  if (extension.empty()) add_vary(response, "Accept");
  send_graph(request, response, graph,
             extension.empty() && !request.has_header("Accept") ? "ttl" : extension, "");
}

void LinkedData::redirect_to_document(const httplib::Request& request,
                                      httplib::Response& response) const {
  const rdf::Term resource = rdf::Term::iri(site_.iri_of(request.path));
  std::optional<std::string> document = site_.document_of(resource);
  if (!document) {
    not_found(request, response);
    return;
  }
  std::optional<std::string> format = negotiated_format(request.get_header_value("Accept"), true);
  if (!format) {
    not_acceptable(response);
    return;
  }
  response.status = 303;
  response.set_header("Location", *document + "." + extension_of_format(*format));
  add_vary(response, "Accept");
  response.set_content("See " + *document + "." + extension_of_format(*format) + "\n",
                       "text/plain; charset=utf-8");
}

void LinkedData::document(const httplib::Request& request, httplib::Response& response) const {
  const auto [path, extension] = split_extension(request.path);
  std::optional<rdf::Term> resource = site_.resource_of_document(path);
  if (!resource) {
    not_found(request, response);
    return;
  }
  rdf::Model description = publish::describe(all_, *resource);
  const std::string accept = request.get_header_value("Accept");
  if (extension.empty()) {
    if (std::optional<std::string> format = negotiated_format(accept, true)) {
      response.set_header("Content-Location", path + "." + extension_of_format(*format));
    }
  }
  const bool wants_html =
      extension == "html" || (extension.empty() && sparql::prefers_html(accept));
  send_graph(request, response, description, extension,
             wants_html ? pages_.resource(*resource, description, path) : std::string(" "));
}

/// /dump/{name}: the latest release's dump, which the next release replaces.
void LinkedData::dump(const httplib::Request& request, httplib::Response& response) const {
  const std::string name = request.path.substr(std::string("/dump/").size());
  if (path_was_encoded(request) || !publish::is_dump_name(dataset_, name)) {
    not_found(request, response);
    return;
  }
  const Published& made = published();
  auto file = std::ranges::find(made.dumps, name, &publish::DumpFile::name);
  if (file == made.dumps.end()) {
    not_found(request, response);
    return;
  }
  send_dump(request, response, *file, made.dump_etags.at(file->name), last_modified_,
            cache_until_next_release);
}

/// /dump/{release}/{name}: a release's dump, the same bytes for ever. Only
/// what is held in memory is answered: the names are looked up, never used as
/// a path, so ".." or an encoded "/" is simply not found.
void LinkedData::release_dump(const httplib::Request& request, httplib::Response& response) const {
  const std::string rest = request.path.substr(std::string("/dump/").size());
  const std::string release = rest.substr(0, rest.find('/'));
  const std::string name = rest.substr(release.size() + 1);
  if (path_was_encoded(request)) return not_found(request, response);
  if (release == current_version_ && publish::is_dump_name(dataset_, name)) {
    const Published& made = published();
    auto file = std::ranges::find(made.dumps, name, &publish::DumpFile::name);
    if (file != made.dumps.end()) {
      return send_dump(request, response, *file, made.dump_etags.at(name), last_modified_,
                       cache_forever);
    }
  }
  const auto files = release_dumps_.find(release);
  if (files == release_dumps_.end() || !files->second.contains(name))
    return not_found(request, response);
  const ReleaseDump& served = files->second.at(name);
  send_dump(request, response, *served.file, served.etag, served.last_modified, cache_forever);
}

/// The source text, byte for byte as the catalogue's checksum says (served
/// without any transformation other than the client's Accept-Encoding).
void LinkedData::source(const httplib::Request& request, httplib::Response& response) const {
  const std::string name = request.path.substr(std::string("/source/").size());
  if (!source_text_ || name != source_text_->name) {
    not_found(request, response);
    return;
  }
  response.set_header("ETag", source_etag_);
  response.set_header("Last-Modified", last_modified_);
  if (request.get_header_value("If-None-Match").find(source_etag_) != std::string::npos) {
    response.status = 304;
    return;
  }
  response.set_content(source_text_->content, "text/plain; charset=utf-8");
}

const publish::Sitemap& LinkedData::sitemap() const {
  std::call_once(sitemap_once_, [this] {
    // A resource with several types (a proposal is an eli:Work and a
    // LegislativeProposal) is listed once; sorted, so that the parts are stable.
    std::set<std::string> documents;
    all_.for_each({}, rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), {},
                  [&](const rdf::Triple& triple) {
                    std::optional<std::string> document = site_.document_of(triple.subject);
                    if (document && *document != "/def") documents.insert(*document);
                  });
    std::vector<std::string> urls{site_.base()};
    for (const std::string& document : documents)
      urls.push_back(site_.iri_of(document + ".html"));
    sitemap_ = std::make_unique<publish::Sitemap>(urls, site_.iri_of("/sitemap-"));
  });
  return *sitemap_;
}

void LinkedData::send_sitemap(const httplib::Request& request, httplib::Response& response) const {
  const std::string* content = &sitemap().root();
  if (request.path != "/sitemap.xml") {
    // "/sitemap-N.xml", N digits (the route says so); more than 9 are no part.
    const std::size_t start = std::string_view("/sitemap-").size();
    const std::string digits = request.path.substr(start, request.path.size() - start - 4);
    content = digits.size() > 9 ? nullptr : sitemap().part(std::stoul(digits));
  }
  if (content == nullptr) {
    not_found(request, response);
    return;
  }
  response.set_header("ETag", etag_);
  response.set_content(*content, "application/xml; charset=utf-8");
}

void LinkedData::not_found(const httplib::Request& request, httplib::Response& response) const {
  response.status = 404;
  if (sparql::prefers_html(request.get_header_value("Accept"))) {
    response.set_content(pages_.not_found(request.path), html_type);
  } else {
    response.set_content("not found: " + request.path + " (start at / or query /sparql)\n",
                         "text/plain; charset=utf-8");
  }
}

void LinkedData::install(httplib::Server& server) {
  server.Get("/", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", etag_);
    response.set_content(index_html_, html_type);
  });
  server.Get(R"(/id/.+)", [this](const httplib::Request& request, httplib::Response& response) {
    redirect_to_document(request, response);
  });
  server.Get(R"(/doc/.+)", [this](const httplib::Request& request, httplib::Response& response) {
    document(request, response);
  });
  server.Get(R"(/def(\.[a-z]+)?)", [this](const httplib::Request& request,
                                          httplib::Response& response) {
    send_graph(request, response, ontology_, split_extension(request.path).second, ontology_html_);
  });
  server.Get(R"(/catalogue(\.[a-z]+)?)",
             [this](const httplib::Request& request, httplib::Response& response) {
               send_rdf_document(request, response, published().catalogue);
             });
  server.Get(R"(/\.well-known/void(\.[a-z]+)?)",
             [this](const httplib::Request& request, httplib::Response& response) {
               send_rdf_document(request, response, void_description());
             });
  server.Get("/dump/", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(published().dumps_html, html_type);
  });
  server.Get(R"(/dump/[^/]+)", [this](const httplib::Request& request,
                                      httplib::Response& response) { dump(request, response); });
  server.Get(R"(/dump/[^/]+/[^/]+)",
             [this](const httplib::Request& request, httplib::Response& response) {
               release_dump(request, response);
             });
  server.Get(R"(/source/[^/]+)",
             [this](const httplib::Request& request, httplib::Response& response) {
               source(request, response);
             });
  server.Get(R"(/sitemap(-[0-9]+)?\.xml)",
             [this](const httplib::Request& request, httplib::Response& response) {
               send_sitemap(request, response);
             });
  server.Get("/robots.txt", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content("User-agent: *\nDisallow: /sparql\nAllow: /\nSitemap: " +
                             site_.iri_of("/sitemap.xml") + "\n",
                         "text/plain; charset=utf-8");
  });
}

} // namespace wa::http
