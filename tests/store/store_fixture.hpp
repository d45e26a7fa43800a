// A store over tests/data/store/people.ttl, and helpers to read answers.
#pragma once

#include "rdf/turtle_reader.hpp"
#include "store/engine_store.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace wa::store::test {

inline const std::string base = "http://example.org/base/";
inline const std::string prefix = "PREFIX ex: <http://example.org/>\n";

inline agenda::Dataset people_dataset() {
  agenda::Dataset dataset;
  dataset.base = base;
  rdf::Model model;
  rdf::read_file(model, wa::test::test_data("store/people.ttl"), base);
  dataset.parts.push_back({"people", std::move(model)});
  return dataset;
}

/// Our engine over `dataset`: each part a named graph, the default graph their union.
inline EngineStore engine_over(const agenda::Dataset& dataset, EngineLimits limits = {}) {
  return EngineStore(std::make_shared<IndexedDataset>(EngineStore::index_of(dataset)), dataset.base,
                     limits);
}

inline EngineStore& people() {
  static EngineStore store = engine_over(people_dataset());
  return store;
}

inline rdf::QueryResult ask_people(const std::string& query, std::size_t limit = 1000) {
  return people().query(prefix + query, limit);
}

/// The rows as N-Triples terms joined by spaces ("-" for unbound), sorted unless `ordered`.
inline std::vector<std::string> rows_of(const rdf::QueryResult& result, bool ordered = false) {
  std::vector<std::string> rows;
  for (const rdf::QueryResult::Row& row : result.rows) {
    std::string line;
    for (const std::optional<rdf::Term>& value : row) {
      line += (line.empty() ? "" : " ") + (value ? value->to_ntriples() : std::string("-"));
    }
    rows.push_back(line);
  }
  if (!ordered) std::ranges::sort(rows);
  return rows;
}

/// The message of the refusal, or "" if the query ran.
inline std::string refusal(const std::string& query) {
  try {
    (void)ask_people(query);
    return "";
  } catch (const QueryRefused& refused) {
    EXPECT_EQ(refused.status(), 400);
    return refused.what();
  }
}

inline std::string integer(int value) {
  return "\"" + std::to_string(value) + "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
}

} // namespace wa::store::test
