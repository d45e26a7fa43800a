#include "sparql/responder.hpp"

#include "sparql/graph_writers.hpp"
#include "sparql/negotiation.hpp"
#include "sparql/protocol.hpp"
#include "sparql/result_writers.hpp"
#include "store/store.hpp"

namespace wa::sparql {

namespace {

store::WorkResponse plain(int status, const std::string& message) {
  return {status, "text/plain; charset=utf-8", false, message + "\n"};
}

std::string list_of(const std::vector<Format>& formats) {
  std::string names;
  for (const Format& format : formats)
    names += (names.empty() ? "" : ", ") + format.media_type;
  return names;
}

std::optional<Format> choose(const std::string& accept, const std::vector<Format>& offered) {
  constexpr std::string_view by_name = "format=";
  if (accept.starts_with(by_name)) return format_named(accept.substr(by_name.size()), offered);
  return negotiate(accept, offered);
}

std::string write(const rdf::QueryResult& result, const Format& format) {
  if (result.form == rdf::QueryResult::Form::graph) {
    if (format.name == "turtle") return graph_to_turtle(result.triples, result.truncated);
    if (format.name == "ntriples") return graph_to_ntriples(result.triples, result.truncated);
    if (format.name == "rdfxml") return graph_to_rdfxml(result.triples);
    return graph_to_jsonld(result.triples);
  }
  if (format.name == "json") return to_json(result);
  if (format.name == "xml") return to_xml(result);
  if (format.name == "csv") return to_csv(result);
  return to_tsv(result);
}

} // namespace

store::WorkResponse respond(store::Store& store, const store::WorkRequest& request) {
  try {
    if (request.accept == explain_accept) {
      return {200, "text/plain; charset=utf-8", false,
              store.explain(request.query, request.dataset)};
    }
    rdf::QueryResult result = store.query(request.query, request.row_limit, request.dataset);
    const std::vector<Format>& offered =
        result.form == rdf::QueryResult::Form::graph ? graph_formats() : result_set_formats();
    std::optional<Format> format = choose(request.accept, offered);
    if (!format) {
      return plain(406, "none of the requested formats can carry this result; available: " +
                            list_of(offered));
    }
    return {200, format->media_type + "; charset=utf-8", result.truncated, write(result, *format)};
  } catch (const store::QueryRefused& refused) {
    return plain(refused.status(), refused.what());
  } catch (const std::exception& error) {
    return plain(500, std::string("the result cannot be written: ") + error.what());
  }
}

} // namespace wa::sparql
