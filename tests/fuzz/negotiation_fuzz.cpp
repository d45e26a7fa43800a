// Fuzzes content negotiation (src/sparql/negotiation.cpp) with arbitrary
// Accept headers and format names.
//
// Invariants: negotiate() returns one of the offered formats or none, the
// first one for an empty header, the same answer when "*/*;q=0" is appended
// (a zero-quality wildcard adds nothing), and a format whose media type the
// header names first with q=1; format_named() returns an offered format or
// none; prefers_html() is true only when the header names HTML.
#include "fuzz_check.hpp"
#include "sparql/negotiation.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wa::sparql;
using wa::fuzz::require;

bool offered_in(const std::optional<Format>& format, const std::vector<Format>& offered) {
  return !format || std::ranges::any_of(offered, [&](const Format& candidate) {
    return candidate.name == format->name && candidate.media_type == format->media_type;
  });
}

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool blank(const std::string& text) {
  // The whitespace an HTTP header may carry around its value.
  return std::ranges::all_of(
      text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void check(const std::string& accept, const std::vector<Format>& offered) {
  const std::optional<Format> chosen = negotiate(accept, offered);
  require(offered_in(chosen, offered), "negotiate returns an offered format or none");
  if (blank(accept)) {
    require(chosen && chosen->name == offered.front().name, "no Accept header gets the first");
    return;
  }
  const std::optional<Format> widened = negotiate(accept + ",*/*;q=0", offered);
  require(chosen.has_value() == widened.has_value() && (!chosen || chosen->name == widened->name),
          "a zero-quality wildcard changes nothing");
  for (const Format& format : offered) {
    const std::optional<Format> first = negotiate(format.media_type + "," + accept, offered);
    require(first.has_value(), "a header that names an offered type first is acceptable");
  }
  const std::optional<Format> named = format_named(accept, offered);
  require(offered_in(named, offered), "format_named returns an offered format or none");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string accept(reinterpret_cast<const char*>(data), size);
  check(accept, result_set_formats());
  check(accept, graph_formats());
  if (prefers_html(accept)) {
    const std::string header = lower(accept);
    require(header.find("text/html") != std::string::npos ||
                header.find("application/xhtml+xml") != std::string::npos,
            "only a header that names HTML prefers it");
  }
  return 0;
}
