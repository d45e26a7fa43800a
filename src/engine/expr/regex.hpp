// REGEX and REPLACE (XPath fn:matches, fn:replace) with PCRE2: XPath flags
// mapped to PCRE2 options, XPath's replacement syntax, and limits on each
// match against catastrophic backtracking.
#pragma once

#include <string>
#include <string_view>

namespace wa::engine {

[[nodiscard]] bool regex_matches(std::string_view text, std::string_view pattern,
                                 std::string_view flags);
[[nodiscard]] std::string regex_replace(std::string_view text, std::string_view pattern,
                                        std::string_view replacement, std::string_view flags);

} // namespace wa::engine
