#include "sparql/protocol.hpp"

#include <gtest/gtest.h>

namespace wa::sparql {
namespace {

HttpRequestView get(std::multimap<std::string, std::string> params) {
  return {"GET", "", "", std::move(params), "application/sparql-results+json"};
}

TEST(Protocol, ReadsAQueryFromTheUrl) {
  ProtocolOutcome outcome = read_protocol_request(get({{"query", "ASK {}"}}), 1000);
  EXPECT_EQ(outcome.kind, ProtocolOutcome::Kind::query);
  EXPECT_EQ(outcome.query, "ASK {}");
  EXPECT_EQ(outcome.accept, "application/sparql-results+json");
}

TEST(Protocol, AFormatParameterOverridesAccept) {
  EXPECT_EQ(read_protocol_request(get({{"query", "ASK {}"}, {"format", "csv"}}), 1000).accept,
            "format=csv");
}

TEST(Protocol, WithoutAQueryAGetAsksForTheServiceDescription) {
  EXPECT_EQ(read_protocol_request(get({}), 1000).kind, ProtocolOutcome::Kind::service_description);
}

TEST(Protocol, ReadsAQueryFromTheBody) {
  ProtocolOutcome outcome = read_protocol_request(
      {"POST", "application/sparql-query; charset=utf-8", "ASK {}", {}, ""}, 1000);
  EXPECT_EQ(outcome.kind, ProtocolOutcome::Kind::query);
  EXPECT_EQ(outcome.query, "ASK {}");
}

TEST(Protocol, ReadsAQueryFromAForm) {
  ProtocolOutcome outcome = read_protocol_request(
      {"POST", "application/x-www-form-urlencoded", "", {{"query", "ASK {}"}}, ""}, 1000);
  EXPECT_EQ(outcome.query, "ASK {}");
}

TEST(Protocol, RefusesUpdatesAndDuplicateQueries) {
  EXPECT_EQ(
      read_protocol_request(
          {"POST", "application/x-www-form-urlencoded", "", {{"update", "CLEAR ALL"}}, ""}, 1000)
          .status,
      400);
  EXPECT_EQ(read_protocol_request({"POST", "application/sparql-update", "CLEAR ALL", {}, ""}, 1000)
                .status,
            400);
  EXPECT_EQ(read_protocol_request(get({{"query", "ASK {}"}, {"query", "ASK {}"}}), 1000).status,
            400);
}

TEST(Protocol, CarriesTheDatasetParametersInTheirOrder) {
  const ProtocolOutcome outcome = read_protocol_request(get({{"query", "ASK {}"},
                                                             {"default-graph-uri", "http://e/b"},
                                                             {"named-graph-uri", "http://e/n"},
                                                             {"default-graph-uri", "http://e/a"}}),
                                                        1000);
  ASSERT_EQ(outcome.kind, ProtocolOutcome::Kind::query);
  EXPECT_EQ(outcome.dataset.default_graphs, (std::vector<std::string>{"http://e/b", "http://e/a"}));
  EXPECT_EQ(outcome.dataset.named_graphs, std::vector<std::string>{"http://e/n"});
  EXPECT_TRUE(read_protocol_request(get({{"query", "ASK {}"}}), 1000).dataset.empty());
}

TEST(Protocol, RefusesOtherMethodsMediaTypesAndSizes) {
  EXPECT_EQ(read_protocol_request({"PUT", "", "", {}, ""}, 1000).status, 405);
  EXPECT_EQ(read_protocol_request({"POST", "text/plain", "ASK {}", {}, ""}, 1000).status, 415);
  EXPECT_EQ(read_protocol_request(
                {"POST", "application/sparql-query", std::string(2000, ' '), {}, ""}, 1000)
                .status,
            413);
}

} // namespace
} // namespace wa::sparql
