#include "query/fingerprint.hpp"

#include "query/parser.hpp"
#include "query/tokenizer.hpp"

#include <functional>
#include <string>

namespace wa::query {

namespace {

/// boost::hash_combine's mixing step.
std::size_t combined(std::size_t seed, std::size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6U) + (seed >> 2U));
}

} // namespace

std::size_t fingerprint(std::string_view text, std::size_t seed) {
  std::size_t hash = seed;
  try {
    Tokenizer tokens(text);
    for (Token token = tokens.next(); token.kind != Token::Kind::end; token = tokens.next()) {
      hash = combined(hash, static_cast<std::size_t>(token.kind));
      hash = combined(hash, std::hash<std::string>{}(token.text));
    }
  } catch (const SyntaxError&) {
    return combined(seed, std::hash<std::string_view>{}(text));
  }
  return hash;
}

} // namespace wa::query
