#include "sparql/negotiation.hpp"

#include "agenda/text.hpp"

#include <algorithm>

namespace wa::sparql {

namespace {

struct MediaRange {
  std::string type; ///< lower-case "type/subtype", "type/*" or "*/*"
  double quality = 1.0;
};

/// A qvalue (RFC 9110, section 12.4.2): digits with an optional decimal fraction,
/// at most 1. Anything else ("nan", "-1", "1e-3", hex) is malformed and counts as 1,
/// as a missing q does (std::stod took "nan", whose comparisons are all false).
double parse_quality(std::string_view value) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t at = 0;
  double quality = 0.0;
  for (; at < value.size() && digit(value[at]); ++at)
    quality = std::min(quality * 10 + (value[at] - '0'), 2.0);
  if (at == 0) return 1.0;
  if (at < value.size() && value[at] == '.') {
    double scale = 1.0;
    for (++at; at < value.size() && digit(value[at]); ++at) {
      scale /= 10;
      quality += (value[at] - '0') * scale;
    }
  }
  return at == value.size() ? std::min(quality, 1.0) : 1.0;
}

std::vector<MediaRange> parse_accept(std::string_view header) {
  std::vector<MediaRange> ranges;
  for (const std::string& item : agenda::split(header, ',')) {
    std::vector<std::string> parts = agenda::split(item, ';');
    MediaRange range{agenda::ascii_lower(agenda::trim(parts[0])), 1.0};
    if (range.type.empty()) continue;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      std::string parameter = agenda::trim(parts[i]);
      if (parameter.size() > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
          parameter[1] == '=') {
        range.quality = parse_quality(parameter.substr(2));
      }
    }
    ranges.push_back(range);
  }
  return ranges;
}

/// How specifically `range` names `media_type`: 3 exact, 2 type/*, 1 */*, 0 not at all.
int specificity(const std::string& range, const std::string& media_type) {
  if (range == media_type) return 3;
  if (range == "*/*") return 1;
  if (range.ends_with("/*") && media_type.starts_with(range.substr(0, range.size() - 1))) return 2;
  return 0;
}

/// The quality the header gives `media_type`: that of its most specific range.
double quality_of(const std::vector<MediaRange>& ranges, const std::string& media_type) {
  int best = 0;
  double quality = 0.0;
  for (const MediaRange& range : ranges) {
    int match = specificity(range.type, media_type);
    if (match > best) {
      best = match;
      quality = range.quality;
    }
  }
  return quality;
}

double quality_of(const std::vector<MediaRange>& ranges, const Format& format) {
  double quality = quality_of(ranges, format.media_type);
  for (const std::string& alias : format.aliases)
    quality = std::max(quality, quality_of(ranges, alias));
  return quality;
}

} // namespace

const std::vector<Format>& result_set_formats() {
  static const std::vector<Format> formats = {
      {"json", "application/sparql-results+json", {"application/json"}},
      {"xml", "application/sparql-results+xml", {"application/xml", "text/xml"}},
      {"csv", "text/csv", {}},
      {"tsv", "text/tab-separated-values", {}},
  };
  return formats;
}

const std::vector<Format>& graph_formats() {
  static const std::vector<Format> formats = {
      {"turtle", "text/turtle", {"application/x-turtle"}},
      {"ntriples", "application/n-triples", {"text/plain"}},
      {"rdfxml", "application/rdf+xml", {"application/xml", "text/xml"}},
      {"jsonld", "application/ld+json", {"application/json"}},
  };
  return formats;
}

std::optional<Format> negotiate(std::string_view accept, const std::vector<Format>& offered) {
  if (agenda::trim(accept).empty()) return offered.front();
  std::vector<MediaRange> ranges = parse_accept(accept);
  const Format* best = nullptr;
  double best_quality = 0.0;
  for (const Format& format : offered) {
    double quality = quality_of(ranges, format);
    if (quality > best_quality) {
      best = &format;
      best_quality = quality;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::optional<Format> format_named(std::string_view name, const std::vector<Format>& offered) {
  static const std::vector<std::pair<std::string, std::string>> synonyms = {
      {"ttl", "turtle"}, {"nt", "ntriples"},    {"n-triples", "ntriples"},
      {"rdf", "rdfxml"}, {"json-ld", "jsonld"}, {"srj", "json"},
      {"srx", "xml"}};
  std::string wanted = agenda::ascii_lower(name);
  for (const auto& [synonym, canonical] : synonyms) {
    if (wanted == synonym) wanted = canonical;
  }
  for (const Format& format : offered) {
    if (format.name == wanted || format.media_type == wanted) return format;
  }
  return std::nullopt;
}

bool prefers_html(std::string_view accept) {
  std::vector<MediaRange> ranges = parse_accept(accept);
  double html = std::max(quality_of(ranges, std::string("text/html")),
                         quality_of(ranges, std::string("application/xhtml+xml")));
  double turtle = quality_of(ranges, std::string("text/turtle"));
  // "*/*" alone gives both the same quality; only an explicit preference picks HTML.
  bool named = std::ranges::any_of(ranges, [](const MediaRange& range) {
    return range.type == "text/html" || range.type == "application/xhtml+xml";
  });
  return named && html > 0.0 && html >= turtle;
}

} // namespace wa::sparql
