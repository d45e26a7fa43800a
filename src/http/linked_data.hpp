// The linked-data side of the server: dereferenceable IRIs (303 to a
// description document chosen by content negotiation), description documents
// in HTML and four RDF syntaxes, the agenda's index page, the ontology, the
// dumps, the DCAT-AP catalogue, VoID, sitemap and robots.txt. All answered
// in this process from immutable data: pages at startup; the dumps (with the
// catalogue that gives their sizes and checksums), VoID and the sitemap on first request,
// once, so that a large dataset starts without serialising and gzipping itself. The
// dumps of earlier releases, read at start, are served at /dump/{release}/{name}
// (the current release's too), never changing; /dump/{name} is the latest.
#pragma once

#include "agenda/dataset.hpp"
#include "publish/dumps.hpp"
#include "publish/html_pages.hpp"
#include "publish/release.hpp"
#include "publish/site.hpp"
#include "publish/sitemap.hpp"
#include "rdf/model.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace wa::http {

class LinkedData {
public:
  /// `curated_catalogue` is data/curated/catalogue.ttl; the distributions are added here.
  /// `last_modified` is the HTTP date of the current release.
  /// `source_text`, served at /source/NAME and listed in the catalogue with its
  /// checksum, is the text the agenda is imported from (ignored without an agenda).
  /// `earlier` are the releases before the current one (earliest first).
  LinkedData(const agenda::Dataset& dataset, const rdf::Model& curated_catalogue, std::string etag,
             std::string last_modified, std::optional<publish::DumpFile> source_text = {},
             std::vector<publish::Release> earlier = {});

  void install(httplib::Server& server);
  /// The 404 page or text, by what the client accepts.
  void not_found(const httplib::Request& request, httplib::Response& response) const;

  /// The dumps (made on first use).
  [[nodiscard]] const std::vector<publish::DumpFile>& dumps() const { return published().dumps; }

private:
  /// What is made from the dumps' bytes.
  struct Published {
    std::vector<publish::DumpFile> dumps;
    std::map<std::string, std::string> dump_etags;
    rdf::Model catalogue;
    std::string dumps_html;
  };

  /// A dump of an earlier release as served: its bytes and validators.
  struct ReleaseDump {
    const publish::DumpFile* file;
    std::string etag;
    std::string last_modified;
  };

  const agenda::Dataset& dataset_;
  const rdf::Model& all_;
  publish::Site site_;
  publish::HtmlPages pages_;
  rdf::Model curated_catalogue_;
  std::optional<publish::DumpFile> source_text_;
  std::string current_version_;
  std::vector<publish::Release> earlier_;
  /// The dumps of earlier_ by release, then by name.
  std::map<std::string, std::map<std::string, ReleaseDump>> release_dumps_;
  std::string source_etag_;
  mutable std::once_flag published_once_;
  mutable std::unique_ptr<Published> published_;
  mutable std::once_flag void_once_;
  mutable rdf::Model void_;
  mutable std::once_flag sitemap_once_;
  mutable std::unique_ptr<publish::Sitemap> sitemap_;
  rdf::Model ontology_;
  std::string etag_;
  std::string last_modified_;
  std::string index_html_;
  std::string ontology_html_;
  std::string dumps_html_;

  void redirect_to_document(const httplib::Request& request, httplib::Response& response) const;
  void document(const httplib::Request& request, httplib::Response& response) const;
  void dump(const httplib::Request& request, httplib::Response& response) const;
  /// /dump/{release}/{name}: a dump of the current release or an earlier one.
  void release_dump(const httplib::Request& request, httplib::Response& response) const;
  /// The catalogue and VoID: Turtle unless an extension or Accept asks for another format.
  void send_rdf_document(const httplib::Request& request, httplib::Response& response,
                         const rdf::Model& graph) const;
  void source(const httplib::Request& request, httplib::Response& response) const;
  /// Sends `graph` in the format the extension names, or by negotiation (HTML if `html` is given).
  void send_graph(const httplib::Request& request, httplib::Response& response,
                  const rdf::Model& graph, const std::string& extension,
                  const std::string& html) const;
  void send_sitemap(const httplib::Request& request, httplib::Response& response) const;
  [[nodiscard]] const publish::Sitemap& sitemap() const;
  [[nodiscard]] const Published& published() const;
  [[nodiscard]] const rdf::Model& void_description() const;
};

} // namespace wa::http
