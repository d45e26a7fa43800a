#include "rdf/sparql_parser.hpp"

namespace wa::rdf {

namespace {

struct ParserLog {
  std::string first_error;
};

void record(void* user_data, raptor_log_message* message) {
  auto* log = static_cast<ParserLog*>(user_data);
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || !log->first_error.empty()) return;
  std::string text = message->text != nullptr ? message->text : "syntax error";
  if (message->locator != nullptr && message->locator->line > 0) {
    text = "line " + std::to_string(message->locator->line) +
           (message->locator->column > 0 ? ", column " + std::to_string(message->locator->column)
                                         : "") +
           ": " + text;
  }
  log->first_error = text;
}

} // namespace

ParsedQuery::ParsedQuery(const std::string& text, const std::string& base_iri)
    : world_(rasqal_new_world()) {
  if (!world_ || rasqal_world_open(world_.get()) != 0) {
    throw std::runtime_error("cannot start the SPARQL parser");
  }
  ParserLog log;
  rasqal_world_set_log_handler(world_.get(), &log, record);
  query_.reset(rasqal_new_query(world_.get(), "sparql11-query", nullptr));
  if (!query_) throw std::runtime_error("cannot create a SPARQL query");
  RaptorUriHandle base(raptor_new_uri(rasqal_world_get_raptor(world_.get()),
                                      reinterpret_cast<const unsigned char*>(base_iri.c_str())));
  int failed = rasqal_query_prepare(
      query_.get(), reinterpret_cast<const unsigned char*>(text.c_str()), base.get());
  if (failed != 0 || !log.first_error.empty()) {
    throw SparqlSyntaxError(log.first_error.empty() ? "the query cannot be parsed"
                                                    : log.first_error);
  }
}

ParsedQuery::~ParsedQuery() {
  query_.reset(); // the query before the world that made it
}

} // namespace wa::rdf
