// SHA-256 as the dumps' checksums and the dataset's ETag use it.
#include "publish/checksum.hpp"

#include <gtest/gtest.h>

namespace wa::publish {
namespace {

TEST(Checksum, GivesTheKnownDigestOfAbc) {
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Checksum, FedInPiecesGivesTheDigestOfTheWhole) {
  Sha256 hasher;
  hasher.update("a");
  hasher.update("");
  hasher.update("bc");
  EXPECT_EQ(hasher.hex(), sha256_hex("abc"));
}

} // namespace
} // namespace wa::publish
