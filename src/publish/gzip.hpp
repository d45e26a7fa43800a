// gzip in memory, byte-for-byte reproducible (no file name, no time stamp).
#pragma once

#include <string>
#include <string_view>

namespace wa::publish {

[[nodiscard]] std::string gzip(std::string_view data);
[[nodiscard]] std::string gunzip(std::string_view data);

} // namespace wa::publish
