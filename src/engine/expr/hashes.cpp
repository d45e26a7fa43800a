#include "engine/expr/hashes.hpp"

#include "engine/expr/functions.hpp"

#include <openssl/evp.h>

#include <memory>

namespace wa::engine {

std::string hex_digest(std::string_view algorithm, std::string_view text) {
  const EVP_MD* digest = algorithm == "MD5"      ? EVP_md5()
                         : algorithm == "SHA1"   ? EVP_sha1()
                         : algorithm == "SHA256" ? EVP_sha256()
                         : algorithm == "SHA384" ? EVP_sha384()
                                                 : EVP_sha512();
  unsigned char bytes[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), bytes, &length, digest, nullptr) != 1) {
    throw ExpressionError("the hash could not be computed");
  }
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[bytes[i] >> 4U];
    out += hex[bytes[i] & 0xFU];
  }
  return out;
}

} // namespace wa::engine
