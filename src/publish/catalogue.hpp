// The DCAT-AP 3.0.1 / DCAT-AP-NL 3.0 catalogue of the dataset: the curated
// part (data/curated/catalogue.ttl: catalogue, dataset, SPARQL service,
// publisher, contact point, themes, licence, ...) plus what the build knows:
// one distribution per whole-dataset dump with its size and SHA-256 checksum,
// identifiers, and the modification date; the source text the dataset is
// imported from, as one more distribution with its checksum; the
// operator's publisher, when given (whoever runs the server publishes); and
// the earlier releases, when kept (publish/release_catalogue.hpp).
//
// The catalogue is not part of the dumps it describes (its checksums would
// depend on themselves) and not part of the dataset that `validate` checks.
#pragma once

#include "publish/dumps.hpp"
#include "publish/release.hpp"
#include "rdf/model.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wa::publish {

/// Who publishes the dataset: the operator of the server. An empty field keeps
/// the curated default, the project werkagenda-ld (<{base}catalogue#werkagenda-ld>).
struct Publisher {
  std::string name;  ///< foaf:name of the publisher and vcard:fn of the contact point
  std::string iri;   ///< absolute IRI; with only a name given: {base}catalogue#publisher
  std::string email; ///< the contact point's vcard:hasEmail (mailto: added)

  [[nodiscard]] bool is_default() const { return name.empty() && iri.empty() && email.empty(); }
};

/// The curated catalogue with `publisher` as publisher, rights holder and
/// contact point where the curated file names the project; the project stays
/// the creator. Throws std::invalid_argument on an IRI that is not absolute
/// or an e-mail address without "@".
[[nodiscard]] rdf::Model with_publisher(const rdf::Model& curated, const std::string& base,
                                        const Publisher& publisher);

/// The Turtle prefixes a catalogue is written with, beside the usual ones.
[[nodiscard]] const std::vector<std::pair<std::string, std::string>>& catalogue_prefixes();

/// `curated` is data/curated/catalogue.ttl read with `base` (and given its
/// publisher by with_publisher). `source_text`, when given, becomes one more
/// distribution, downloaded from {base}source/NAME. `earlier` (earliest first)
/// are the releases before this one that are kept.
[[nodiscard]] rdf::Model catalogue(const rdf::Model& curated, const std::string& base,
                                   const std::vector<DumpFile>& dumps,
                                   const std::optional<DumpFile>& source_text = std::nullopt,
                                   const std::vector<Release>& earlier = {});

} // namespace wa::publish
