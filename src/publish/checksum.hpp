// SHA-256 of bytes, as lower-case hex: the dataset's ETag and the dumps' checksums.
#pragma once

#include <string>
#include <string_view>

namespace wa::publish {

[[nodiscard]] std::string sha256_hex(std::string_view data);

} // namespace wa::publish
