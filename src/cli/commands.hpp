// The werkagenda subcommands. Each returns the process exit code:
// 0 success, 1 failure (bad data, invalid dataset), 2 usage error.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace wa::cli {

/// Settings every subcommand shares.
struct Common {
  std::filesystem::path root; ///< the project folder holding data/ and ontology/
  std::string base;           ///< the dataset's IRI base
};

int run_build(const Common& common, const std::vector<std::string>& args);
int run_validate(const Common& common, const std::vector<std::string>& args);
int run_serve(const Common& common, const std::vector<std::string>& args);
int run_query(const Common& common, const std::vector<std::string>& args);

} // namespace wa::cli
