#include "agenda/dataset.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "rdf/shacl.hpp"
#include "rdf/turtle_reader.hpp"
#include "rdf/vocabulary_check.hpp"

#include <iostream>

namespace wa::cli {

namespace {

rdf::Syntax syntax_of(const std::filesystem::path& path) {
  return path.extension() == ".nt" ? rdf::Syntax::ntriples : rdf::Syntax::turtle;
}

/// The data to check: the given files, or else the dataset built from the sources.
rdf::Model data_to_validate(const Common& common, const Options& options) {
  rdf::Model data;
  if (options.positional().empty()) {
    agenda::Dataset dataset =
        agenda::build_dataset(agenda::DatasetInputs::under(common.root), common.base);
    for (const agenda::DatasetPart& part : dataset.parts) {
      if (part.name != "ontology") data.add_all(part.model);
    }
    return data;
  }
  for (const std::string& file : options.positional()) {
    rdf::read_file(data, file, common.base, syntax_of(file));
  }
  return data;
}

int report(const rdf::ShaclReport& shacl, const std::vector<std::string>& undeclared) {
  for (const std::string& error : shacl.shape_errors) {
    std::cout << "shape error: " << error << "\n";
  }
  for (const rdf::ShaclResult& result : shacl.results) {
    std::cout << result.severity << ": " << result.focus
              << (result.path.empty() ? "" : " <" + result.path + ">")
              << " sh:" << result.constraint << ": " << result.message << "\n";
  }
  for (const std::string& term : undeclared) {
    std::cout << "Violation: <" << term << "> is used but not declared in the ontology\n";
  }
  std::cout << shacl.count("Violation") + undeclared.size() << " violation(s), "
            << shacl.count("Warning") << " warning(s)\n";
  return shacl.conforms() && undeclared.empty() ? 0 : 1;
}

} // namespace

int run_validate(const Common& common, const std::vector<std::string>& args) {
  Options options(args, {{"--shapes", "--ontology"}, {}});
  rdf::Model shapes;
  rdf::read_file(shapes,
                 options.value_or("--shapes", (common.root / "ontology/shapes.ttl").string()),
                 common.base);
  rdf::Model ontology;
  rdf::read_file(ontology,
                 options.value_or("--ontology", (common.root / "ontology/werkagenda.ttl").string()),
                 common.base);
  rdf::Model data = data_to_validate(common, options);
  // The ontology is part of the graph SHACL sees, so that sh:class follows rdfs:subClassOf.
  rdf::Model data_with_ontology;
  data_with_ontology.add_all(data);
  data_with_ontology.add_all(ontology);
  return report(rdf::validate_shacl(data_with_ontology, shapes),
                rdf::undeclared_terms(data, ontology));
}

} // namespace wa::cli
