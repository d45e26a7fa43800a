// A SHACL Core validator for the subset of constraints our shapes use.
//
// No C++ SHACL engine exists, and the dataset's shapes are simple, so this
// checks them directly over the model. A shape that uses any constraint this
// validator does not implement is reported as an error rather than skipped,
// so a shape can never pass by being ignored.
//
// Supported: node shapes with sh:targetClass (instances of subclasses
// included); node-level sh:pattern, sh:nodeKind, sh:class, sh:datatype, sh:in,
// sh:hasValue, sh:languageIn; property shapes (sh:path a predicate IRI) with
// sh:minCount, sh:maxCount, sh:datatype, sh:class, sh:nodeKind, sh:pattern,
// sh:languageIn, sh:uniqueLang, sh:in, sh:hasValue, and sh:qualifiedValueShape
// with sh:qualifiedMinCount / sh:qualifiedMaxCount; sh:severity.
#pragma once

#include "rdf/model.hpp"

#include <string>
#include <vector>

namespace wa::rdf {

struct ShaclResult {
  std::string severity;   ///< "Violation", "Warning" or "Info"
  std::string focus;      ///< the focus node, N-Triples form
  std::string path;       ///< the property path IRI, or empty for node constraints
  std::string constraint; ///< e.g. "minCount"
  std::string message;
};

struct ShaclReport {
  std::vector<ShaclResult> results;
  std::vector<std::string> shape_errors; ///< unsupported or malformed shapes

  [[nodiscard]] bool conforms() const;
  [[nodiscard]] std::size_t count(std::string_view severity) const;
};

[[nodiscard]] ShaclReport validate_shacl(const Model& data, const Model& shapes);

} // namespace wa::rdf
