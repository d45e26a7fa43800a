#include "agenda/corrections.hpp"

#include "agenda/text.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace wa::agenda {

namespace {

std::size_t occurrences(std::string_view text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos;
       at = text.find(part, at + part.size())) {
    ++count;
  }
  return count;
}

int line_number(const std::string& field) {
  int number = 0;
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), number);
  if (error != std::errc() || end != field.data() + field.size() || number <= 0) return 0;
  return number;
}

} // namespace

CorrectionTable::CorrectionTable(std::vector<Correction> corrections)
    : corrections_(std::move(corrections)) {}

CorrectionTable CorrectionTable::from_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(path.string() + ": cannot open");
  }
  std::vector<Correction> corrections;
  int table_line = 0;
  for (std::string line; std::getline(in, line);) {
    ++table_line;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    std::vector<std::string> fields = split(line, '|');
    for (std::string& field : fields)
      field = trim(field);
    const int source_line = fields.size() == 4 ? line_number(fields[0]) : 0;
    if (source_line == 0 || fields[1].empty() || fields[1] == fields[2] || fields[3].empty()) {
      throw std::runtime_error(path.string() + ":" + std::to_string(table_line) +
                               ": expected \"LINE | AS EXTRACTED | CORRECTED | WHY\"");
    }
    corrections.push_back({source_line, fields[1], fields[2], fields[3]});
  }
  return CorrectionTable(std::move(corrections));
}

CorrectionTable::Applied CorrectionTable::apply(std::vector<SourceLine>& lines) const {
  Applied applied;
  for (const Correction& correction : corrections_) {
    const auto index = static_cast<std::size_t>(correction.source_line - 1);
    if (index >= lines.size() || occurrences(lines[index].text, correction.extracted) != 1) {
      applied.problems.push_back(
          {correction.source_line, correction.extracted,
           "correction table: the text does not stand exactly once on its line"});
      continue;
    }
    std::string& text = lines[index].text;
    text.replace(text.find(correction.extracted), correction.extracted.size(),
                 correction.corrected);
    applied.corrections.push_back(correction);
  }
  return applied;
}

} // namespace wa::agenda
