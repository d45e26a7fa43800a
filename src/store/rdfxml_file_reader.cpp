#include "rdf/handles.hpp"
#include "store/file_readers.hpp"
#include "store/xml_prolog_check.hpp"

#include <cstdio>
#include <exception>
#include <string_view>
#include <utility>

namespace wa::store::detail {

namespace {

// RDF/XML through raptor

/// What the raptor callbacks share while one RDF/XML file is read.
struct RaptorLoad {
  DatasetBuilder& builder;
  const LoadTarget& target;
  std::string name;
  std::string blank_prefix;
  raptor_parser* parser = nullptr;
  std::size_t statements = 0;
  std::string first_error;
  std::exception_ptr exception;

  /// rdf:nodeID is an XML name, which may end in "." where a Turtle label may
  /// not: such a label gets a "_" for its last "." and a prefix of its own.
  [[nodiscard]] std::string blank_label(std::string_view label) const {
    if (label.empty() || label.back() != '.') return blank_prefix + "x" + std::string(label);
    return blank_prefix + "y" + std::string(label.substr(0, label.size() - 1)) + "_";
  }

  [[nodiscard]] rdf::Term term(const raptor_term* node) const {
    switch (node->type) {
    case RAPTOR_TERM_TYPE_URI:
      return rdf::Term::iri(reinterpret_cast<const char*>(raptor_uri_as_string(node->value.uri)));
    case RAPTOR_TERM_TYPE_BLANK:
      return rdf::Term::blank(blank_label(
          {reinterpret_cast<const char*>(node->value.blank.string), node->value.blank.string_len}));
    case RAPTOR_TERM_TYPE_LITERAL: break;
    case RAPTOR_TERM_TYPE_UNKNOWN: throw BadTerm("a term of no known kind");
    }
    const raptor_term_literal_value& literal = node->value.literal;
    const std::string_view text(reinterpret_cast<const char*>(literal.string), literal.string_len);
    if (literal.language != nullptr && literal.language_len > 0) {
      return rdf::Term::literal(
          text, {reinterpret_cast<const char*>(literal.language), literal.language_len});
    }
    if (literal.datatype != nullptr) {
      return rdf::Term::typed(
          text, reinterpret_cast<const char*>(raptor_uri_as_string(literal.datatype)));
    }
    return rdf::Term::literal(text);
  }

  void stop() {
    if (parser != nullptr) raptor_parser_parse_abort(parser);
  }

  static void on_statement(void* handle, raptor_statement* statement) {
    auto* load = static_cast<RaptorLoad*>(handle);
    if (load->exception || !load->first_error.empty()) return;
    try {
      const rdf::Triple triple{load->term(statement->subject), load->term(statement->predicate),
                               load->term(statement->object)};
      if (load->target.graph_iri.empty()) {
        load->builder.add(triple);
      } else {
        load->builder.add(triple, load->target.graph_iri);
      }
      ++load->statements;
    } catch (const BadTerm& error) {
      load->first_error = load->name + ": " + error.what();
      load->stop();
    } catch (...) {
      load->exception = std::current_exception();
      load->stop();
    }
  }
  static void on_log(void* handle, raptor_log_message* message) {
    auto* load = static_cast<RaptorLoad*>(handle);
    if (message->level < RAPTOR_LOG_LEVEL_ERROR || !load->first_error.empty()) return;
    // libxml2's errors come without a locator: the parser's has their line.
    const raptor_locator* locator = message->locator != nullptr || load->parser == nullptr
                                        ? message->locator
                                        : raptor_parser_get_locator(load->parser);
    const int line = locator != nullptr ? locator->line : -1;
    const int column = locator != nullptr ? locator->column : -1;
    const std::string text = message->text != nullptr ? message->text : "RDF/XML error";
    load->first_error = line < 1 ? load->name + ": " + text
                                 : at(load->name, static_cast<std::size_t>(line),
                                      static_cast<std::size_t>(std::max(column, 0)), text);
    load->stop();
  }
  /// Raptor asks before it loads any URI (an entity, a DTD): never.
  static int refuse_uri(void*, raptor_uri*) { return 1; }
};

void set_option(raptor_parser* parser, raptor_option option, int value, const std::string& name) {
  if (raptor_parser_set_option(parser, option, nullptr, value) != 0) {
    throw LoadError(name + ": raptor refuses the option " +
                    reinterpret_cast<const char*>(
                        raptor_world_get_option_description(raptor_parser_get_world(parser),
                                                            RAPTOR_DOMAIN_PARSER, option)
                            ->name));
  }
}

} // namespace

/// RDF/XML through raptor, which must read nothing but the file: no
/// network, no other file, no external XML entity or DTD.
std::size_t load_with_raptor(DatasetBuilder& builder, const std::filesystem::path& file,
                             const LoadTarget& target) {
  const std::string name = file.string();
  rdf::FileHandle input(std::fopen(file.c_str(), "rb"));
  if (!input) throw LoadError(name + ": cannot open");
  if (!target.graph_iri.empty()) builder.add_graph(target.graph_iri);
  std::string page(page_size, '\0');
  std::size_t got = std::fread(page.data(), 1, page.size(), input.get());
  if (got == 0) {
    if (std::ferror(input.get()) != 0) throw LoadError(name + ": cannot read");
    return 0; // an empty file: no triples (raptor would call it bad XML)
  }
  // Raptor sees no byte before the prolog is known to be safe.
  PrologCheck prolog;
  std::string held;
  for (;;) {
    if (auto refusal = prolog.take({page.data(), got})) {
      throw LoadError(name + ": not read: " + *refusal);
    }
    if (prolog.done() || got < page.size()) break;
    held.append(page.data(), got);
    got = std::fread(page.data(), 1, page.size(), input.get());
  }
  held.append(page.data(), got);
  page = std::move(held);
  got = page.size();

  rdf::RaptorWorldHandle world(raptor_new_world());
  if (!world) throw LoadError(name + ": raptor cannot start");
  RaptorLoad load{builder, target, name, next_blank_prefix(), nullptr, 0, {}, {}};
  raptor_world_set_log_handler(world.get(), &load, RaptorLoad::on_log);
  rdf::RaptorParserHandle parser(raptor_new_parser(world.get(), "rdfxml"));
  if (!parser) throw LoadError(name + ": raptor has no RDF/XML parser");
  load.parser = parser.get();
  set_option(parser.get(), RAPTOR_OPTION_NO_NET, 1, name);
  set_option(parser.get(), RAPTOR_OPTION_NO_FILE, 1, name);
  set_option(parser.get(), RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, 0, name);
  raptor_parser_set_uri_filter(parser.get(), RaptorLoad::refuse_uri, nullptr);
  raptor_parser_set_statement_handler(parser.get(), &load, RaptorLoad::on_statement);

  const std::string base = target.base_iri.empty() ? file_url(file) : target.base_iri;
  rdf::RaptorUriHandle base_uri(
      raptor_new_uri(world.get(), reinterpret_cast<const unsigned char*>(base.c_str())));
  if (!base_uri || raptor_parser_parse_start(parser.get(), base_uri.get()) != 0) {
    throw LoadError(load.first_error.empty() ? name + ": bad base IRI <" + base + ">"
                                             : load.first_error);
  }
  for (bool end = std::feof(input.get()) != 0;;) {
    const int failed = raptor_parser_parse_chunk(
        parser.get(), reinterpret_cast<const unsigned char*>(page.data()), got, end ? 1 : 0);
    if (load.exception) std::rethrow_exception(load.exception);
    if (!load.first_error.empty()) throw LoadError(load.first_error);
    if (failed != 0) throw LoadError(name + ": not RDF/XML");
    if (end) break;
    page.resize(page_size);
    got = std::fread(page.data(), 1, page.size(), input.get());
    end = got < page.size();
  }
  if (std::ferror(input.get()) != 0) throw LoadError(name + ": cannot read");
  return load.statements;
}

} // namespace wa::store::detail
