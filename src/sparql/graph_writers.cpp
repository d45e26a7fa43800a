#include "sparql/graph_writers.hpp"

#include "rdf/escaping.hpp"
#include "rdf/model.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/writer.hpp"

#include <cctype>
#include <map>
#include <stdexcept>

namespace wa::sparql {

using rdf::json_string;
using rdf::Term;
using rdf::Triple;
using rdf::xml_escape;

namespace {

constexpr std::string_view truncated_comment =
    "# truncated: the server's row limit cut off further triples\n";

rdf::Model model_of(const std::vector<Triple>& triples) {
  rdf::Model model;
  for (const Triple& triple : triples)
    model.add(triple);
  return model;
}

/// Groups triples by subject, keeping the model's sorted order.
std::map<Term, std::vector<const Triple*>> by_subject(const std::vector<Triple>& triples) {
  std::map<Term, std::vector<const Triple*>> subjects;
  for (const Triple& triple : triples)
    subjects[triple.subject].push_back(&triple);
  return subjects;
}

bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) {
  return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-' ||
         c == '.';
}

/// Splits a predicate IRI into namespace and an XML local name (NCName).
std::pair<std::string, std::string> split_predicate(const std::string& iri) {
  std::size_t start = iri.size();
  while (start > 0 && is_name_char(iri[start - 1]))
    --start;
  while (start < iri.size() && !is_name_start(iri[start]))
    ++start;
  if (start == 0 || start >= iri.size()) {
    throw std::runtime_error("RDF/XML cannot write the predicate <" + iri + ">");
  }
  return {iri.substr(0, start), iri.substr(start)};
}

std::string jsonld_value(const Term& term) {
  if (term.is_iri()) return "{\"@id\":" + json_string(term.value) + "}";
  if (term.is_blank()) return "{\"@id\":" + json_string("_:" + term.value) + "}";
  std::string out = "{\"@value\":" + json_string(term.value);
  if (!term.language.empty()) out += ",\"@language\":" + json_string(term.language);
  if (!term.datatype.empty()) out += ",\"@type\":" + json_string(term.datatype);
  return out + "}";
}

std::string jsonld_id(const Term& subject) {
  return json_string(subject.is_blank() ? "_:" + subject.value : subject.value);
}

} // namespace

std::string graph_to_turtle(const std::vector<Triple>& triples, bool truncated) {
  std::string out = rdf::to_turtle(model_of(triples));
  return truncated ? std::string(truncated_comment) + out : out;
}

std::string graph_to_ntriples(const std::vector<Triple>& triples, bool truncated) {
  std::string out = rdf::to_ntriples(model_of(triples));
  return truncated ? std::string(truncated_comment) + out : out;
}

std::string graph_to_rdfxml(const std::vector<Triple>& triples) {
  std::map<std::string, std::string> prefixes; // namespace -> prefix
  std::string body;
  for (const auto& [subject, statements] : by_subject(triples)) {
    body += subject.is_blank()
                ? "  <rdf:Description rdf:nodeID=\"" + xml_escape(subject.value) + "\">\n"
                : "  <rdf:Description rdf:about=\"" + xml_escape(subject.value) + "\">\n";
    for (const Triple* triple : statements) {
      auto [space, local] = split_predicate(triple->predicate.value);
      std::string prefix = "rdf";
      if (space != ns::rdf) {
        prefix = prefixes.emplace(space, "ns" + std::to_string(prefixes.size())).first->second;
      }
      const std::string element = prefix + ":" + local;
      const Term& object = triple->object;
      if (object.is_iri()) {
        body += "    <" + element + " rdf:resource=\"" + xml_escape(object.value) + "\"/>\n";
      } else if (object.is_blank()) {
        body += "    <" + element + " rdf:nodeID=\"" + xml_escape(object.value) + "\"/>\n";
      } else {
        std::string attributes;
        if (!object.language.empty())
          attributes = " xml:lang=\"" + xml_escape(object.language) + "\"";
        if (!object.datatype.empty())
          attributes = " rdf:datatype=\"" + xml_escape(object.datatype) + "\"";
        body += "    <" + element + attributes + ">" + xml_escape(object.value) + "</" + element +
                ">\n";
      }
    }
    body += "  </rdf:Description>\n";
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"" +
                    std::string(ns::rdf) + "\"";
  for (const auto& [space, prefix] : prefixes) {
    out += "\n    xmlns:" + prefix + "=\"" + xml_escape(space) + "\"";
  }
  return out + ">\n" + body + "</rdf:RDF>\n";
}

std::string graph_to_jsonld(const std::vector<Triple>& triples) {
  const std::string rdf_type = ns::term(ns::rdf, "type");
  std::string out = "[";
  bool first_subject = true;
  for (const auto& [subject, statements] : by_subject(triples)) {
    out += (first_subject ? "\n" : ",\n") + std::string("{\"@id\":") + jsonld_id(subject);
    first_subject = false;
    std::map<std::string, std::vector<std::string>> properties;
    for (const Triple* triple : statements) {
      if (triple->predicate.value == rdf_type && !triple->object.is_literal()) {
        properties["@type"].push_back(jsonld_id(triple->object));
      } else {
        properties[triple->predicate.value].push_back(jsonld_value(triple->object));
      }
    }
    for (const auto& [property, values] : properties) {
      out += "," + json_string(property) + ":[";
      for (std::size_t i = 0; i < values.size(); ++i)
        out += (i > 0 ? "," : "") + values[i];
      out += "]";
    }
    out += "}";
  }
  return out + "\n]\n";
}

} // namespace wa::sparql
