#include "support/project.hpp"

#include "rdf/namespaces.hpp"

namespace wa::test {

std::filesystem::path project_root() { return WERKAGENDA_SOURCE_DIR; }

std::filesystem::path test_data(const std::string& relative) {
  return std::filesystem::path(WERKAGENDA_TEST_DATA) / relative;
}

const std::string& default_base() {
  static const std::string base(ns::default_base);
  return base;
}

const agenda::Dataset& real_dataset() {
  static const agenda::Dataset dataset =
      agenda::build_dataset(agenda::DatasetInputs::under(project_root()), default_base());
  return dataset;
}

std::string id(const std::string& path) { return default_base() + "id/" + path; }

} // namespace wa::test
