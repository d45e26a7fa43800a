#include "engine/expr/functions.hpp"

namespace wa::engine {

FunctionContext::FunctionContext(std::string base_iri, std::chrono::system_clock::time_point now)
    : base_iri_(std::move(base_iri)), now_(now) {}

rdf::Term FunctionContext::blank_node_for(const std::string& label) {
  auto found = bnodes_.find({solution_, label});
  if (found != bnodes_.end()) return found->second;
  rdf::Term node = fresh_blank_node();
  bnodes_.emplace(std::make_pair(solution_, label), node);
  return node;
}

rdf::Term FunctionContext::fresh_blank_node() {
  return rdf::Term::blank("q" + std::to_string(++counter_));
}

} // namespace wa::engine
