#include "sparql/result_writers.hpp"

#include "rdf/escaping.hpp"

#include <cstdio>
#include <stdexcept>

namespace wa::sparql {

using rdf::json_string;
using rdf::QueryResult;
using rdf::Term;
using rdf::xml_escape;

namespace {

std::string json_term(const Term& term) {
  std::string out = "{\"type\":";
  switch (term.kind) {
  case Term::Kind::iri: out += "\"uri\""; break;
  case Term::Kind::blank: out += "\"bnode\""; break;
  case Term::Kind::literal: out += "\"literal\""; break;
  }
  out += ",\"value\":" + json_string(term.value);
  if (!term.language.empty()) out += ",\"xml:lang\":" + json_string(term.language);
  if (!term.datatype.empty()) out += ",\"datatype\":" + json_string(term.datatype);
  return out + "}";
}

std::string xml_term(const Term& term) {
  switch (term.kind) {
  case Term::Kind::iri: return "<uri>" + xml_escape(term.value) + "</uri>";
  case Term::Kind::blank: return "<bnode>" + xml_escape(term.value) + "</bnode>";
  case Term::Kind::literal: break;
  }
  std::string attributes;
  if (!term.language.empty()) attributes = " xml:lang=\"" + xml_escape(term.language) + "\"";
  if (!term.datatype.empty()) attributes = " datatype=\"" + xml_escape(term.datatype) + "\"";
  return "<literal" + attributes + ">" + xml_escape(term.value) + "</literal>";
}

std::string csv_field(const std::optional<Term>& term) {
  if (!term) return {};
  std::string value = term->is_blank() ? "_:" + term->value : term->value;
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

/// A term in the TSV format: its Turtle / N-Triples form, tabs and line breaks escaped.
std::string tsv_field(const std::optional<Term>& term) {
  if (!term) return {};
  return term->to_ntriples();
}

} // namespace

std::string to_json(const QueryResult& result) {
  if (result.form == QueryResult::Form::boolean) {
    return std::string("{\"head\":{},\"boolean\":") + (result.boolean ? "true" : "false") + "}\n";
  }
  std::string out = "{\"head\":{\"vars\":[";
  for (std::size_t i = 0; i < result.variables.size(); ++i) {
    out += (i > 0 ? "," : "") + json_string(result.variables[i]);
  }
  out += "]},";
  if (result.truncated) out += "\"truncated\":true,";
  out += "\"results\":{\"bindings\":[";
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    out += r > 0 ? ",\n{" : "\n{";
    bool first = true;
    for (std::size_t i = 0; i < result.variables.size(); ++i) {
      if (!result.rows[r][i]) continue;
      out += (first ? "" : ",") + json_string(result.variables[i]) + ":" +
             json_term(*result.rows[r][i]);
      first = false;
    }
    out += "}";
  }
  return out + "]}}\n";
}

std::string to_xml(const QueryResult& result) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n<head>";
  for (const std::string& variable : result.variables) {
    out += "<variable name=\"" + xml_escape(variable) + "\"/>";
  }
  out += "</head>\n";
  if (result.form == QueryResult::Form::boolean) {
    return out + "<boolean>" + (result.boolean ? "true" : "false") + "</boolean>\n</sparql>\n";
  }
  if (result.truncated) out += "<!-- truncated: the server's row limit cut off further rows -->\n";
  out += "<results>\n";
  for (const QueryResult::Row& row : result.rows) {
    out += "<result>";
    for (std::size_t i = 0; i < result.variables.size(); ++i) {
      if (!row[i]) continue;
      out += "<binding name=\"" + xml_escape(result.variables[i]) + "\">" + xml_term(*row[i]) +
             "</binding>";
    }
    out += "</result>\n";
  }
  return out + "</results>\n</sparql>\n";
}

std::string to_csv(const QueryResult& result) {
  if (result.form == QueryResult::Form::boolean) {
    return std::string("_askResult\r\n") + (result.boolean ? "true" : "false") + "\r\n";
  }
  std::string out;
  for (std::size_t i = 0; i < result.variables.size(); ++i) {
    out += (i > 0 ? "," : "") + csv_field(Term::literal(result.variables[i]));
  }
  out += "\r\n";
  for (const QueryResult::Row& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i > 0 ? "," : "") + csv_field(row[i]);
    out += "\r\n";
  }
  return out;
}

std::string to_tsv(const QueryResult& result) {
  if (result.form == QueryResult::Form::boolean) {
    return std::string("?_askResult\n") + (result.boolean ? "true" : "false") + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < result.variables.size(); ++i) {
    out += (i > 0 ? "\t?" : "?") + result.variables[i];
  }
  out += "\n";
  for (const QueryResult::Row& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i > 0 ? "\t" : "") + tsv_field(row[i]);
    out += "\n";
  }
  return out;
}

} // namespace wa::sparql
