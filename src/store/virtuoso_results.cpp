#include "store/virtuoso_results.hpp"

#include "rdf/model.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"

#include <nlohmann/json.hpp>

namespace wa::store {

namespace {

using Json = nlohmann::json;

const std::string xsd_boolean = ns::term(ns::xsd, "boolean");
const std::string xsd_integer = ns::term(ns::xsd, "integer");

rdf::Term boolean_term(bool value) {
  return rdf::Term::typed(value ? "true" : "false", xsd_boolean);
}

/// "1"^^xsd:boolean is a valid but non-canonical form; Virtuoso writes no other.
rdf::Term canonical_boolean(const std::string& lexical) {
  if (lexical == "1" || lexical == "true") return boolean_term(true);
  if (lexical == "0" || lexical == "false") return boolean_term(false);
  return rdf::Term::typed(lexical, xsd_boolean);
}

rdf::Term read_term(const Json& binding) {
  const std::string type = binding.at("type").get<std::string>();
  const std::string value = binding.at("value").get<std::string>();
  if (type == "uri") return rdf::Term::iri(value);
  if (type == "bnode")
    return rdf::Term::blank(value.starts_with("nodeID://") ? value.substr(9) : value);
  if (type != "literal" && type != "typed-literal") {
    throw EngineResponseError("unknown term type in the engine's results: " + type);
  }
  if (binding.contains("datatype")) {
    const std::string datatype = binding.at("datatype").get<std::string>();
    return datatype == xsd_boolean ? canonical_boolean(value) : rdf::Term::typed(value, datatype);
  }
  if (binding.contains("xml:lang")) {
    return rdf::Term::literal(value, binding.at("xml:lang").get<std::string>());
  }
  return rdf::Term::literal(value);
}

/// An integer 1 or 0 where the query's expression can only be a boolean.
rdf::Term mend_boolean(rdf::Term term) {
  if (term.is_literal() && term.datatype == xsd_integer &&
      (term.value == "1" || term.value == "0")) {
    return boolean_term(term.value == "1");
  }
  return term;
}

rdf::QueryResult read_bindings(const Json& document, const FullSparqlPlan& plan) {
  rdf::QueryResult result;
  result.form = rdf::QueryResult::Form::bindings;
  for (const Json& variable : document.at("head").at("vars")) {
    result.variables.push_back(variable.get<std::string>());
  }
  for (const Json& solution : document.at("results").at("bindings")) {
    rdf::QueryResult::Row row;
    for (const std::string& variable : result.variables) {
      if (!solution.contains(variable)) {
        row.emplace_back(std::nullopt);
        continue;
      }
      rdf::Term term = read_term(solution.at(variable));
      row.emplace_back(plan.boolean_variables.contains(variable) ? mend_boolean(std::move(term))
                                                                 : std::move(term));
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

rdf::QueryResult read_ask(const Json& document) {
  rdf::QueryResult result;
  result.form = rdf::QueryResult::Form::boolean;
  if (document.contains("boolean")) {
    result.boolean = document.at("boolean").get<bool>();
    return result;
  }
  // Virtuoso's own form: one column __ASK_RETVAL holding 1 or 0.
  const Json& rows = document.at("results").at("bindings");
  result.boolean = !rows.empty() && rows.front().contains("__ASK_RETVAL") &&
                   rows.front().at("__ASK_RETVAL").at("value").get<std::string>() != "0";
  return result;
}

} // namespace

rdf::QueryResult read_virtuoso_json(std::string_view body, const FullSparqlPlan& plan) {
  try {
    const Json document = Json::parse(body);
    return plan.form == FullSparqlPlan::Form::ask ? read_ask(document)
                                                  : read_bindings(document, plan);
  } catch (const Json::exception& error) {
    throw EngineResponseError(std::string("the engine's JSON results cannot be read: ") +
                              error.what());
  }
}

rdf::QueryResult read_virtuoso_ntriples(std::string_view body) {
  rdf::Model graph;
  try {
    rdf::read_string(graph, body, "", "engine response", rdf::Syntax::ntriples);
  } catch (const rdf::ParseError& error) {
    throw EngineResponseError(std::string("the engine's N-Triples cannot be read: ") +
                              error.what());
  }
  rdf::QueryResult result;
  result.form = rdf::QueryResult::Form::graph;
  result.triples = graph.triples();
  return result;
}

} // namespace wa::store
