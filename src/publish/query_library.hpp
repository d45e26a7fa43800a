// The researchers' query library (queries/*.rq): each file with its header
// comment (title, descriptions in English and Dutch), read for the web page
// that offers them as ready-to-run examples.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace wa::publish {

struct LibraryQuery {
  std::string name; ///< file name without ".rq"
  std::string title;
  std::string description_en;
  std::string description_nl;
  std::string text; ///< the whole file
};

/// Every *.rq in `directory`, sorted by name. Throws if a file has no title.
[[nodiscard]] std::vector<LibraryQuery> read_query_library(const std::filesystem::path& directory);

/// The library as JSON:
/// [{"name","title","description_en","description_nl","query"}].
[[nodiscard]] std::string query_library_json(const std::vector<LibraryQuery>& library);

} // namespace wa::publish
