// The readers behind load_file, one per parser library, and what they share:
// blank-node scoping per file, the file's own base IRI, and errors that name
// file:line:column.
#pragma once

#include "store/rdf_loader.hpp"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wa::store::detail {

/// Files are handed to the parsers a page at a time.
constexpr std::size_t page_size = 1 << 16;

/// A term the dataset cannot hold (an undefined prefix, a blank graph name):
/// raised inside a parser's callback, reported with the input's position.
class BadTerm : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// "name:line:column: message".
std::string at(std::string_view name, std::size_t line, std::size_t column,
               std::string_view message);

/// Blank node labels are scoped per file (an RDF merge): each load gets a
/// prefix of its own, so "_:a" of two files are two nodes.
std::string next_blank_prefix();

/// The file's own file:// URL, percent-encoded: the base of relative IRIs.
std::string file_url(const std::filesystem::path& file);

/// Turtle, N-Triples, N-Quads and TriG through Serd (serd_file_reader.cpp).
std::size_t load_with_serd(DatasetBuilder& builder, const std::filesystem::path& file,
                           const LoadTarget& target, RdfSyntax syntax);

/// RDF/XML through Redland's raptor, reading nothing but the file
/// (rdfxml_file_reader.cpp).
std::size_t load_with_raptor(DatasetBuilder& builder, const std::filesystem::path& file,
                             const LoadTarget& target);

} // namespace wa::store::detail
