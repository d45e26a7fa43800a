// Where the project's inputs are, and the dataset built from them once per
// test process (building takes a fraction of a second, but many tests read it).
#pragma once

#include "agenda/dataset.hpp"

#include <filesystem>
#include <string>

namespace wa::test {

std::filesystem::path project_root();
std::filesystem::path test_data(const std::string& relative);
const std::string& default_base();

/// The real dataset, built from data/ and ontology/ with the default base.
const agenda::Dataset& real_dataset();

/// An IRI under the default base, e.g. id("action/3.3.5").
std::string id(const std::string& path);

} // namespace wa::test
