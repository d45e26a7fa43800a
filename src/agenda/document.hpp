// The agenda's structure as the importer reads it from the source text:
// plain values, before any RDF.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace wa::agenda {

/// Where something stands in the source: its section ("2.4b") and first line.
struct SourceRef {
  std::string section;
  int line = 0;
};

struct Note {
  std::string text;
  SourceRef source;
  std::string supports; ///< the sentence the note follows in the text; may be empty
};

struct Indicator {
  std::string text;
  bool to_be_determined = false;
  std::optional<std::string> target_value; ///< xsd:decimal lexical form
  std::optional<std::string> baseline_value;
  std::optional<int> target_year;
  std::optional<int> baseline_year;
  bool percent = false;
};

struct Goal {
  int number = 0;
  std::string text;
  std::vector<Note> notes;
  std::optional<Indicator> indicator;
  SourceRef source;
};

struct PlannedResult {
  int year = 0; ///< results "t/m 2023" or "t/m 2025"
  std::string text;
  int line = 0; ///< where the cell begins in the source
};

/// One body's part in an action as its executor cell states it: the
/// qualified form of "executed by" (see ontology/MODEL.md, Participation).
struct Participation {
  std::string body;                  ///< IRI of the body
  bool lead = false;                 ///< the first named, or joined to it by "/"
  std::string scope;                 ///< the qualifier verbatim ("voor AVG"); may be empty
  std::optional<std::size_t> within; ///< the participation in whose qualifier it is named
  bool example = false;              ///< named as an example ("bijv.", "Zoals")
  bool conditional = false;          ///< its part depends on a condition ("evt.")
};

struct Executors {
  std::string statement;               ///< the cell as written, notes removed
  std::vector<std::string> bodies;     ///< IRIs of the firmly named bodies (no examples)
  std::optional<std::string> lead;     ///< IRI of the first named body ("trekker")
  bool lead_to_be_determined = false;  ///< the cell starts with "Ntb"
  std::vector<std::string> unresolved; ///< words that name no known body
  int line = 0;                        ///< where the (first) executor cell begins
  /// Every named body's part, examples included, in text order.
  std::vector<Participation> participations;
};

struct Action {
  int number = 0;
  std::string description;
  std::vector<PlannedResult> planned_results;
  std::optional<Executors> executors;
  std::vector<Note> notes;
  SourceRef source;
};

struct AchievedResult {
  int number = 0;
  std::string text;
  SourceRef source;
};

struct Challenge {
  std::string text;
  std::vector<Note> notes;
  SourceRef source;
};

struct Priority {
  int programme_line = 0;
  int number = 0;
  std::string title;
  Challenge challenge;
  std::vector<AchievedResult> achieved_results;
  std::vector<Goal> goals;
  std::vector<Action> actions;
  std::vector<Note> notes;
  SourceRef source;

  [[nodiscard]] std::string id() const {
    return std::to_string(programme_line) + "." + std::to_string(number);
  }
};

struct ProgrammeLine {
  int number = 0;
  std::string title;
  std::string description;
  std::vector<Priority> priorities;
  SourceRef source;
};

/// The agenda's grouping of its programme lines ("Fundament": 1 to 3).
struct ProgrammeLineGroup {
  int number = 0;
  std::string title;
  std::vector<int> programme_lines;
  int line = 0;
};

/// A promise the agenda makes about itself, with the year whose first half
/// it names ("in de eerste helft van 2023").
struct Commitment {
  std::string text;
  int first_half_of = 0;
  int line = 0;
};

struct Agenda {
  std::vector<ProgrammeLine> programme_lines;
  std::vector<ProgrammeLineGroup> groups;
  std::vector<Note> notes;
  /// "Waar 'nog te bepalen' staat, worden ... geformuleerd": when the
  /// indicators marked "Nog te bepalen" are to be set.
  std::optional<Commitment> indicators_to_be_determined;
};

/// A source line the importer could not place, or a fact it could not read.
struct Diagnostic {
  int line = 0;
  std::string text;
  std::string problem;
};

} // namespace wa::agenda
