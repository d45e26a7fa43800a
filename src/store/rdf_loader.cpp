#include "store/rdf_loader.hpp"

#include "store/file_readers.hpp"

#include <atomic>
#include <serd/serd.h>

namespace wa::store {

namespace detail {

std::string at(std::string_view name, std::size_t line, std::size_t column,
               std::string_view message) {
  return std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         std::string(message);
}

/// Blank node labels are scoped per file (an RDF merge): each load gets a
/// prefix of its own ("f12x"), so "_:a" of two files are two nodes. The
/// letter ends the number, so no two loads' labels can meet.
std::string next_blank_prefix() {
  static std::atomic<unsigned> loads{0};
  return "f" + std::to_string(++loads);
}

/// The file's own file:// URL, percent-encoded: the base of relative IRIs.
std::string file_url(const std::filesystem::path& file) {
  const std::string path = std::filesystem::absolute(file).lexically_normal().string();
  SerdNode url = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(path.c_str()), nullptr,
                                        nullptr, true);
  std::string text(reinterpret_cast<const char*>(url.buf), url.n_bytes);
  serd_node_free(&url);
  return text;
}

} // namespace detail

RdfSyntax syntax_of(const std::filesystem::path& file) {
  const std::string extension = file.extension().string();
  if (extension == ".ttl") return RdfSyntax::turtle;
  if (extension == ".nt") return RdfSyntax::ntriples;
  if (extension == ".nq") return RdfSyntax::nquads;
  if (extension == ".trig") return RdfSyntax::trig;
  if (extension == ".rdf" || extension == ".owl" || extension == ".xml") return RdfSyntax::rdfxml;
  throw LoadError(file.string() + ": unknown RDF syntax (.ttl .nt .nq .trig .rdf .owl .xml)");
}

std::size_t load_file(DatasetBuilder& builder, const std::filesystem::path& file,
                      const LoadTarget& target) {
  const RdfSyntax syntax = syntax_of(file);
  if (syntax == RdfSyntax::rdfxml) return detail::load_with_raptor(builder, file, target);
  return detail::load_with_serd(builder, file, target, syntax);
}

} // namespace wa::store
