#include "rdf/redland.hpp"

#include <stdexcept>

namespace wa::rdf::redland {

namespace {

const unsigned char* bytes(const std::string& text) {
  return reinterpret_cast<const unsigned char*>(text.c_str());
}

std::string text(const unsigned char* value) {
  return value == nullptr ? std::string() : reinterpret_cast<const char*>(value);
}

/// librdf logs warnings (e.g. "variable bound but unused") to stderr; the
/// server reports errors itself, so the library stays quiet.
int ignore_log(void*, librdf_log_message*) { return 1; }

Term to_term(librdf_node* node) {
  if (librdf_node_is_resource(node) != 0) {
    return Term::iri(text(librdf_uri_as_string(librdf_node_get_uri(node))));
  }
  if (librdf_node_is_blank(node) != 0) {
    return Term::blank(text(librdf_node_get_blank_identifier(node)));
  }
  std::string value = text(librdf_node_get_literal_value(node));
  if (librdf_uri* datatype = librdf_node_get_literal_value_datatype_uri(node)) {
    return Term::typed(value, text(librdf_uri_as_string(datatype)));
  }
  const char* language = librdf_node_get_literal_value_language(node);
  return Term::literal(value, language == nullptr ? "" : language);
}

} // namespace

Store::Store() : world_(librdf_new_world()) {
  if (!world_) throw std::runtime_error("cannot create a librdf world");
  librdf_world_set_logger(world_.get(), nullptr, ignore_log);
  librdf_world_open(world_.get());
  storage_.reset(librdf_new_storage(world_.get(), "hashes", "werkagenda",
                                    "hash-type='memory',contexts='yes'"));
  if (!storage_) throw std::runtime_error("cannot create librdf hashes storage");
  model_.reset(librdf_new_model(world_.get(), storage_.get(), nullptr));
  if (!model_) throw std::runtime_error("cannot create a librdf model");
}

Store::~Store() {
  // The model and storage must go before the world that made them.
  model_.reset();
  storage_.reset();
}

NodeHandle Store::node(const Term& term) const {
  librdf_world* world = world_.get();
  switch (term.kind) {
  case Term::Kind::iri:
    return NodeHandle(librdf_new_node_from_uri_string(world, bytes(term.value)));
  case Term::Kind::blank:
    return NodeHandle(librdf_new_node_from_blank_identifier(world, bytes(term.value)));
  case Term::Kind::literal: break;
  }
  if (!term.datatype.empty()) {
    UriHandle datatype(librdf_new_uri(world, bytes(term.datatype)));
    return NodeHandle(
        librdf_new_node_from_typed_literal(world, bytes(term.value), nullptr, datatype.get()));
  }
  return NodeHandle(librdf_new_node_from_literal(
      world, bytes(term.value), term.language.empty() ? nullptr : term.language.c_str(), 0));
}

void Store::add(const Triple& triple, const std::string& graph_iri) {
  // librdf_new_statement_from_nodes takes ownership of the three nodes.
  StatementHandle statement(librdf_new_statement_from_nodes(
      world_.get(), node(triple.subject).release(), node(triple.predicate).release(),
      node(triple.object).release()));
  NodeHandle context(librdf_new_node_from_uri_string(world_.get(), bytes(graph_iri)));
  if (!statement || !context ||
      librdf_model_context_add_statement(model_.get(), context.get(), statement.get()) != 0) {
    throw std::runtime_error("cannot add a statement to the librdf model");
  }
}

int Store::size() const { return librdf_model_size(model_.get()); }

std::optional<QueryResult> Store::run(const std::string& query, const std::string& base_iri,
                                      std::size_t row_limit) {
  UriHandle base(librdf_new_uri(world_.get(), bytes(base_iri)));
  QueryHandle prepared(
      librdf_new_query(world_.get(), "sparql11-query", nullptr, bytes(query), base.get()));
  if (!prepared) return std::nullopt;
  ResultsHandle results(librdf_query_execute(prepared.get(), model_.get()));
  if (!results) return std::nullopt;

  QueryResult answer;
  librdf_query_results* r = results.get();
  if (librdf_query_results_is_boolean(r) != 0) {
    answer.form = QueryResult::Form::boolean;
    int value = librdf_query_results_get_boolean(r);
    if (value < 0) return std::nullopt;
    answer.boolean = value > 0;
    return answer;
  }
  if (librdf_query_results_is_graph(r) != 0) {
    answer.form = QueryResult::Form::graph;
    StreamHandle stream(librdf_query_results_as_stream(r));
    for (; stream && librdf_stream_end(stream.get()) == 0; librdf_stream_next(stream.get())) {
      if (answer.triples.size() == row_limit) {
        answer.truncated = true;
        break;
      }
      librdf_statement* statement = librdf_stream_get_object(stream.get());
      answer.triples.push_back({to_term(librdf_statement_get_subject(statement)),
                                to_term(librdf_statement_get_predicate(statement)),
                                to_term(librdf_statement_get_object(statement))});
    }
    return answer;
  }
  answer.form = QueryResult::Form::bindings;
  const int columns = librdf_query_results_get_bindings_count(r);
  for (int i = 0; i < columns; ++i) {
    answer.variables.push_back(librdf_query_results_get_binding_name(r, i));
  }
  for (; librdf_query_results_finished(r) == 0; librdf_query_results_next(r)) {
    if (answer.rows.size() == row_limit) {
      answer.truncated = true;
      break;
    }
    std::vector<std::optional<Term>> row;
    for (int i = 0; i < columns; ++i) {
      NodeHandle value(librdf_query_results_get_binding_value(r, i));
      row.push_back(value ? std::optional<Term>(to_term(value.get())) : std::nullopt);
    }
    answer.rows.push_back(std::move(row));
  }
  return answer;
}

} // namespace wa::rdf::redland
