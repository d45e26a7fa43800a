// Earlier releases in the DCAT-AP catalogue, as DCAT 3 (section 11.2) models
// versions: each earlier release a dcat:Dataset of its own,
// <{base}dataset/release/VERSION>, described as that release's own catalogue
// described <{base}dataset> (titles, dates, dcat:version, adms:versionNotes,
// publisher, ...), with the distributions of its dumps, now at
// {base}dump/VERSION/NAME; the version chain, dcat:previousVersion from
// <{base}dataset> (the current release) back to the earliest; and the version
// hierarchy, <{base}dataset> dcat:hasVersion each release, which says
// dcat:isVersionOf back. The catalogue lists each release with dcat:dataset.
#pragma once

#include "publish/release.hpp"
#include "rdf/model.hpp"

#include <string>
#include <vector>

namespace wa::publish {

/// Adds `earlier` (earliest first) to `catalogue`, the current release's catalogue.
void add_earlier_releases(rdf::Model& catalogue, const std::string& base,
                          const std::vector<Release>& earlier);

} // namespace wa::publish
