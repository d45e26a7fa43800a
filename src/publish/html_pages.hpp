// HTML pages for people: one per resource, the agenda's index, the ontology,
// the dumps, and a helpful 404. Valid HTML5, lang attributes on every text,
// usable without JavaScript; each resource page embeds its data as JSON-LD.
// Links go to the server's own paths, so browsing works on any host.
#pragma once

#include "publish/dumps.hpp"
#include "publish/labels.hpp"
#include "publish/site.hpp"
#include "rdf/model.hpp"

#include <string>
#include <vector>

namespace wa::publish {

class HtmlPages {
public:
  /// `data` is the whole dataset, the ontology included.
  HtmlPages(const Site& site, const rdf::Model& data);

  [[nodiscard]] std::string resource(const rdf::Term& resource, const rdf::Model& description,
                                     const std::string& document_path) const;
  [[nodiscard]] std::string index() const;
  [[nodiscard]] std::string ontology() const;
  [[nodiscard]] std::string dumps(const std::vector<DumpFile>& files) const;
  [[nodiscard]] std::string not_found(const std::string& path) const;

private:
  const Site& site_;
  const rdf::Model& data_;
  Labels labels_;

  [[nodiscard]] std::string link(const rdf::Term& resource) const;
  [[nodiscard]] std::string value(const rdf::Term& value, const rdf::Model& description) const;
  [[nodiscard]] std::string property_name(const rdf::Term& property) const;
  [[nodiscard]] std::string properties_table(const rdf::Term& resource,
                                             const rdf::Model& description) const;
  [[nodiscard]] std::string incoming_links(const rdf::Term& resource,
                                           const rdf::Model& description) const;
  [[nodiscard]] std::string legislation_box(const rdf::Term& resource) const;
  [[nodiscard]] std::string json_ld(const rdf::Term& resource, const std::string& page_path) const;
  [[nodiscard]] std::string items_list(const rdf::Term& parent, std::string_view type) const;
};

} // namespace wa::publish
