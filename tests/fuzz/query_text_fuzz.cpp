// Fuzzes the lexical checks on a query's text (src/store/query_text.cpp):
// the first keyword, the update test, blanking LIMIT / OFFSET, and the WHERE
// clause as an ASK query.
//
// Invariants: the first keyword is upper-case and an update exactly when it
// is an update keyword; blanking keeps the length and only turns characters
// into spaces; the ASK form keeps the prologue, says ASK, and is a braced
// group taken from the query.
#include "fuzz_check.hpp"
#include "store/query_text.hpp"

#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wa::store;
using wa::fuzz::require;

bool is_update_keyword(const std::string& keyword) {
  static constexpr std::array<const char*, 10> keywords = {
      "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"};
  for (const char* update : keywords) {
    if (keyword == update) return true;
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);

  const std::string keyword = first_keyword(query);
  for (char c : keyword)
    require(std::islower(static_cast<unsigned char>(c)) == 0, "the first keyword is upper-case");
  require(is_update(query) == is_update_keyword(keyword), "an update is named by its keyword");

  const std::string blanked = without_limit_and_offset(query);
  require(blanked.size() == query.size(), "blanking keeps the length");
  for (std::size_t i = 0; i < query.size(); ++i)
    require(blanked[i] == query[i] || blanked[i] == ' ', "blanking only writes spaces");

  if (const std::optional<std::string> ask = where_clause_as_ask(query)) {
    require(keyword == "SELECT", "only a SELECT has its WHERE clause as ASK");
    // ask = prologue + "ASK " + group: the prologue begins the query, the
    // group is a braced part of it ("ASK {" may also stand in a comment).
    bool found = false;
    for (std::size_t at = ask->find("ASK {"); at != std::string::npos && !found;
         at = ask->find("ASK {", at + 1)) {
      const std::string group = ask->substr(at + 4);
      found = query.starts_with(ask->substr(0, at)) && group.ends_with('}') &&
              query.find(group) != std::string::npos;
    }
    require(found, "the ASK form is the prologue and a braced group of the query");
  }
  return 0;
}
