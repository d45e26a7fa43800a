// MD5, SHA1, SHA256, SHA384 and SHA512 of a string's UTF-8 bytes, in lower-case hex (OpenSSL).
#pragma once

#include <string>
#include <string_view>

namespace wa::engine {

/// `algorithm`: "MD5", "SHA1", "SHA256", "SHA384" or "SHA512".
[[nodiscard]] std::string hex_digest(std::string_view algorithm, std::string_view text);

} // namespace wa::engine
