// A query's identity apart from how it is laid out: two texts with the same
// tokens (whatever their comments, spaces and line breaks) are the same query.
#pragma once

#include <cstddef>
#include <string_view>

namespace wa::query {

/// A hash of the query's tokens, kind and text, after `seed` (a hash of
/// whatever else identifies the use of the query); for text that is no
/// query, of the text itself.
[[nodiscard]] std::size_t fingerprint(std::string_view text, std::size_t seed = 0);

} // namespace wa::query
