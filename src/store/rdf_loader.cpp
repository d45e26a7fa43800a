#include "store/rdf_loader.hpp"

#include "rdf/handles.hpp"

#include <raptor2.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <optional>

namespace wa::store {

namespace {

using FileHandle = std::unique_ptr<FILE, int (*)(FILE*)>;
using RaptorWorld = rdf::CHandle<raptor_world, raptor_free_world>;
using RaptorParser = rdf::CHandle<raptor_parser, raptor_free_parser>;
using RaptorUri = rdf::CHandle<raptor_uri, raptor_free_uri>;

constexpr std::size_t page_size = 1 << 16;

/// Blank node labels are scoped per file (an RDF merge): each load gets a
/// prefix of its own, so "_:a" of two files are two nodes.
std::string next_blank_prefix() {
  static std::atomic<unsigned> loads{0};
  return "f" + std::to_string(++loads) + "x";
}

std::string file_url(const std::filesystem::path& file) { return "file://" + file.string(); }

std::string text_of(const SerdNode* node) {
  return node == nullptr ? ""
                         : std::string(reinterpret_cast<const char*>(node->buf), node->n_bytes);
}

/// What the Serd callbacks share while one file is read.
struct SerdLoad {
  DatasetBuilder& builder;
  const LoadTarget& target;
  std::string name;
  rdf::SerdEnvHandle env;
  std::size_t statements = 0;
  std::string first_error;

  rdf::Term iri(const SerdNode* node) const {
    SerdNode expanded = serd_env_expand_node(env.get(), node);
    std::string value = expanded.buf != nullptr ? text_of(&expanded) : text_of(node);
    serd_node_free(&expanded);
    return rdf::Term::iri(value);
  }

  rdf::Term term(const SerdNode* node, const SerdNode* datatype, const SerdNode* lang) const {
    switch (node->type) {
    case SERD_BLANK: return rdf::Term::blank(text_of(node));
    case SERD_LITERAL:
      if (lang != nullptr && lang->buf != nullptr)
        return rdf::Term::literal(text_of(node), text_of(lang));
      if (datatype != nullptr && datatype->buf != nullptr)
        return rdf::Term::typed(text_of(node), iri(datatype).value);
      return rdf::Term::literal(text_of(node));
    default: return iri(node);
    }
  }

  static SerdStatus on_base(void* handle, const SerdNode* uri) {
    return serd_env_set_base_uri(static_cast<SerdLoad*>(handle)->env.get(), uri);
  }
  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
    return serd_env_set_prefix(static_cast<SerdLoad*>(handle)->env.get(), name, uri);
  }
  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                                 const SerdNode* subject, const SerdNode* predicate,
                                 const SerdNode* object, const SerdNode* datatype,
                                 const SerdNode* lang) {
    auto* load = static_cast<SerdLoad*>(handle);
    rdf::Triple triple{load->term(subject, nullptr, nullptr), load->iri(predicate),
                       load->term(object, datatype, lang)};
    std::string graph_iri = graph != nullptr && graph->buf != nullptr
                                ? load->term(graph, nullptr, nullptr).value
                                : load->target.graph_iri;
    if (graph_iri.empty()) {
      load->builder.add(triple);
    } else {
      load->builder.add(triple, graph_iri);
    }
    ++load->statements;
    return SERD_SUCCESS;
  }
  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto* load = static_cast<SerdLoad*>(handle);
    if (!load->first_error.empty()) return SERD_SUCCESS;
    char message[1024];
    va_list args;
    va_copy(args, *error->args);
    std::vsnprintf(message, sizeof message, error->fmt, args);
    va_end(args);
    std::string text = message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
      text.pop_back();
    load->first_error = load->name + ":" + std::to_string(error->line) + ":" +
                        std::to_string(error->col) + ": " + text;
    return SERD_SUCCESS;
  }
};

/// Hands Serd the file a page at a time, refusing a NUL byte (Serd would
/// take it for the end of the input and drop the rest without a word).
struct PagedFile {
  FileHandle file;
  std::size_t line = 1;
  std::optional<std::size_t> nul_line;

  static size_t read(void* buffer, size_t size, size_t count, void* stream) {
    auto* source = static_cast<PagedFile*>(stream);
    const size_t got = std::fread(buffer, size, count, source->file.get());
    const std::string_view page(static_cast<const char*>(buffer), got * size);
    for (std::size_t i = 0; i < page.size(); ++i) {
      if (page[i] == '\0') {
        source->nul_line = source->line;
        return i / size;
      }
      if (page[i] == '\n') ++source->line;
    }
    return got;
  }
  static int error(void* stream) {
    return std::ferror(static_cast<PagedFile*>(stream)->file.get());
  }
};

SerdSyntax serd_syntax(RdfSyntax syntax) {
  switch (syntax) {
  case RdfSyntax::ntriples: return SERD_NTRIPLES;
  case RdfSyntax::nquads: return SERD_NQUADS;
  case RdfSyntax::trig: return SERD_TRIG;
  default: return SERD_TURTLE;
  }
}

std::size_t load_with_serd(DatasetBuilder& builder, const std::filesystem::path& file,
                           const LoadTarget& target, RdfSyntax syntax) {
  PagedFile source{{std::fopen(file.c_str(), "rb"), &std::fclose}, 1, std::nullopt};
  if (!source.file) throw LoadError(file.string() + ": cannot open");
  const std::string base = target.base_iri.empty() ? file_url(file) : target.base_iri;
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  SerdLoad load{builder, target, file.string(), rdf::SerdEnvHandle(serd_env_new(&base_node)),
                0,       {}};
  rdf::SerdReaderHandle reader(serd_reader_new(serd_syntax(syntax), &load, nullptr,
                                               SerdLoad::on_base, SerdLoad::on_prefix,
                                               SerdLoad::on_statement, nullptr));
  serd_reader_set_error_sink(reader.get(), SerdLoad::on_error, &load);
  serd_reader_set_strict(reader.get(), true);
  const std::string prefix = next_blank_prefix();
  serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(prefix.c_str()));
  if (!target.graph_iri.empty()) builder.add_graph(target.graph_iri);
  const SerdStatus status =
      serd_reader_read_source(reader.get(), &PagedFile::read, &PagedFile::error, &source,
                              reinterpret_cast<const uint8_t*>(load.name.c_str()), page_size);
  if (source.nul_line) {
    throw LoadError(load.name + ":" + std::to_string(*source.nul_line) +
                    ": a NUL byte (RDF text may not hold one)");
  }
  if (!load.first_error.empty()) throw LoadError(load.first_error);
  // SERD_FAILURE: nothing to read (an empty file), which is no triples.
  if (status != SERD_SUCCESS && !(status == SERD_FAILURE && PagedFile::error(&source) == 0)) {
    throw LoadError(load.name + ": " + reinterpret_cast<const char*>(serd_strerror(status)));
  }
  return load.statements;
}

/// What the raptor callbacks share while one RDF/XML file is read.
struct RaptorLoad {
  DatasetBuilder& builder;
  const LoadTarget& target;
  std::string name;
  std::string blank_prefix;
  std::size_t statements = 0;
  std::string first_error;

  rdf::Term term(const raptor_term* node) const {
    switch (node->type) {
    case RAPTOR_TERM_TYPE_URI:
      return rdf::Term::iri(reinterpret_cast<const char*>(raptor_uri_as_string(node->value.uri)));
    case RAPTOR_TERM_TYPE_BLANK:
      return rdf::Term::blank(blank_prefix +
                              reinterpret_cast<const char*>(node->value.blank.string));
    default: break;
    }
    const raptor_term_literal_value& literal = node->value.literal;
    const std::string text(reinterpret_cast<const char*>(literal.string), literal.string_len);
    if (literal.language != nullptr && literal.language_len > 0) {
      return rdf::Term::literal(text, reinterpret_cast<const char*>(literal.language));
    }
    if (literal.datatype != nullptr) {
      return rdf::Term::typed(
          text, reinterpret_cast<const char*>(raptor_uri_as_string(literal.datatype)));
    }
    return rdf::Term::literal(text);
  }

  static void on_statement(void* handle, raptor_statement* statement) {
    auto* load = static_cast<RaptorLoad*>(handle);
    rdf::Triple triple{load->term(statement->subject), load->term(statement->predicate),
                       load->term(statement->object)};
    if (load->target.graph_iri.empty()) {
      load->builder.add(triple);
    } else {
      load->builder.add(triple, load->target.graph_iri);
    }
    ++load->statements;
  }
  static void on_log(void* handle, raptor_log_message* message) {
    auto* load = static_cast<RaptorLoad*>(handle);
    if (message->level < RAPTOR_LOG_LEVEL_ERROR || !load->first_error.empty()) return;
    const int line = message->locator != nullptr ? message->locator->line : 0;
    const int column = message->locator != nullptr ? message->locator->column : 0;
    load->first_error = load->name + ":" + std::to_string(line) + ":" +
                        std::to_string(column < 0 ? 0 : column) + ": " + message->text;
  }
};

/// RDF/XML through raptor, which must read nothing but the file: no
/// network, no other file, no external XML entities.
std::size_t load_with_raptor(DatasetBuilder& builder, const std::filesystem::path& file,
                             const LoadTarget& target) {
  FileHandle input(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!input) throw LoadError(file.string() + ": cannot open");
  RaptorWorld world(raptor_new_world());
  RaptorLoad load{builder, target, file.string(), next_blank_prefix(), 0, {}};
  raptor_world_set_log_handler(world.get(), &load, RaptorLoad::on_log);
  RaptorParser parser(raptor_new_parser(world.get(), "rdfxml"));
  if (!parser) throw LoadError(file.string() + ": no RDF/XML parser");
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_NET, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_NO_FILE, nullptr, 1);
  raptor_parser_set_option(parser.get(), RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nullptr, 0);
  raptor_parser_set_statement_handler(parser.get(), &load, RaptorLoad::on_statement);
  const std::string base = target.base_iri.empty() ? file_url(file) : target.base_iri;
  RaptorUri base_uri(
      raptor_new_uri(world.get(), reinterpret_cast<const unsigned char*>(base.c_str())));
  if (!target.graph_iri.empty()) builder.add_graph(target.graph_iri);
  raptor_parser_parse_start(parser.get(), base_uri.get());
  std::string page(page_size, '\0');
  for (;;) {
    const std::size_t got = std::fread(page.data(), 1, page.size(), input.get());
    raptor_parser_parse_chunk(parser.get(), reinterpret_cast<const unsigned char*>(page.data()),
                              got, got == 0 ? 1 : 0);
    if (!load.first_error.empty()) throw LoadError(load.first_error);
    if (got == 0) break;
  }
  return load.statements;
}

} // namespace

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
  if (syntax == RdfSyntax::rdfxml) return load_with_raptor(builder, file, target);
  return load_with_serd(builder, file, target, syntax);
}

} // namespace wa::store
