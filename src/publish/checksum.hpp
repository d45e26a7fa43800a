// SHA-256 of bytes, as lower-case hex: the dataset's ETag and the dumps' checksums.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace wa::publish {

/// SHA-256 fed piece by piece, for data too large to hold as one string.
class Sha256 {
public:
  Sha256();
  void update(std::string_view data);
  /// The digest of everything fed so far, as lower-case hex; the hasher is spent.
  [[nodiscard]] std::string hex();

private:
  struct Free {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, Free> context_;
};

[[nodiscard]] std::string sha256_hex(std::string_view data);

} // namespace wa::publish
