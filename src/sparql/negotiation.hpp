// Content negotiation: picks a result format from an Accept header (with
// q-values and wildcards, RFC 9110 section 12.5.1) or from a format name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wa::sparql {

struct Format {
  std::string name;                 ///< short name, as in ?format=json
  std::string media_type;           ///< e.g. application/sparql-results+json
  std::vector<std::string> aliases; ///< other media types that select it
};

/// Formats for SELECT and ASK results, in the server's order of preference.
const std::vector<Format>& result_set_formats();
/// Formats for CONSTRUCT results.
const std::vector<Format>& graph_formats();

/// The best of `offered` for `accept`; an empty header accepts the first.
/// nullopt when nothing offered is acceptable (406).
[[nodiscard]] std::optional<Format> negotiate(std::string_view accept,
                                              const std::vector<Format>& offered);

/// The offered format with this short name (?format=...), if any.
[[nodiscard]] std::optional<Format> format_named(std::string_view name,
                                                 const std::vector<Format>& offered);

/// "text/html" wins over the SPARQL formats: a browser is asking.
[[nodiscard]] bool prefers_html(std::string_view accept);

} // namespace wa::sparql
