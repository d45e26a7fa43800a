#include "publish/site.hpp"

#include "rdf/namespaces.hpp"

namespace wa::publish {

using rdf::Term;

namespace {

constexpr std::string_view legislation_documents = "/doc/legislation/";

} // namespace

Site::Site(std::string base, const rdf::Model& data) : base_(std::move(base)), data_(data) {}

std::optional<std::string> Site::path_of(std::string_view iri) const {
  if (!iri.starts_with(base_)) return std::nullopt;
  return "/" + std::string(iri.substr(base_.size()));
}

std::string Site::iri_of(std::string_view path) const {
  return base_ + std::string(path.starts_with('/') ? path.substr(1) : path);
}

std::optional<std::string> Site::document_of(const Term& resource) const {
  if (!resource.is_iri()) return std::nullopt;
  if (resource.value.starts_with(ns::wa)) return "/def";
  if (std::optional<std::string> path = path_of(resource.value);
      path && path->starts_with("/id/")) {
    if (data_.match(resource, {}, {}).empty()) return std::nullopt;
    return "/doc/" + path->substr(4);
  }
  std::optional<Term> local_id = data_.object(resource, Term::iri(ns::term(ns::eli, "id_local")));
  if (local_id) return std::string(legislation_documents) + local_id->value;
  return std::nullopt;
}

std::optional<Term> Site::resource_of_document(std::string_view path) const {
  if (path.starts_with(legislation_documents)) {
    const std::string id(path.substr(legislation_documents.size()));
    std::vector<Term> acts =
        data_.subjects(Term::iri(ns::term(ns::eli, "id_local")), Term::literal(id));
    if (acts.size() == 1) return acts.front();
    return std::nullopt;
  }
  if (!path.starts_with("/doc/")) return std::nullopt;
  Term resource = Term::iri(base_ + "id/" + std::string(path.substr(5)));
  if (data_.match(resource, {}, {}).empty()) return std::nullopt;
  return resource;
}

} // namespace wa::publish
