// A test suite's server that keeps an earlier release (test::earlier_releases()):
// one `werkagenda serve --releases` process for all the suite's tests.
#pragma once

#include "support/earlier_release.hpp"
#include "support/server_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

namespace wa::test {

class ServerWithReleases : public ::testing::Test {
protected:
  static inline ServerProcess* server = nullptr;

  static void SetUpTestSuite() {
    server = new ServerProcess({"--workers", "1", "--releases", earlier_releases().string()});
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  /// GET exactly `path`, as written: the client encodes nothing of its own.
  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client(server->host(), server->port());
    client.set_url_encode(false);
    client.set_read_timeout(30, 0);
    return client.Get(path, headers);
  }
};

} // namespace wa::test
