#include "query/iri.hpp"

#include <cctype>
#include <optional>

namespace wa::query {

namespace {

struct Parts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;
};

Parts split(std::string_view iri) {
  Parts parts;
  if (auto hash = iri.find('#'); hash != std::string_view::npos) {
    parts.fragment = std::string(iri.substr(hash + 1));
    iri = iri.substr(0, hash);
  }
  if (auto question = iri.find('?'); question != std::string_view::npos) {
    parts.query = std::string(iri.substr(question + 1));
    iri = iri.substr(0, question);
  }
  if (has_scheme(iri)) {
    const auto colon = iri.find(':');
    parts.scheme = std::string(iri.substr(0, colon));
    iri = iri.substr(colon + 1);
  }
  if (iri.starts_with("//")) {
    const auto slash = iri.find('/', 2);
    parts.authority =
        std::string(iri.substr(2, slash == std::string_view::npos ? iri.npos : slash - 2));
    iri = slash == std::string_view::npos ? std::string_view{} : iri.substr(slash);
  }
  parts.path = std::string(iri);
  return parts;
}

/// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.erase(0, 3);
    } else if (input.starts_with("./")) {
      input.erase(0, 2);
    } else if (input.starts_with("/./")) {
      input.erase(0, 2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input == "/.." ? "/" : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const auto next = input.find('/', input.front() == '/' ? 1 : 0);
      output += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return output;
}

std::string merge(const Parts& base, const std::string& path) {
  if (base.authority && base.path.empty()) return "/" + path;
  const auto last = base.path.rfind('/');
  return last == std::string::npos ? path : base.path.substr(0, last + 1) + path;
}

std::string compose(const Parts& parts) {
  std::string out;
  if (parts.scheme) out += *parts.scheme + ":";
  if (parts.authority) out += "//" + *parts.authority;
  out += parts.path;
  if (parts.query) out += "?" + *parts.query;
  if (parts.fragment) out += "#" + *parts.fragment;
  return out;
}

} // namespace

bool has_scheme(std::string_view iri) {
  if (iri.empty() || !std::isalpha(static_cast<unsigned char>(iri.front()))) return false;
  for (char c : iri) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

std::string resolve_iri(std::string_view reference, std::string_view base_iri) {
  // An absolute IRI is taken as written: IRIs are compared character by
  // character, and the data's IRIs are not normalised either.
  if (has_scheme(reference)) return std::string(reference);
  const Parts ref = split(reference);
  if (base_iri.empty()) return std::string(reference);
  const Parts base = split(base_iri);
  Parts target;
  target.scheme = base.scheme;
  target.fragment = ref.fragment;
  if (ref.authority) {
    target.authority = ref.authority;
    target.path = remove_dot_segments(ref.path);
    target.query = ref.query;
    return compose(target);
  }
  target.authority = base.authority;
  if (ref.path.empty()) {
    target.path = base.path;
    target.query = ref.query ? ref.query : base.query;
  } else {
    target.path = remove_dot_segments(ref.path.front() == '/' ? ref.path : merge(base, ref.path));
    target.query = ref.query;
  }
  return compose(target);
}

} // namespace wa::query
