// The correction table: mends the text extraction's damage (words joined
// where the layout broke a line, footnote markers glued to words, a stray
// letter) on the listed source lines, and only there.
//
// The source text is published unchanged with its checksum, so the verbatim
// claim must hold of it; every correction is data (data/source/corrections.txt
// and wa:Correction in the dataset), never a silent rule in the importer.
#pragma once

#include "agenda/document.hpp"
#include "agenda/source_text.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace wa::agenda {

struct Correction {
  int source_line = 0;
  std::string extracted; ///< the text as the extraction has it
  std::string corrected;
  std::string reason; ///< in English, for wa:Correction's rdfs:comment
};

class CorrectionTable {
public:
  CorrectionTable() = default;
  explicit CorrectionTable(std::vector<Correction> corrections);

  /// "LINE | AS EXTRACTED | CORRECTED | WHY" per line; '#' starts a comment
  /// line. Throws, naming the file and line, on an entry of another shape.
  static CorrectionTable from_file(const std::filesystem::path& path);

  struct Applied {
    std::vector<Correction> corrections; ///< those that changed their line
    std::vector<Diagnostic> problems;    ///< one per entry that did not
  };

  /// Applies every correction to its line. An entry whose text does not
  /// stand exactly once on its line changes nothing and is reported.
  [[nodiscard]] Applied apply(std::vector<SourceLine>& lines) const;

  [[nodiscard]] const std::vector<Correction>& entries() const { return corrections_; }

private:
  std::vector<Correction> corrections_;
};

} // namespace wa::agenda
