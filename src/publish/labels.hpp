// Human-readable names of resources, properties and classes, in Dutch and
// English, from the dataset and the ontology.
#pragma once

#include "rdf/model.hpp"

#include <string>

namespace wa::publish {

class Labels {
public:
  Labels(const rdf::Model& data) : data_(data) {}

  /// The resource's label in `language` if it has one, else in the other
  /// language, else any label, else the IRI's last segment.
  [[nodiscard]] std::string of(const rdf::Term& resource, const std::string& language = "nl") const;
  /// The label in exactly `language`, or "".
  [[nodiscard]] std::string exactly(const rdf::Term& resource, const std::string& language) const;

private:
  const rdf::Model& data_;
};

} // namespace wa::publish
