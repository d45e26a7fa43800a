// Separates the agenda's notes ("Noot: ...") from the text they were glued into.
//
// In the text extraction a note runs from "Noot:" to the end of its line or
// table cell, except where the layout placed a footnote in the middle of a
// paragraph: there the paragraph resumes after the note with no marker at all.
// Those few places are listed in data/source/note-ends.txt (the last words of
// each such note), because no rule on capitals or punctuation separates them
// reliably from notes that mention names such as "Ceder en Bontenbal".
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wa::agenda {

struct NoteSplit {
  std::string text;               ///< the main text, notes removed
  std::vector<std::string> notes; ///< each note, without "Noot:"
  /// For each note, how much of `text` stood before it: the note follows
  /// (and supports) what ends there.
  std::vector<std::size_t> anchors;
};

/// The last sentence of `text`: what a footnote placed at its end supports.
/// A sentence ends at ". ", "? " or "! " before a capital, or at a line break.
[[nodiscard]] std::string last_sentence(std::string_view text);

class NoteSplitter {
public:
  NoteSplitter() = default;
  explicit NoteSplitter(std::vector<std::string> note_ends);

  /// Reads one note ending per line; blank lines and lines starting with '#' are skipped.
  static NoteSplitter from_file(const std::filesystem::path& path);

  NoteSplit split(std::string_view text);

  /// Listed endings that no note used: a stale list is an error.
  [[nodiscard]] std::vector<std::string> unused_note_ends() const;

private:
  std::vector<std::string> note_ends_;
  std::set<std::string> used_;
};

} // namespace wa::agenda
