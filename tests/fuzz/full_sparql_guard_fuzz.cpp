// Fuzzes what the full-SPARQL backend (Virtuoso) checks before a query leaves
// the process (src/store/full_sparql_guard.cpp check_full_sparql, on the
// algebra of our own parser).
//
// Invariants: check_full_sparql either returns a plan or throws QueryRefused
// with status 400 and a message, never anything else; and a query it accepts
// is refused once an update, a LOAD, a SERVICE or a FROM clause follows it on
// a new line (an accepted query has no open string, IRI or comment that
// could swallow it).
#include "fuzz_check.hpp"
#include "store/full_sparql_guard.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace wa::store;
using wa::fuzz::require;

/// True when the guard accepts `query`; aborts on anything but a plan or a 400 refusal.
bool accepted(const std::string& query) {
  try {
    [[maybe_unused]] const FullSparqlPlan plan = check_full_sparql(query);
    return true;
  } catch (const QueryRefused& refused) {
    require(refused.status() == 400, "a refusal is a 400");
    require(refused.what()[0] != '\0', "a refusal says why");
    return false;
  } catch (...) {
    require(false, "check_full_sparql throws nothing but QueryRefused");
    return false;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  if (!accepted(query)) return 0;
  for (const char* outbound :
       {"\nSERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o }", "\nLOAD <file:///etc/passwd>",
        "\nFROM <file:///etc/passwd>", "\n; INSERT DATA { <a> <b> <c> }"}) {
    require(!accepted(query + outbound),
            "an update, SERVICE, LOAD or FROM after a query is refused");
  }
  return 0;
}
