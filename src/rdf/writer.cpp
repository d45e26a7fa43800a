#include "rdf/writer.hpp"

#include "rdf/namespaces.hpp"

#include <stdexcept>

namespace wa::rdf {

namespace {

using Sink = std::function<void(std::string_view)>;

size_t pass_to_sink(const void* buf, size_t len, void* stream) {
  (*static_cast<const Sink*>(stream))(std::string_view(static_cast<const char*>(buf), len));
  return len;
}

SerdNode serd_string(SerdType type, const std::string& text) {
  return serd_node_from_string(type, reinterpret_cast<const uint8_t*>(text.c_str()));
}

/// Writes one statement; the strings live in `triple` for the whole call.
void write_statement(SerdWriter* writer, const Triple& triple, const SerdNode* graph) {
  auto node_of = [](const Term& term) {
    return serd_string(term.is_iri() ? SERD_URI : (term.is_blank() ? SERD_BLANK : SERD_LITERAL),
                       term.value);
  };
  SerdNode subject = node_of(triple.subject);
  SerdNode predicate = node_of(triple.predicate);
  SerdNode object = node_of(triple.object);
  SerdNode datatype = serd_string(SERD_URI, triple.object.datatype);
  SerdNode language = serd_string(SERD_LITERAL, triple.object.language);
  SerdStatus status =
      serd_writer_write_statement(writer, 0, graph, &subject, &predicate, &object,
                                  triple.object.datatype.empty() ? nullptr : &datatype,
                                  triple.object.language.empty() ? nullptr : &language);
  if (status != SERD_SUCCESS) {
    throw std::runtime_error("cannot write " + triple.subject.to_ntriples() + " " +
                             triple.predicate.to_ntriples() + " " + triple.object.to_ntriples());
  }
}

using Prefixes = std::vector<std::pair<std::string, std::string>>;

void write(const Model& model, SerdSyntax syntax, SerdStyle style, const Sink& sink,
           const std::string& graph_iri = {}, const Prefixes& extra_prefixes = {}) {
  SerdEnvHandle env(serd_env_new(nullptr));
  // Serd's callback gets the sink by address; it outlives the writer.
  SerdWriterHandle writer(
      serd_writer_new(syntax, style, env.get(), nullptr, pass_to_sink, const_cast<Sink*>(&sink)));
  if (syntax == SERD_TURTLE) {
    for (const Prefixes* list : {&ns::turtle_prefixes(), &extra_prefixes}) {
      for (const auto& [prefix, iri] : *list) {
        SerdNode name = serd_string(SERD_LITERAL, prefix);
        SerdNode uri = serd_string(SERD_URI, iri);
        serd_env_set_prefix(env.get(), &name, &uri);
        serd_writer_set_prefix(writer.get(), &name, &uri);
      }
    }
  }
  SerdNode graph = serd_string(SERD_URI, graph_iri);
  model.for_each_triple([&](const Triple& triple) {
    write_statement(writer.get(), triple, graph_iri.empty() ? nullptr : &graph);
  });
  serd_writer_finish(writer.get());
}

/// The whole serialisation as one string.
std::string written(const Model& model, SerdSyntax syntax, SerdStyle style,
                    const std::string& graph_iri = {}, const Prefixes& extra_prefixes = {}) {
  std::string out;
  write(
      model, syntax, style, [&out](std::string_view piece) { out += piece; }, graph_iri,
      extra_prefixes);
  return out;
}

} // namespace

std::string to_turtle(const Model& model) {
  return written(model, SERD_TURTLE,
                 static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED));
}

std::string to_turtle(const Model& model, const Prefixes& extra_prefixes) {
  return written(model, SERD_TURTLE,
                 static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED), {},
                 extra_prefixes);
}

std::string to_ntriples(const Model& model) {
  return written(model, SERD_NTRIPLES, static_cast<SerdStyle>(0));
}

std::string to_nquads(const Model& model, const std::string& graph_iri) {
  return written(model, SERD_NQUADS, static_cast<SerdStyle>(0), graph_iri);
}

void write_nquads(const Model& model, const std::string& graph_iri, const Sink& sink) {
  write(model, SERD_NQUADS, static_cast<SerdStyle>(0), sink, graph_iri);
}

} // namespace wa::rdf
