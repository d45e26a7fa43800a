// Fuzzes the importer's text parser (src/agenda/importer.cpp and what it
// calls: notes, indicators, executor cells) with arbitrary source text.
//
// Invariants: the importer never throws (every line it cannot place becomes
// a diagnostic); every line number it reports or records lies in the text;
// goals, actions and achieved results are numbered 1, 2, 3, ... in order;
// planned results are for 2023 or 2025; a lead is one of the named bodies.
#include "agenda/importer.hpp"
#include "fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

namespace {

using namespace wa::agenda;
using wa::fuzz::require;

bool line_in_text(int line, std::size_t lines) {
  return line >= 0 && static_cast<std::size_t>(line) <= lines;
}

void check_executors(const Executors& executors) {
  if (executors.lead) {
    require(std::ranges::find(executors.bodies, *executors.lead) != executors.bodies.end(),
            "the lead is one of the named bodies");
  }
}

void check_priority(const Priority& priority, std::size_t lines) {
  require(priority.programme_line >= 1 && priority.programme_line <= 5,
          "a priority's programme line is 1 to 5");
  require(line_in_text(priority.source.line, lines), "a priority's line lies in the text");
  require(line_in_text(priority.challenge.source.line, lines),
          "a challenge's line lies in the text");
  for (std::size_t i = 0; i < priority.achieved_results.size(); ++i) {
    require(priority.achieved_results[i].number == static_cast<int>(i) + 1,
            "achieved results are numbered in order");
    require(line_in_text(priority.achieved_results[i].source.line, lines),
            "an achieved result's line lies in the text");
  }
  for (std::size_t i = 0; i < priority.goals.size(); ++i) {
    require(priority.goals[i].number == static_cast<int>(i) + 1, "goals are numbered in order");
    require(line_in_text(priority.goals[i].source.line, lines), "a goal's line lies in the text");
  }
  for (std::size_t i = 0; i < priority.actions.size(); ++i) {
    const Action& action = priority.actions[i];
    require(action.number == static_cast<int>(i) + 1, "actions are numbered in order");
    require(line_in_text(action.source.line, lines), "an action's line lies in the text");
    for (const PlannedResult& result : action.planned_results) {
      require(result.year == 2023 || result.year == 2025, "planned results are for 2023 or 2025");
      require(line_in_text(result.line, lines), "a planned result's line lies in the text");
    }
    if (action.executors) check_executors(*action.executors);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const AliasIndex bodies({{"BZK", wa::rdf::Term::iri("urn:bzk")},
                                  {"VNG", wa::rdf::Term::iri("urn:vng")},
                                  {"Logius", wa::rdf::Term::iri("urn:logius")},
                                  {"Ministerie van BZK", wa::rdf::Term::iri("urn:bzk")}});
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<SourceLine> lines = source_lines_of(text);
  NoteSplitter notes({"eindigt bij deze woorden", "Deepfakes zijn hier een voorbeeld van"});
  ImportResult result;
  try {
    result = import_agenda(lines, bodies, notes);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "thrown: %s\n", error.what());
    require(false, "the importer reports a line it cannot place; it never throws");
  } catch (...) {
    require(false, "the importer reports a line it cannot place; it never throws");
  }
  for (const Diagnostic& diagnostic : result.diagnostics) {
    require(line_in_text(diagnostic.line, lines.size()), "a diagnostic's line lies in the text");
    require(!diagnostic.problem.empty(), "a diagnostic says what the problem is");
  }
  for (const ProgrammeLine& line : result.agenda.programme_lines) {
    require(line.number >= 1 && line.number <= 5, "programme lines are numbered 1 to 5");
    require(line_in_text(line.source.line, lines.size()),
            "a programme line's line lies in the text");
    for (const Priority& priority : line.priorities) {
      require(std::ranges::count(line.priorities, priority.number, &Priority::number) == 1,
              "a priority is read once");
      check_priority(priority, lines.size());
    }
  }
  return 0;
}
