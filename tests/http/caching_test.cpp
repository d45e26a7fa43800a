// HTTP caching as a CDN in front of the replicas meets it: a release's dumps
// are kept for a year; everything else for minutes, then revalidated with the
// same ETag and Last-Modified from every replica (the release's date, not the
// server's start); errors are never kept; Vary names what an answer depends on.
#include "http/caching.hpp"
#include "publish/release.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/earlier_release.hpp"
#include "support/project.hpp"
#include "support/server_process.hpp"
#include "support/server_with_releases.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace wa::http {
namespace {

using test::earlier_version;
using test::ServerProcess;

/// The Last-Modified of the release a catalogue file describes.
std::string release_date(const std::filesystem::path& catalogue) {
  rdf::Model model;
  rdf::read_file(model, catalogue, test::default_base());
  return http_date_of(publish::release_of(model, test::default_base()).date);
}

class Caching : public test::ServerWithReleases {};

const std::vector<std::string>& latest_paths() {
  static const std::vector<std::string> paths = {"/dump/werkagenda.ttl",
                                                 "/catalogue",
                                                 "/.well-known/void",
                                                 "/doc/action/3.3.5.html",
                                                 "/doc/action/3.3.5",
                                                 "/",
                                                 "/def",
                                                 "/sitemap.xml",
                                                 "/sparql?query=ASK%7B%7D",
                                                 "/id/action/3.3.5"};
  return paths;
}

TEST_F(Caching, AReleasesDumpsAreKeptForAYear) {
  for (const std::string& release : {earlier_version, test::current_version()}) {
    auto response = get("/dump/" + release + "/werkagenda.ttl");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << release;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_FALSE(response->get_header_value("ETag").empty());
  }
  // Each dated by its own release.
  EXPECT_EQ(get("/dump/" + earlier_version + "/werkagenda.ttl")->get_header_value("Last-Modified"),
            release_date(test::earlier_releases() / earlier_version / "catalogue.ttl"));
}

TEST_F(Caching, WhatANewReleaseChangesIsKeptForMinutesAndRevalidated) {
  const std::string current = release_date(test::project_root() / "data/curated/catalogue.ttl");
  for (const std::string& path : latest_paths()) {
    auto response = get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_LT(response->status, 400) << path;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "public, max-age=300") << path;
  }
  for (const std::string path : {"/dump/werkagenda.ttl", "/catalogue", "/sparql?query=ASK%7B%7D"}) {
    auto response = get(path);
    ASSERT_TRUE(response);
    EXPECT_FALSE(response->get_header_value("ETag").empty()) << path;
    EXPECT_EQ(response->get_header_value("Last-Modified"), current) << path;
  }
}

TEST_F(Caching, ARevalidatedAnswerKeepsItsCacheControl) {
  const std::string etag = get("/dump/werkagenda.nt")->get_header_value("ETag");
  auto again = get("/dump/werkagenda.nt", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(again->get_header_value("Cache-Control"), "public, max-age=300");
}

TEST_F(Caching, ErrorsAreNeverKept) {
  for (const std::string path :
       {"/dump/0.0.1/werkagenda.ttl", "/doc/action/99.99.99", "/sparql?query=SELEKT",
        "/sparql?query=ASK%7B%7D&format=png", "/no/such/page"}) {
    auto response = get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_GE(response->status, 400) << path;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "no-store") << path;
    EXPECT_FALSE(response->has_header("ETag")) << path;
  }
  for (const std::string path : {"/healthz", "/readyz", "/metrics"}) {
    EXPECT_EQ(get(path)->get_header_value("Cache-Control"), "no-store") << path;
  }
}

TEST_F(Caching, VaryNamesWhatTheAnswerDependsOn) {
  // Compressed for a client that accepts gzip, so every stored answer varies by Accept-Encoding;
  // an answer chosen by negotiation varies by Accept too, even when none was sent.
  for (const std::string path : {"/catalogue", "/.well-known/void", "/doc/action/3.3.5",
                                 "/id/action/3.3.5", "/sparql?query=ASK%7B%7D"}) {
    const std::string vary = get(path)->get_header_value("Vary");
    EXPECT_NE(vary.find("Accept-Encoding"), std::string::npos) << path << ": " << vary;
    EXPECT_NE((vary + ",").find("Accept,"), std::string::npos) << path << ": " << vary;
  }
  const std::string dump = get("/dump/werkagenda.ttl")->get_header_value("Vary");
  EXPECT_EQ(dump, "Accept-Encoding");
}

TEST(CachingAcrossReplicas, TwoStartsGiveTheSameValidators) {
  auto validators = [](const ServerProcess& server) {
    httplib::Client client(server.host(), server.port());
    std::vector<std::string> seen;
    for (const std::string path :
         {"/sparql?query=ASK%7B%7D", "/dump/werkagenda.ttl", "/catalogue"}) {
      auto response = client.Get(path);
      seen.push_back(response ? response->get_header_value("ETag") + " " +
                                    response->get_header_value("Last-Modified")
                              : "no answer");
    }
    return seen;
  };
  std::vector<std::string> first;
  {
    ServerProcess server({"--workers", "1"});
    first = validators(server);
  }
  // Over a second later: a Last-Modified taken from the clock at start would differ.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ServerProcess server({"--workers", "1"});
  EXPECT_EQ(validators(server), first);
}

TEST(CachingRules, ADateIsTheStartOfThatDayInHttpForm) {
  EXPECT_EQ(http_date_of("2026-11-29"), "Sun, 29 Nov 2026 00:00:00 GMT");
  EXPECT_EQ(http_date_of("2022-11-04"), "Fri, 04 Nov 2022 00:00:00 GMT");
  EXPECT_THROW((void)http_date_of("29-11-2026"), std::invalid_argument);
  EXPECT_THROW((void)http_date_of("2026-11-29T00:00:00"), std::invalid_argument);
}

TEST(CachingRules, VaryListsEachFieldOnce) {
  httplib::Response response;
  add_vary(response, "Accept");
  add_vary(response, "Accept-Encoding");
  add_vary(response, "accept");
  EXPECT_EQ(response.get_header_value("Vary"), "Accept, Accept-Encoding");
  EXPECT_EQ(response.headers.count("Vary"), 1U);
}

} // namespace
} // namespace wa::http
