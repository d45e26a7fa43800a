// Where things live on the server: the mapping between dataset IRIs (under a
// fixed, configurable base) and the server's own paths, so that the same data
// works on localhost and in production and HTML links point to the serving host.
#pragma once

#include "rdf/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace wa::publish {

class Site {
public:
  /// `data` is the whole dataset (the union of its parts).
  Site(std::string base, const rdf::Model& data);

  [[nodiscard]] const std::string& base() const { return base_; }

  /// "/id/action/3.3.5" for base + "id/action/3.3.5"; nullopt for other IRIs.
  [[nodiscard]] std::optional<std::string> path_of(std::string_view iri) const;
  /// The IRI a server path stands for (base + path without its leading "/").
  [[nodiscard]] std::string iri_of(std::string_view path) const;

  /// The path of the description document of a resource, without extension:
  /// "/doc/action/3.3.5" for a thing we mint, "/doc/legislation/32022R2065" for
  /// an act (by its CELEX or BWB number), "/def" for ontology terms; nullopt
  /// for resources the dataset does not describe.
  [[nodiscard]] std::optional<std::string> document_of(const rdf::Term& resource) const;
  /// The resource a document path describes (inverse of document_of).
  [[nodiscard]] std::optional<rdf::Term> resource_of_document(std::string_view path) const;

private:
  std::string base_;
  const rdf::Model& data_;
};

} // namespace wa::publish
