#include "publish/gzip.hpp"

#include <gtest/gtest.h>

namespace wa::publish {
namespace {

TEST(Gzip, RoundTrips) {
  std::string text(100000, 'x');
  text += "einde";
  EXPECT_EQ(gunzip(gzip(text)), text);
}

TEST(Gzip, IsReproducible) { EXPECT_EQ(gzip("same input"), gzip("same input")); }

TEST(Gzip, WritesTheGzipMagicAndNoTimestamp) {
  std::string compressed = gzip("data");
  ASSERT_GE(compressed.size(), 10U);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1F);
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8B);
  EXPECT_EQ(compressed.substr(4, 4), std::string(4, '\0')); // MTIME
}

TEST(Gzip, RejectsCorruptInput) {
  EXPECT_THROW((void)gunzip("not gzip at all"), std::runtime_error);
}

} // namespace
} // namespace wa::publish
