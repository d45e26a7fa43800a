// The agenda's source text as numbered lines.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace wa::agenda {

struct SourceLine {
  int number = 0; ///< 1-based, as editors and error messages count
  std::string text;
};

[[nodiscard]] std::vector<SourceLine> read_source_lines(const std::filesystem::path& path);
[[nodiscard]] std::vector<SourceLine> source_lines_of(const std::string& text);

} // namespace wa::agenda
