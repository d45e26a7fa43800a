// IRI references resolved against a base, as RFC 3986 section 5.2 says
// (dot segments removed): what BASE and relative IRIs in a query mean.
#pragma once

#include <string>
#include <string_view>

namespace wa::query {

/// Whether `iri` starts with a scheme ("http:", "urn:", ...).
[[nodiscard]] bool has_scheme(std::string_view iri);

/// `reference` resolved against `base`; a reference with a scheme is
/// returned as written; an empty base leaves a relative reference as it is.
[[nodiscard]] std::string resolve_iri(std::string_view reference, std::string_view base);

} // namespace wa::query
