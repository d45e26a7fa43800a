#include "publish/query_library.hpp"

#include "agenda/text.hpp"
#include "os/whole_file.hpp"
#include "rdf/escaping.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace wa::publish {

namespace {

/// Reads "# key: value" header lines; "#   more" continues the previous value.
void read_header(LibraryQuery& query) {
  std::string* current = nullptr;
  std::istringstream lines(query.text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("#")) break;
    std::string body = line.substr(1);
    if (body.starts_with("   ") && current != nullptr) {
      *current += " " + agenda::trim(body);
      continue;
    }
    body = agenda::trim(body);
    auto field = [&](std::string_view key, std::string& target) {
      if (!body.starts_with(key)) return false;
      target = agenda::trim(body.substr(key.size()));
      current = &target;
      return true;
    };
    if (!field("title:", query.title) && !field("description (en):", query.description_en) &&
        !field("description (nl):", query.description_nl)) {
      current = nullptr;
    }
  }
}

} // namespace

std::vector<LibraryQuery> read_query_library(const std::filesystem::path& directory) {
  std::vector<LibraryQuery> library;
  if (!std::filesystem::is_directory(directory)) return library;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".rq")) continue;
    LibraryQuery query;
    query.name = file.substr(0, file.size() - 3);
    query.text = os::read_whole_file(entry.path()).value_or("");
    read_header(query);
    if (query.title.empty())
      throw std::runtime_error(entry.path().string() + ": no '# title:' line");
    library.push_back(std::move(query));
  }
  std::ranges::sort(library, {}, &LibraryQuery::name);
  return library;
}

std::string query_library_json(const std::vector<LibraryQuery>& library) {
  using rdf::json_string;
  std::string out = "[";
  for (std::size_t i = 0; i < library.size(); ++i) {
    const LibraryQuery& query = library[i];
    out += (i > 0 ? ",\n" : "\n") + std::string("{\"name\":") + json_string(query.name) +
           ",\"title\":" + json_string(query.title) +
           ",\"description_en\":" + json_string(query.description_en) +
           ",\"description_nl\":" + json_string(query.description_nl) +
           ",\"query\":" + json_string(query.text) + "}";
  }
  return out + "\n]\n";
}

} // namespace wa::publish
