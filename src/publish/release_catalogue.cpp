#include "publish/release_catalogue.hpp"

#include "rdf/namespaces.hpp"

#include <optional>
#include <set>

namespace wa::publish {

namespace {

using rdf::Term;

Term dcat(std::string_view local) { return Term::iri(ns::term(ns::dcat, local)); }

/// The IRIs of a release's own catalogue that name that release's own things,
/// renamed to what they are in the current catalogue: its dataset and the
/// dataset's own nodes (<dataset#provenance>, its distributions and their
/// checksums) under <dataset/release/VERSION>, its dumps under <dump/VERSION/>.
class ReleaseRenaming {
public:
  ReleaseRenaming(const std::string& base, const std::string& version)
      : dataset_(base + "dataset"), release_(base + "dataset/release/" + version),
        dumps_(base + "dump/"), release_dumps_(base + "dump/" + version + "/") {}

  /// Whether `iri` is the dataset or one of its own nodes (not an earlier release's).
  [[nodiscard]] bool is_own(std::string_view iri) const {
    if (!iri.starts_with(dataset_)) return false;
    const std::string_view rest = iri.substr(dataset_.size());
    return rest.empty() || rest.starts_with('#') || rest.starts_with("/distribution/");
  }
  /// Whether `iri` is the URL of one of the release's dumps, {base}dump/NAME.
  [[nodiscard]] bool is_dump(std::string_view iri) const {
    return iri.starts_with(dumps_) && iri.find('/', dumps_.size()) == std::string_view::npos;
  }
  [[nodiscard]] std::string renamed(const std::string& iri) const {
    if (is_own(iri)) return release_ + iri.substr(dataset_.size());
    if (is_dump(iri)) return release_dumps_ + iri.substr(dumps_.size());
    return iri;
  }
  [[nodiscard]] Term renamed(const Term& term) const {
    if (term.is_iri()) return Term::iri(renamed(term.value));
    // The dataset's dct:identifier: its IRI as a plain string.
    const bool plain = term.language.empty() &&
                       (term.datatype.empty() || term.datatype == ns::term(ns::xsd, "string"));
    if (term.is_literal() && plain && is_own(term.value)) return Term::literal(renamed(term.value));
    return term;
  }

private:
  std::string dataset_;
  std::string release_;
  std::string dumps_;
  std::string release_dumps_;
};

/// Links between versions are made anew from the releases at hand, never
/// copied: a release's catalogue knew only the releases before it.
bool is_version_link(const Term& predicate) {
  return predicate == dcat("previousVersion") || predicate == dcat("hasVersion") ||
         predicate == dcat("isVersionOf") || predicate == dcat("hasCurrentVersion");
}

/// Only the distributions of the release's dumps, which the server holds and
/// serves as that release; not the source text, whose URL serves the current one.
bool is_dump_distribution(const Release& release, const ReleaseRenaming& renaming,
                          const Term& distribution) {
  const auto url = release.catalogue.object(distribution, dcat("downloadURL"));
  return url && renaming.is_dump(url->value);
}

/// The description the release's catalogue gives its dataset, renamed: the
/// dataset's triples, and those of every node they lead to that is the
/// release's own or that the current catalogue does not describe (a publisher
/// the operator has since replaced, say). Shared nodes (themes, licence,
/// contact point) keep the current catalogue's description.
void copy_description(rdf::Model& out, const Release& release, const ReleaseRenaming& renaming,
                      const Term& dataset) {
  std::vector<Term> pending{dataset};
  std::set<Term> visited{dataset};
  while (!pending.empty()) {
    const Term node = pending.back();
    pending.pop_back();
    for (const rdf::Triple& triple : release.catalogue.match(node, {}, {})) {
      if (is_version_link(triple.predicate)) continue;
      if (triple.predicate == dcat("distribution") &&
          !is_dump_distribution(release, renaming, triple.object))
        continue;
      out.add(renaming.renamed(triple.subject), triple.predicate, renaming.renamed(triple.object));
      const Term& next = triple.object;
      if (next.is_literal() || !visited.insert(next).second) continue;
      if (renaming.is_own(next.value) || out.match(next, {}, {}).empty()) pending.push_back(next);
    }
  }
}

} // namespace

void add_earlier_releases(rdf::Model& catalogue, const std::string& base,
                          const std::vector<Release>& earlier) {
  const Term catalogue_node = Term::iri(base + "catalogue");
  const Term current = Term::iri(base + "dataset");
  std::optional<Term> previous;
  for (const Release& release : earlier) {
    const ReleaseRenaming renaming(base, release.facts.version);
    const Term node = Term::iri(renaming.renamed(current.value));
    copy_description(catalogue, release, renaming, current);
    catalogue.add(catalogue_node, dcat("dataset"), node);
    catalogue.add(current, dcat("hasVersion"), node);
    catalogue.add(node, dcat("isVersionOf"), current);
    if (previous) catalogue.add(node, dcat("previousVersion"), *previous);
    previous = node;
  }
  if (previous) catalogue.add(current, dcat("previousVersion"), *previous);
}

} // namespace wa::publish
