#include "agenda/source_text.hpp"
#include "os/whole_file.hpp"

#include <sstream>
#include <stdexcept>

namespace wa::agenda {

std::vector<SourceLine> source_lines_of(const std::string& text) {
  std::vector<SourceLine> lines;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back({++number, std::move(line)});
  }
  return lines;
}

std::vector<SourceLine> read_source_lines(const std::filesystem::path& path) {
  std::optional<std::string> text = os::read_whole_file(path);
  if (!text) throw std::runtime_error(path.string() + ": cannot open");
  return source_lines_of(*text);
}

} // namespace wa::agenda
