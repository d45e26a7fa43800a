// Reads the agenda's source text into its structure: programme lines,
// priorities, challenges, achieved results, goals with indicators, actions
// with planned results and executors, and notes.
//
// The text is an extraction of a laid-out publication. The importer knows its
// quirks (cells lost or shifted one column, notes inside cells, "1.4a" where
// "1.4b" is meant, bullets broken in two) and reports every line it cannot
// place, with its number, instead of guessing.
#pragma once

#include "agenda/alias_index.hpp"
#include "agenda/document.hpp"
#include "agenda/notes.hpp"
#include "agenda/source_text.hpp"

#include <vector>

namespace wa::agenda {

struct ImportResult {
  Agenda agenda;
  std::vector<Diagnostic> diagnostics;
};

/// `bodies` names the executing bodies (to read executor cells);
/// `notes` separates notes from the text they are glued into.
[[nodiscard]] ImportResult import_agenda(const std::vector<SourceLine>& lines,
                                         const AliasIndex& bodies, NoteSplitter& notes);

} // namespace wa::agenda
