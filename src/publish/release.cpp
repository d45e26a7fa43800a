#include "publish/release.hpp"

#include "rdf/namespaces.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace wa::publish {

namespace {

using rdf::Term;

/// A part of a version: digits, without a leading zero ("01" and "1" would name one release twice).
bool read_number(std::string_view part, unsigned long& number) {
  if (part.empty() || (part.size() > 1 && part.front() == '0')) return false;
  const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
  return error == std::errc() && end == part.data() + part.size();
}

/// The three numbers of a version; nullopt if `text` is not one.
std::optional<std::array<unsigned long, 3>> version_numbers(std::string_view text) {
  std::array<unsigned long, 3> numbers{};
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const std::size_t dot = text.find('.');
    const bool last = i + 1 == numbers.size();
    if (last != (dot == std::string_view::npos)) return std::nullopt;
    if (!read_number(text.substr(0, dot), numbers[i])) return std::nullopt;
    text.remove_prefix(last ? text.size() : dot + 1);
  }
  return numbers;
}

} // namespace

ReleaseFacts release_of(const rdf::Model& catalogue, const std::string& base) {
  const Term dataset = Term::iri(base + "dataset");
  ReleaseFacts facts;
  if (auto version = catalogue.object(dataset, Term::iri(ns::term(ns::dcat, "version"))))
    facts.version = version->value;
  auto date = catalogue.object(dataset, Term::iri(ns::term(ns::dcterms, "modified")));
  if (!date) date = catalogue.object(dataset, Term::iri(ns::term(ns::dcterms, "issued")));
  if (!date) throw std::runtime_error("the catalogue gives " + dataset.value + " no date");
  facts.date = date->value;
  return facts;
}

bool is_version(std::string_view text) { return version_numbers(text).has_value(); }

bool is_earlier_version(std::string_view a, std::string_view b) {
  return version_numbers(a).value() < version_numbers(b).value();
}

} // namespace wa::publish
