#include "sparql/service_description.hpp"

#include "rdf/escaping.hpp"
#include "rdf/model.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/writer.hpp"
#include "sparql/negotiation.hpp"

namespace wa::sparql {

namespace {

using rdf::Term;
using rdf::xml_escape;

constexpr std::string_view sd = "http://www.w3.org/ns/sparql-service-description#";
constexpr std::string_view void_ns = "http://rdfs.org/ns/void#";
constexpr std::string_view formats = "http://www.w3.org/ns/formats/";

Term sd_term(std::string_view local) { return Term::iri(ns::term(sd, local)); }

const std::vector<std::pair<std::string, std::string>>& format_iris() {
  static const std::vector<std::pair<std::string, std::string>> iris = {
      {"json", "SPARQL_Results_JSON"}, {"xml", "SPARQL_Results_XML"}, {"csv", "SPARQL_Results_CSV"},
      {"tsv", "SPARQL_Results_TSV"},   {"turtle", "Turtle"},          {"ntriples", "N-Triples"},
      {"rdfxml", "RDF_XML"},           {"jsonld", "JSON-LD"}};
  return iris;
}

} // namespace

ServedGraphs graphs_of(const agenda::Dataset& dataset) {
  ServedGraphs graphs;
  graphs.default_triples = dataset.all().size();
  for (const agenda::DatasetPart& part : dataset.parts)
    graphs.named.push_back({dataset.graph_iri(part.name), part.model.size()});
  return graphs;
}

std::string service_description_turtle(const ServedGraphs& graphs, const EndpointFacts& facts) {
  rdf::Model model;
  const Term type = Term::iri(ns::term(ns::rdf, "type"));
  const Term service = Term::iri(facts.endpoint_url);
  const Term triples = Term::iri(ns::term(void_ns, "triples"));
  model.add(service, type, sd_term("Service"));
  model.add(service, sd_term("endpoint"), service);
  model.add(service, sd_term("supportedLanguage"), sd_term("SPARQL11Query"));
  if (graphs.default_is_union) model.add(service, sd_term("feature"), sd_term("UnionDefaultGraph"));
  for (const auto& [name, iri] : format_iris()) {
    model.add(service, sd_term("resultFormat"), Term::iri(ns::term(formats, iri)));
  }
  model.add(service, Term::iri(ns::term(ns::rdfs, "comment")),
            Term::literal("Read-only SPARQL 1.1 query endpoint of the Werkagenda Waardengedreven "
                          "Digitaliseren (2022). Limits: " +
                              std::to_string(facts.row_limit) + " rows per result, " +
                              std::to_string(facts.deadline_ms) +
                              " ms per query. Not supported: SPARQL Update, SERVICE, and FROM / "
                              "FROM NAMED or default-graph-uri / named-graph-uri naming "
                              "anything but the dataset's own graphs.",
                          "en"));
  const Term dataset_node = Term::blank("dataset");
  const Term default_graph = Term::blank("default");
  model.add(service, sd_term("defaultDataset"), dataset_node);
  model.add(dataset_node, type, sd_term("Dataset"));
  model.add(dataset_node, sd_term("defaultGraph"), default_graph);
  model.add(default_graph, type, sd_term("Graph"));
  model.add(default_graph, triples,
            Term::typed(std::to_string(graphs.default_triples), ns::term(ns::xsd, "integer")));
  for (std::size_t i = 0; i < graphs.named.size(); ++i) {
    const std::string label = "graph-" + std::to_string(i + 1);
    const Term named = Term::blank(label);
    const Term graph = Term::blank(label + "-content");
    model.add(dataset_node, sd_term("namedGraph"), named);
    model.add(named, type, sd_term("NamedGraph"));
    model.add(named, sd_term("name"), Term::iri(graphs.named[i].iri));
    model.add(named, sd_term("graph"), graph);
    model.add(graph, type, sd_term("Graph"));
    model.add(graph, triples,
              Term::typed(std::to_string(graphs.named[i].triples), ns::term(ns::xsd, "integer")));
  }
  return rdf::to_turtle(
      model,
      {{"sd", std::string(sd)}, {"void", std::string(void_ns)}, {"formats", std::string(formats)}});
}

std::string service_description_html(const ServedGraphs& graphs, const EndpointFacts& facts) {
  std::string items;
  for (const ServedGraphs::Named& graph : graphs.named) {
    items += "<li><code>" + xml_escape(graph.iri) + "</code> (" + std::to_string(graph.triples) +
             " triples)</li>\n";
  }
  const std::string default_graph =
      graphs.default_is_union ? "The default graph is the union of these:"
                              : "The default graph (" + std::to_string(graphs.default_triples) +
                                    " triples) is none of these:";
  return R"(<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>SPARQL endpoint: Werkagenda Waardengedreven Digitaliseren</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<h1>SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 queries over the <span lang="nl">Werkagenda Waardengedreven Digitaliseren</span> (2022).
Send <code>GET /sparql?query=...</code> or <code>POST</code> (form or <code>application/sparql-query</code>).</p>
<form method="get" action="/sparql">
<label for="query">Query</label><br>
<textarea id="query" name="query" rows="10" cols="80">SELECT ?action ?description WHERE {
  ?action a &lt;https://w3id.org/werkagenda/def#Action&gt; ;
          &lt;http://purl.org/dc/terms/description&gt; ?description .
  FILTER(LANG(?description) = "nl")
} LIMIT 10</textarea><br>
<label for="format">Result format</label>
<select id="format" name="format"><option>json</option><option>xml</option><option>csv</option><option>tsv</option></select>
<button type="submit">Run</button>
</form>
<h2>Named graphs</h2>
<p>)" + default_graph +
         R"(</p>
<ul>
)" + items +
         R"(</ul>
<p>Limits: )" +
         std::to_string(facts.row_limit) + " rows per result, " +
         std::to_string(facts.deadline_ms) + R"( ms per query.</p>
</main>
</body>
</html>
)";
}

} // namespace wa::sparql
