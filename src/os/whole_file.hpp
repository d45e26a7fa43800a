// A file's bytes, read at once.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace wa::os {

/// The file's bytes, or nullopt when it cannot be opened or read. A regular
/// file is read into a string sized for it: a string stream grows by doubling
/// and copying, which cost YASGUI's 1 MB script a few ms of the server's start.
/// A pipe (a query on /dev/stdin) is read as a stream.
inline std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_type type = std::filesystem::status(path, error).type();
  if (type == std::filesystem::file_type::directory) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  if (type != std::filesystem::file_type::regular) {
    std::ostringstream streamed;
    streamed << in.rdbuf();
    return streamed.str();
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return std::nullopt;
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  return bytes;
}

} // namespace wa::os
