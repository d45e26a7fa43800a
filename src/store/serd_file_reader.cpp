#include "rdf/handles.hpp"
#include "rdf/turtle_reader.hpp"
#include "store/file_readers.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>
#include <utility>

namespace wa::store::detail {

namespace {

std::string_view text_of(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

// Turtle, N-Triples, N-Quads and TriG through Serd

/// Hands Serd the file a page at a time, keeping count of lines and columns,
/// and stops at a NUL byte (Serd would take it for the end of the input and
/// drop the rest without a word). Read a byte at a time, the position of the
/// last byte handed over is where Serd is.
struct PagedFile {
  rdf::FileHandle file;
  std::size_t line = 1;
  std::size_t column = 0; ///< bytes of the current line handed over so far
  std::pair<std::size_t, std::size_t> last_byte{1, 0};
  std::optional<std::pair<std::size_t, std::size_t>> nul_at;

  void pass(std::string_view text) {
    if (text.size() == 1) last_byte = {line, column + 1};
    const auto newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (newlines == 0) {
      column += text.size();
    } else {
      line += newlines;
      column = text.size() - text.rfind('\n') - 1;
    }
  }

  static size_t read(void* buffer, size_t size, size_t count, void* stream) {
    auto* source = static_cast<PagedFile*>(stream);
    const size_t got = std::fread(buffer, size, count, source->file.get());
    const std::string_view page(static_cast<const char*>(buffer), got * size);
    if (const std::size_t nul = page.find('\0'); nul != std::string_view::npos) {
      source->pass(page.substr(0, nul));
      source->nul_at = {source->line, source->column + 1};
      return nul / size; // Serd reads up to the NUL; the load refuses the file
    }
    source->pass(page);
    return got;
  }
  static int error(void* stream) {
    return std::ferror(static_cast<PagedFile*>(stream)->file.get());
  }
};

/// What the Serd callbacks share while one file is read. Without a builder
/// the statements are only checked (to find where a bad one is).
struct SerdLoad {
  DatasetBuilder* builder;
  const LoadTarget& target;
  std::string name;
  std::string blank_prefix;
  rdf::SerdEnvHandle env;
  std::size_t statements = 0;
  std::string syntax_error;     ///< Serd's first error, with its position
  std::string statement_error;  ///< a BadTerm, still without a position
  std::exception_ptr exception; ///< anything else the callbacks met

  rdf::Term iri(const SerdNode* node) const {
    // An absolute IRI is taken as written, without the cost of resolving it.
    if (node->type == SERD_URI && serd_uri_string_has_scheme(node->buf))
      return rdf::Term::iri(text_of(node));
    SerdNode expanded = serd_env_expand_node(env.get(), node);
    if (expanded.buf == nullptr) {
      throw BadTerm(node->type == SERD_CURIE
                        ? "undefined prefix in " + std::string(text_of(node))
                        : "cannot resolve the IRI <" + std::string(text_of(node)) + ">");
    }
    rdf::Term term = rdf::Term::iri(text_of(&expanded));
    serd_node_free(&expanded);
    return term;
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

  std::string graph_of(const SerdNode* graph) const {
    if (graph == nullptr || graph->buf == nullptr) return target.graph_iri;
    if (graph->type == SERD_BLANK) {
      throw BadTerm("a blank node names a graph (the dataset's graphs are named by IRIs)");
    }
    return iri(graph).value;
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
    try {
      const rdf::Triple triple{load->term(subject, nullptr, nullptr), load->iri(predicate),
                               load->term(object, datatype, lang)};
      const std::string graph_iri = load->graph_of(graph);
      if (load->builder != nullptr) {
        if (graph_iri.empty()) {
          load->builder->add(triple);
        } else {
          load->builder->add(triple, graph_iri);
        }
      }
      ++load->statements;
      return SERD_SUCCESS;
    } catch (const BadTerm& error) {
      load->statement_error = error.what();
    } catch (...) {
      load->exception = std::current_exception();
    }
    return SERD_ERR_BAD_ARG; // strict: Serd stops here
  }
  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto* load = static_cast<SerdLoad*>(handle);
    if (load->syntax_error.empty())
      load->syntax_error = rdf::serd_error_message(load->name, *error);
    return SERD_SUCCESS;
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

/// One pass of Serd over the file: into `builder`, or (null) only checking.
/// `pages` false hands Serd one byte at a time, so that the file's position
/// is Serd's when a statement is refused.
void read_with_serd(SerdLoad& load, PagedFile& source, const std::string& base, RdfSyntax syntax,
                    bool pages) {
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  load.env.reset(serd_env_new(&base_node));
  rdf::SerdReaderHandle reader(serd_reader_new(serd_syntax(syntax), &load, nullptr,
                                               SerdLoad::on_base, SerdLoad::on_prefix,
                                               SerdLoad::on_statement, nullptr));
  serd_reader_set_error_sink(reader.get(), SerdLoad::on_error, &load);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_add_blank_prefix(reader.get(),
                               reinterpret_cast<const uint8_t*>(load.blank_prefix.c_str()));
  const SerdStatus status = serd_reader_read_source(
      reader.get(), &PagedFile::read, &PagedFile::error, &source,
      reinterpret_cast<const uint8_t*>(load.name.c_str()), pages ? page_size : 1);
  if (load.exception) std::rethrow_exception(load.exception);
  if (source.nul_at) {
    throw LoadError(at(load.name, source.nul_at->first, source.nul_at->second,
                       "a NUL byte (RDF text may not hold one)"));
  }
  if (!load.statement_error.empty()) return; // the caller finds where
  if (!load.syntax_error.empty()) throw LoadError(load.syntax_error);
  if (PagedFile::error(&source) != 0) throw LoadError(load.name + ": cannot read");
  // SERD_FAILURE: nothing to read (an empty file), which is no triples.
  if (status != SERD_SUCCESS && status != SERD_FAILURE) {
    throw LoadError(load.name + ": " + reinterpret_cast<const char*>(serd_strerror(status)));
  }
}

PagedFile open_paged(const std::filesystem::path& file) {
  PagedFile source;
  source.file.reset(std::fopen(file.c_str(), "rb"));
  if (!source.file) throw LoadError(file.string() + ": cannot open");
  return source;
}

} // namespace

std::size_t load_with_serd(DatasetBuilder& builder, const std::filesystem::path& file,
                           const LoadTarget& target, RdfSyntax syntax) {
  const std::string base = target.base_iri.empty() ? file_url(file) : target.base_iri;
  const bool triples_only = syntax == RdfSyntax::turtle || syntax == RdfSyntax::ntriples;
  if (triples_only && !target.graph_iri.empty()) builder.add_graph(target.graph_iri);
  const std::string blank_prefix = next_blank_prefix() + "x";

  PagedFile source = open_paged(file);
  SerdLoad load{&builder, target, file.string(), blank_prefix, {}, 0, {}, {}, {}};
  read_with_serd(load, source, base, syntax, true);
  if (load.statement_error.empty()) return load.statements;

  // A statement was refused somewhere in the last page: read the file again,
  // a byte at a time and adding nothing, to name the line it is on.
  PagedFile again = open_paged(file);
  SerdLoad check{nullptr, target, load.name, blank_prefix, {}, 0, {}, {}, {}};
  read_with_serd(check, again, base, syntax, false);
  if (check.statement_error.empty()) throw LoadError(load.name + ": " + load.statement_error);
  throw LoadError(
      at(load.name, again.last_byte.first, again.last_byte.second, check.statement_error));
}

} // namespace wa::store::detail
