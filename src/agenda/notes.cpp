#include "agenda/notes.hpp"

#include "agenda/text.hpp"

#include <cctype>
#include <fstream>
#include <stdexcept>

namespace wa::agenda {

namespace {

constexpr std::string_view note_marker = "Noot:";

/// Joins the pieces of main text around a note: a piece that began on a new
/// line stays on its own line.
void append_text(std::string& text, std::string_view piece) {
  std::string trimmed = trim(piece);
  if (trimmed.empty()) {
    return;
  }
  if (!text.empty()) {
    text += piece.starts_with('\n') ? '\n' : ' ';
  }
  text += trimmed;
}

} // namespace

NoteSplitter::NoteSplitter(std::vector<std::string> note_ends) : note_ends_(std::move(note_ends)) {}

NoteSplitter NoteSplitter::from_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(path.string() + ": cannot open");
  }
  std::vector<std::string> ends;
  for (std::string line; std::getline(in, line);) {
    std::string entry = trim(line);
    if (!entry.empty() && entry.front() != '#') {
      ends.push_back(entry);
    }
  }
  return NoteSplitter(std::move(ends));
}

NoteSplit NoteSplitter::split(std::string_view text) {
  NoteSplit result;
  std::size_t cursor = 0;
  while (cursor < text.size()) {
    std::size_t marker = text.find(note_marker, cursor);
    if (marker == std::string_view::npos) {
      append_text(result.text, text.substr(cursor));
      break;
    }
    append_text(result.text, text.substr(cursor, marker - cursor));
    result.anchors.push_back(result.text.size());
    std::size_t body = marker + note_marker.size();
    std::size_t end = text.find('\n', body);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    for (const std::string& ending : note_ends_) {
      std::size_t at = text.substr(0, end).find(ending, body);
      if (at != std::string_view::npos && at + ending.size() < end) {
        end = at + ending.size();
        used_.insert(ending);
      }
    }
    result.notes.push_back(trim(text.substr(body, end - body)));
    cursor = end;
  }
  return result;
}

std::string last_sentence(std::string_view text) {
  std::string whole = trim(text);
  std::size_t start = 0;
  // Skips the sentence's own final mark: search the boundaries before it.
  for (std::size_t at = 0; at + 2 < whole.size(); ++at) {
    const char c = whole[at];
    if (c == '\n') {
      start = at + 1;
    } else if ((c == '.' || c == '?' || c == '!') && whole[at + 1] == ' ' &&
               std::isupper(static_cast<unsigned char>(whole[at + 2]))) {
      start = at + 2;
    }
  }
  return whole.substr(start);
}

std::vector<std::string> NoteSplitter::unused_note_ends() const {
  std::vector<std::string> unused;
  for (const std::string& ending : note_ends_) {
    if (!used_.contains(ending)) {
      unused.push_back(ending);
    }
  }
  return unused;
}

} // namespace wa::agenda
