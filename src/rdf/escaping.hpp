// Escaping text for the syntaxes the project writes: JSON strings and XML
// (also HTML) character data and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace wa::rdf {

/// A JSON string literal (with quotes), escaping what RFC 8259 requires.
[[nodiscard]] std::string json_string(std::string_view text);
/// Text escaped for XML/HTML character data and attribute values. Throws for
/// control characters that XML 1.0 cannot carry: refusing beats altering a value.
[[nodiscard]] std::string xml_escape(std::string_view text);

} // namespace wa::rdf
