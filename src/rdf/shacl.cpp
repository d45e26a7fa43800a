#include "rdf/shacl.hpp"

#include "rdf/namespaces.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>

namespace wa::rdf {

namespace {

Term sh(std::string_view local) { return Term::iri(ns::term(ns::sh, local)); }
const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));
const Term rdf_first = Term::iri(ns::term(ns::rdf, "first"));
const Term rdf_rest = Term::iri(ns::term(ns::rdf, "rest"));
const Term rdf_nil = Term::iri(ns::term(ns::rdf, "nil"));
const Term subclass_of = Term::iri(ns::term(ns::rdfs, "subClassOf"));

/// Predicates of a shape that carry no constraint.
const std::set<std::string>& descriptive_predicates() {
  static const std::set<std::string> names = {ns::term(ns::rdf, "type"),
                                              ns::term(ns::rdfs, "label"),
                                              ns::term(ns::rdfs, "comment"),
                                              ns::term(ns::sh, "name"),
                                              ns::term(ns::sh, "description"),
                                              ns::term(ns::sh, "message"),
                                              ns::term(ns::sh, "order"),
                                              ns::term(ns::sh, "group"),
                                              ns::term(ns::sh, "severity"),
                                              ns::term(ns::sh, "targetClass"),
                                              ns::term(ns::sh, "property"),
                                              ns::term(ns::sh, "path"),
                                              ns::term(ns::sh, "deactivated"),
                                              ns::term(ns::rdfs, "isDefinedBy"),
                                              ns::term(ns::sh, "qualifiedValueShapesDisjoint")};
  return names;
}

/// Predicates of a shape that this validator checks.
const std::set<std::string>& supported_constraints() {
  static const std::set<std::string> names = {"minCount",
                                              "maxCount",
                                              "datatype",
                                              "class",
                                              "nodeKind",
                                              "pattern",
                                              "languageIn",
                                              "uniqueLang",
                                              "in",
                                              "hasValue",
                                              "qualifiedValueShape",
                                              "qualifiedMinCount",
                                              "qualifiedMaxCount"};
  return names;
}

std::vector<Term> list_items(const Model& graph, Term node) {
  std::vector<Term> items;
  for (int guard = 0; node != rdf_nil && guard < 10000; ++guard) {
    std::optional<Term> first = graph.object(node, rdf_first);
    std::optional<Term> rest = graph.object(node, rdf_rest);
    if (!first || !rest) break;
    items.push_back(*first);
    node = *rest;
  }
  return items;
}

bool lexically_valid(const Term& literal) {
  static const std::map<std::string, std::regex> lexical = {
      {ns::term(ns::xsd, "integer"), std::regex(R"([+-]?\d+)")},
      {ns::term(ns::xsd, "decimal"), std::regex(R"([+-]?(\d+(\.\d*)?|\.\d+))")},
      {ns::term(ns::xsd, "boolean"), std::regex(R"(true|false|1|0)")},
      {ns::term(ns::xsd, "date"), std::regex(R"(-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?)")},
      {ns::term(ns::xsd, "gYear"), std::regex(R"(-?\d{4,}(Z|[+-]\d{2}:\d{2})?)")},
      {ns::term(ns::xsd, "gYearMonth"), std::regex(R"(-?\d{4,}-\d{2}(Z|[+-]\d{2}:\d{2})?)")},
  };
  auto rule = lexical.find(literal.datatype);
  return rule == lexical.end() || std::regex_match(literal.value, rule->second);
}

std::string datatype_of(const Term& literal) {
  if (!literal.datatype.empty()) return literal.datatype;
  return literal.language.empty() ? ns::term(ns::xsd, "string") : ns::term(ns::rdf, "langString");
}

bool language_in(const Term& value, const std::vector<Term>& languages) {
  return value.is_literal() && std::ranges::any_of(languages, [&](const Term& language) {
           return value.language == language.value;
         });
}

class Validator {
public:
  Validator(const Model& data, const Model& shapes) : data_(data), shapes_(shapes) {}

  ShaclReport run() {
    std::set<Term> node_shapes;
    for (const Triple& target : shapes_.match({}, sh("targetClass"), {})) {
      node_shapes.insert(target.subject);
    }
    for (const Term& shape : node_shapes) {
      check_node_shape(shape);
    }
    return std::move(report_);
  }

private:
  const Model& data_;
  const Model& shapes_;
  ShaclReport report_;

  std::string severity_of(const Term& shape) const {
    std::optional<Term> severity = shapes_.object(shape, sh("severity"));
    if (!severity) return "Violation";
    return severity->value.substr(ns::sh.size());
  }

  bool is_instance_of(const Term& node, const Term& cls) const {
    std::set<Term> seen;
    std::vector<Term> pending = data_.objects(node, rdf_type);
    while (!pending.empty()) {
      Term type = pending.back();
      pending.pop_back();
      if (type == cls) return true;
      if (seen.insert(type).second) {
        for (Term& super : data_.objects(type, subclass_of))
          pending.push_back(std::move(super));
      }
    }
    return false;
  }

  std::vector<Term> focus_nodes(const Term& shape) const {
    std::set<Term> nodes;
    for (const Term& cls : shapes_.objects(shape, sh("targetClass"))) {
      for (const Triple& typed : data_.match({}, rdf_type, {})) {
        if (is_instance_of(typed.subject, cls)) nodes.insert(typed.subject);
      }
    }
    return {nodes.begin(), nodes.end()};
  }

  void fail(const Term& shape, const Term& focus, const std::string& path, std::string constraint,
            std::string message) {
    std::optional<Term> custom = shapes_.object(shape, sh("message"));
    report_.results.push_back({severity_of(shape), focus.to_ntriples(), path, std::move(constraint),
                               custom ? custom->value + " (" + message + ")" : message});
  }

  bool supported(const Term& shape) {
    bool ok = true;
    for (const Triple& triple : shapes_.match(shape, {}, {})) {
      const std::string& predicate = triple.predicate.value;
      if (descriptive_predicates().contains(predicate)) continue;
      if (predicate.starts_with(ns::sh) &&
          supported_constraints().contains(predicate.substr(ns::sh.size()))) {
        continue;
      }
      report_.shape_errors.push_back("shape " + shape.to_ntriples() +
                                     " uses an unsupported constraint <" + predicate + ">");
      ok = false;
    }
    return ok;
  }

  void check_node_shape(const Term& shape) {
    if (!supported(shape)) return;
    std::vector<Term> property_shapes = shapes_.objects(shape, sh("property"));
    for (const Term& property : property_shapes) {
      if (!supported(property)) return;
    }
    for (const Term& focus : focus_nodes(shape)) {
      check_value(shape, focus, focus, "");
      for (const Term& property : property_shapes) {
        check_property(property, focus);
      }
    }
  }

  /// Value-level constraints; returns whether `value` conforms.
  bool value_conforms(const Term& shape, const Term& value, std::string* failed) const {
    auto failing = [&](std::string name) {
      if (failed != nullptr) *failed = std::move(name);
      return false;
    };
    for (const Term& datatype : shapes_.objects(shape, sh("datatype"))) {
      if (!value.is_literal() || datatype_of(value) != datatype.value || !lexically_valid(value)) {
        return failing("datatype");
      }
    }
    for (const Term& cls : shapes_.objects(shape, sh("class"))) {
      if (value.is_literal() || !is_instance_of(value, cls)) return failing("class");
    }
    for (const Term& kind : shapes_.objects(shape, sh("nodeKind"))) {
      bool ok = (kind == sh("IRI") && value.is_iri()) ||
                (kind == sh("Literal") && value.is_literal()) ||
                (kind == sh("BlankNode") && value.is_blank()) ||
                (kind == sh("BlankNodeOrIRI") && !value.is_literal());
      if (!ok) return failing("nodeKind");
    }
    for (const Term& pattern : shapes_.objects(shape, sh("pattern"))) {
      if (value.is_blank() || !std::regex_search(value.value, std::regex(pattern.value))) {
        return failing("pattern");
      }
    }
    for (const Term& list : shapes_.objects(shape, sh("languageIn"))) {
      if (!language_in(value, list_items(shapes_, list))) return failing("languageIn");
    }
    for (const Term& list : shapes_.objects(shape, sh("in"))) {
      std::vector<Term> allowed = list_items(shapes_, list);
      if (std::ranges::find(allowed, value) == allowed.end()) {
        return failing("in");
      }
    }
    return true;
  }

  void check_value(const Term& shape, const Term& focus, const Term& value,
                   const std::string& path) {
    std::string failed;
    if (!value_conforms(shape, value, &failed)) {
      fail(shape, focus, path, failed, "value " + value.to_ntriples() + " fails sh:" + failed);
    }
  }

  void check_property(const Term& shape, const Term& focus) {
    std::optional<Term> path = shapes_.object(shape, sh("path"));
    if (!path || !path->is_iri()) {
      report_.shape_errors.push_back("property shape " + shape.to_ntriples() +
                                     " needs a predicate IRI as sh:path");
      return;
    }
    std::vector<Term> values = data_.objects(focus, *path);
    check_counts(shape, focus, *path, values);
    for (const Term& value : values) {
      check_value(shape, focus, value, path->value);
    }
    for (const Term& required : shapes_.objects(shape, sh("hasValue"))) {
      if (std::ranges::find(values, required) == values.end()) {
        fail(shape, focus, path->value, "hasValue", "missing value " + required.to_ntriples());
      }
    }
    if (shapes_.object(shape, sh("uniqueLang")).value_or(Term()).value == "true") {
      check_unique_languages(shape, focus, path->value, values);
    }
    check_qualified(shape, focus, path->value, values);
  }

  void check_counts(const Term& shape, const Term& focus, const Term& path,
                    const std::vector<Term>& values) {
    const auto count = static_cast<long>(values.size());
    if (auto min = shapes_.object(shape, sh("minCount")); min && count < std::stol(min->value)) {
      fail(shape, focus, path.value, "minCount",
           std::to_string(count) + " value(s), at least " + min->value + " required");
    }
    if (auto max = shapes_.object(shape, sh("maxCount")); max && count > std::stol(max->value)) {
      fail(shape, focus, path.value, "maxCount",
           std::to_string(count) + " value(s), at most " + max->value + " allowed");
    }
  }

  void check_unique_languages(const Term& shape, const Term& focus, const std::string& path,
                              const std::vector<Term>& values) {
    std::map<std::string, int> per_language;
    for (const Term& value : values) {
      if (value.is_literal() && !value.language.empty()) ++per_language[value.language];
    }
    for (const auto& [language, count] : per_language) {
      if (count > 1) {
        fail(shape, focus, path, "uniqueLang",
             std::to_string(count) + " values with language \"" + language + "\"");
      }
    }
  }

  void check_qualified(const Term& shape, const Term& focus, const std::string& path,
                       const std::vector<Term>& values) {
    std::optional<Term> qualified = shapes_.object(shape, sh("qualifiedValueShape"));
    if (!qualified) return;
    const auto conforming = static_cast<long>(std::ranges::count_if(
        values, [&](const Term& value) { return value_conforms(*qualified, value, nullptr); }));
    if (auto min = shapes_.object(shape, sh("qualifiedMinCount"));
        min && conforming < std::stol(min->value)) {
      fail(shape, focus, path, "qualifiedMinCount",
           std::to_string(conforming) + " conforming value(s), at least " + min->value +
               " required");
    }
    if (auto max = shapes_.object(shape, sh("qualifiedMaxCount"));
        max && conforming > std::stol(max->value)) {
      fail(shape, focus, path, "qualifiedMaxCount",
           std::to_string(conforming) + " conforming value(s), at most " + max->value + " allowed");
    }
  }
};

} // namespace

bool ShaclReport::conforms() const { return shape_errors.empty() && count("Violation") == 0; }

std::size_t ShaclReport::count(std::string_view severity) const {
  return static_cast<std::size_t>(std::ranges::count_if(
      results, [&](const ShaclResult& result) { return result.severity == severity; }));
}

ShaclReport validate_shacl(const Model& data, const Model& shapes) {
  return Validator(data, shapes).run();
}

} // namespace wa::rdf
