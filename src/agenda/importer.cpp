#include "agenda/importer.hpp"

#include "agenda/executors.hpp"
#include "agenda/indicator.hpp"
#include "agenda/text.hpp"

#include <algorithm>
#include <functional>
#include <regex>
#include <string>

namespace wa::agenda {

namespace {

const std::regex& priority_heading() {
  // "1.1 Titel | Overzicht", "1.3a Titel | Overzicht", "1.4b Titel | Acties"
  static const std::regex pattern(R"(^([1-5])\.([1-9])[ab]? (.+) \| (Overzicht|Acties)$)");
  return pattern;
}

const std::regex& row_start() {
  // At most four digits: a longer number is no row number (and would overflow an int).
  static const std::regex pattern(R"(^(\d{1,4}) \| )");
  return pattern;
}

constexpr std::string_view goals_header = "Nr. | Doelen | Beoogde indicatoren |";
constexpr std::string_view goals_rule = "---|---|---|";
constexpr std::string_view extra_remarks = "Extra opmerkingen op deze pagina";
constexpr std::string_view colophon = "Colofon";
const std::vector<std::string_view> actions_header = {
    "Nr. | Actiebeschrijving | Resultaat t/m 2023 |", "Resultaat t/m 2025 |",
    "Uitvoerder Door wie, met wie |", "---|---|---|---|---|"};

struct RawRow {
  int number = 0;
  int line = 0;
  std::string text;
};

/// The cells of a table row after its number. A trailing "|" closes the row
/// and adds no cell; lines of only "|" are cells the extraction lost.
std::vector<std::string> cells_of(const RawRow& row) {
  std::vector<std::string> cells = split(row.text, '|');
  cells.erase(cells.begin());
  if (trim(row.text).ends_with('|')) {
    cells.pop_back();
  }
  for (std::string& cell : cells) {
    cell = trim(cell);
  }
  return cells;
}

/// The source line on which each cell after the row's number begins (where
/// its first character stands; an empty cell counts from its border).
std::vector<int> cell_lines(const RawRow& row) {
  std::vector<int> lines;
  int line = row.line;
  bool in_cell = false;
  int cell_start = -1;
  int border_line = row.line;
  for (char c : row.text) {
    if (c == '|') {
      if (in_cell) lines.push_back(cell_start >= 0 ? cell_start : border_line);
      in_cell = true;
      cell_start = -1;
      border_line = line;
    } else if (c == '\n') {
      ++line;
    } else if (in_cell && cell_start < 0 && c != ' ') {
      cell_start = line;
    }
  }
  if (in_cell) lines.push_back(cell_start >= 0 ? cell_start : border_line);
  return lines;
}

bool starts_lowercase(std::string_view text) {
  return !text.empty() && text.front() >= 'a' && text.front() <= 'z';
}

class Parser {
public:
  Parser(const std::vector<SourceLine>& lines, const AliasIndex& bodies, NoteSplitter& notes)
      : lines_(lines), bodies_(bodies), notes_(notes) {}

  ImportResult run() {
    skip_front_matter();
    read_programme_line_groups();
    read_programme_lines();
    resolve_programme_line_groups();
    read_agenda_notes();
    read_layout_explanation();
    read_body();
    for (const std::string& ending : notes_.unused_note_ends()) {
      result_.diagnostics.push_back(
          {0, ending, "listed in note-ends.txt but ends no note in the text"});
    }
    return std::move(result_);
  }

private:
  const std::vector<SourceLine>& lines_;
  const AliasIndex& bodies_;
  NoteSplitter& notes_;
  std::size_t at_ = 0;
  ImportResult result_;
  ProgrammeLine* programme_line_ = nullptr;
  /// Programme line titles as the grouping lists them, until the lines are read.
  struct GroupedTitle {
    std::size_t group = 0;
    std::string title;
    int line = 0;
  };
  std::vector<GroupedTitle> grouped_titles_;

  [[nodiscard]] bool done() const { return at_ >= lines_.size(); }
  [[nodiscard]] const SourceLine& current() const { return lines_[at_]; }
  [[nodiscard]] const std::string& text() const { return lines_[at_].text; }

  void report(int line, std::string_view text, std::string problem) {
    result_.diagnostics.push_back({line, std::string(text), std::move(problem)});
  }

  /// Consumes `expected` or reports the line that stands in its place.
  bool expect(std::string_view expected) {
    if (!done() && text() == expected) {
      ++at_;
      return true;
    }
    report(done() ? 0 : current().number, done() ? "" : text(),
           "expected \"" + std::string(expected) + "\"");
    return false;
  }

  /// Front and back matter that the dataset does not model, each for a reason:
  /// the publisher line and colophon repeat what the agenda's curated metadata
  /// says; the table of contents repeats the headings; "Aanleiding" quotes the
  /// coalition agreement and a letter; "vijf programmalijnen" groups the
  /// programme lines; "Prioriteiten langs vijf dimensies" explains the layout.
  void skip_section(std::string_view heading,
                    const std::function<bool(const std::string&)>& is_next) {
    if (!expect(heading)) {
      return;
    }
    while (!done() && !is_next(text())) {
      ++at_;
    }
  }

  void skip_front_matter() {
    auto is = [](std::string_view heading) {
      return [heading](const std::string& line) { return line == heading; };
    };
    skip_section("Dit is een publicatie van de Rijksoverheid", is("Inhoudsopgave"));
    skip_section("Inhoudsopgave", is("Aanleiding werkagenda"));
    skip_section("Aanleiding werkagenda", is("Werkagenda vijf programmalijnen"));
  }

  /// "Werkagenda vijf programmalijnen": a group's name ("Fundament") on its
  /// own line, then its programme lines' titles as bullets.
  void read_programme_line_groups() {
    if (!expect("Werkagenda vijf programmalijnen")) return;
    std::vector<ProgrammeLineGroup>& groups = result_.agenda.groups;
    while (!done() && !text().starts_with("Programmalijn ")) {
      if (text().starts_with("- ") && !groups.empty()) {
        grouped_titles_.push_back({groups.size() - 1, trim(text().substr(2)), current().number});
      } else if (text().starts_with("- ")) {
        report(current().number, text(), "a programme line before any group");
      } else {
        const int number = static_cast<int>(groups.size()) + 1;
        groups.push_back({number, trim(text()), {}, current().number});
      }
      ++at_;
    }
  }

  void resolve_programme_line_groups() {
    for (const GroupedTitle& grouped : grouped_titles_) {
      auto found =
          std::ranges::find(result_.agenda.programme_lines, grouped.title, &ProgrammeLine::title);
      if (found == result_.agenda.programme_lines.end()) {
        report(grouped.line, grouped.title, "the grouping names no programme line of this title");
        continue;
      }
      result_.agenda.groups[grouped.group].programme_lines.push_back(found->number);
    }
  }

  /// "Prioriteiten langs vijf dimensies" explains the layout of the
  /// priorities; one of its bullets is a promise kept as data: where an
  /// indicator is "nog te bepalen", it is to be set in the first half of 2023.
  void read_layout_explanation() {
    static const std::regex promise(
        R"(^- (Waar ‘nog te bepalen’ staat, .*eerste helft van (\d{4}).*)$)");
    if (!expect("Prioriteiten langs vijf dimensies")) return;
    while (!done() && !is_programme_line_heading(text())) {
      std::smatch found;
      if (std::regex_match(text(), found, promise)) {
        result_.agenda.indicators_to_be_determined =
            Commitment{trim(found[1].str()), std::stoi(found[2]), current().number};
      }
      ++at_;
    }
  }

  void read_programme_lines() {
    static const std::regex label(R"(^Programmalijn ([1-5])$)");
    std::smatch found;
    while (!done() && std::regex_match(text(), found, label)) {
      ProgrammeLine line;
      line.number = std::stoi(found[1]);
      line.source = {std::to_string(line.number), current().number};
      ++at_;
      line.title = trim(text());
      ++at_;
      std::vector<std::string> paragraphs;
      while (!done() && !text().starts_with("Programmalijn ") && !text().starts_with("Noot:") &&
             text() != "Prioriteiten langs vijf dimensies") {
        paragraphs.push_back(trim(text()));
        ++at_;
      }
      line.description = join(paragraphs, "\n");
      if (line.number != static_cast<int>(result_.agenda.programme_lines.size()) + 1) {
        report(line.source.line, "Programmalijn " + std::to_string(line.number),
               "programme line out of order");
      }
      result_.agenda.programme_lines.push_back(std::move(line));
    }
  }

  /// The note after the programme lines explains their word "Iedereen": it
  /// belongs to the agenda, not to programme line 5 above it.
  void read_agenda_notes() {
    while (!done() && text().starts_with("Noot:")) {
      for (std::string& note : notes_.split(text()).notes) {
        result_.agenda.notes.push_back(
            {std::move(note), {"programmalijnen", current().number}, {}});
      }
      ++at_;
    }
  }

  static std::string heading_of(const ProgrammeLine& programme_line) {
    return std::to_string(programme_line.number) + " " + programme_line.title;
  }

  /// The programme line that `line` is the heading of, if any.
  [[nodiscard]] ProgrammeLine* programme_line_headed(const std::string& line) {
    std::vector<ProgrammeLine>& lines = result_.agenda.programme_lines;
    auto found = std::ranges::find_if(
        lines, [&line](const ProgrammeLine& candidate) { return line == heading_of(candidate); });
    return found == lines.end() ? nullptr : &*found;
  }

  [[nodiscard]] bool is_programme_line_heading(const std::string& line) const {
    return std::ranges::any_of(
        result_.agenda.programme_lines,
        [&line](const ProgrammeLine& candidate) { return line == heading_of(candidate); });
  }

  /// The programme line numbered `number`, if the text has one.
  [[nodiscard]] ProgrammeLine* programme_line_numbered(int number) {
    for (ProgrammeLine& programme_line : result_.agenda.programme_lines) {
      if (programme_line.number == number) return &programme_line;
    }
    return nullptr;
  }

  [[nodiscard]] bool ends_block(const std::string& line) const {
    return std::regex_match(line, priority_heading()) || is_programme_line_heading(line) ||
           line.starts_with("Noot:") || line == extra_remarks || line == colophon;
  }

  void read_body() {
    while (!done() && text() != colophon) {
      std::smatch found;
      const std::string line = text();
      if (ProgrammeLine* headed = programme_line_headed(line)) {
        programme_line_ = headed;
        ++at_;
      } else if (std::regex_match(line, found, priority_heading())) {
        read_priority_part(std::stoi(found[1]), std::stoi(found[2]), trim(found[3].str()),
                           found[4] == "Overzicht");
      } else {
        report(current().number, line, "outside any section");
        ++at_;
      }
    }
    if (!done()) {
      skip_section(colophon, [](const std::string&) { return false; });
    }
  }

  /// nullptr when the text has no programme line `programme_line`.
  Priority* priority_for(int programme_line, int number, const std::string& title, int line) {
    if (programme_line_ == nullptr || programme_line_->number != programme_line) {
      report(line, title, "priority outside its programme line");
      programme_line_ = programme_line_numbered(programme_line);
      if (programme_line_ == nullptr) return nullptr;
    }
    std::vector<Priority>& priorities = programme_line_->priorities;
    auto existing = std::ranges::find(priorities, number, &Priority::number);
    if (existing == priorities.end()) {
      Priority priority;
      priority.programme_line = programme_line;
      priority.number = number;
      priority.title = title;
      priority.source = {priority.id() + "a", line};
      priorities.push_back(std::move(priority));
      return &priorities.back();
    }
    if (existing->title != title) {
      report(line, title, "title differs from the overview's \"" + existing->title + "\"");
    }
    return &*existing;
  }

  void read_priority_part(int programme_line, int number, const std::string& title, bool overview) {
    const int heading_line = current().number;
    Priority* found = priority_for(programme_line, number, title, heading_line);
    ++at_;
    if (found == nullptr) {
      report(heading_line, title,
             "the text has no programme line " + std::to_string(programme_line));
      return;
    }
    // A second overview or action table of a priority is reported; its lines
    // are read into a scratch copy so they pass, but its numbers are not kept twice.
    const bool repeated = overview ? !found->goals.empty() : !found->actions.empty();
    Priority scratch;
    scratch.programme_line = programme_line;
    scratch.number = number;
    if (repeated) {
      report(heading_line, title,
             std::string("a second ") + (overview ? "overview" : "action table") + " of priority " +
                 found->id());
    }
    Priority& priority = repeated ? scratch : *found;
    if (overview) {
      read_overview(priority, heading_line);
    } else {
      read_actions(priority);
    }
    read_trailing_notes(priority, overview ? "a" : "b");
  }

  void read_overview(Priority& priority, int heading_line) {
    priority.source = {priority.id() + "a", heading_line};
    const std::string section = priority.id() + "a";
    if (expect("Maatschappelijke opgave")) {
      read_challenge(priority, section);
    }
    if (expect("Behaalde resultaten")) {
      read_achieved_results(priority, section);
    }
    if (expect(goals_header) && expect(goals_rule)) {
      for (const RawRow& row : read_rows(3)) {
        priority.goals.push_back(read_goal(row, section));
      }
    }
  }

  void read_challenge(Priority& priority, const std::string& section) {
    priority.challenge.source = {section, done() ? 0 : current().number};
    std::vector<std::string> paragraphs;
    while (!done() && text() != "Behaalde resultaten" && !ends_block(text())) {
      add_paragraph(paragraphs, priority.challenge.notes, {section, current().number});
      ++at_;
    }
    // A challenge line that starts with "Noot:" ends the block above; it is a
    // footnote inside the paragraph, so it is read as part of the challenge.
    while (!done() && text().starts_with("Noot:")) {
      add_paragraph(paragraphs, priority.challenge.notes, {section, current().number});
      ++at_;
      while (!done() && text() != "Behaalde resultaten" && !ends_block(text())) {
        add_paragraph(paragraphs, priority.challenge.notes, {section, current().number});
        ++at_;
      }
    }
    priority.challenge.text = join(paragraphs, "\n");
  }

  void add_paragraph(std::vector<std::string>& paragraphs, std::vector<Note>& notes,
                     const SourceRef& source) {
    NoteSplit split = notes_.split(text());
    keep_notes(split, paragraphs.empty() ? "" : paragraphs.back(), notes, source);
    if (!split.text.empty()) {
      paragraphs.push_back(split.text);
    }
  }

  /// Moves the split's notes into `notes`, each with the sentence it follows;
  /// `before` is the text of the item that precedes the split piece.
  static void keep_notes(NoteSplit& split, std::string_view before, std::vector<Note>& notes,
                         const SourceRef& source) {
    for (std::size_t k = 0; k < split.notes.size(); ++k) {
      std::string preceding(before);
      std::string_view piece = std::string_view(split.text).substr(0, split.anchors[k]);
      if (!piece.empty() && !preceding.empty()) preceding += ' ';
      preceding += piece;
      notes.push_back({std::move(split.notes[k]), source, last_sentence(preceding)});
    }
  }

  void read_achieved_results(Priority& priority, const std::string& section) {
    while (!done() && text() != goals_header && !ends_block(text())) {
      if (!text().starts_with("- ")) {
        report(current().number, text(), "expected an achieved result (\"- ...\")");
      } else if (std::string item = trim(text().substr(2));
                 starts_lowercase(item) && !priority.achieved_results.empty()) {
        // A bullet broken in two: "... ICT producten en" / "- diensten gestimuleerd"
        // was "ICT producten en -diensten gestimuleerd".
        priority.achieved_results.back().text += " -" + item;
      } else {
        int number = static_cast<int>(priority.achieved_results.size()) + 1;
        priority.achieved_results.push_back({number, item, {section, current().number}});
      }
      ++at_;
    }
  }

  /// The rows of a table of `columns` columns (the number included). A row
  /// runs over several lines until it has all its cell borders; a line after
  /// a complete row that starts no new row is reported.
  std::vector<RawRow> read_rows(std::size_t columns) {
    std::vector<RawRow> rows;
    while (!done() && !ends_block(text())) {
      std::smatch found;
      int expected = static_cast<int>(rows.size()) + 1;
      if (std::regex_search(text(), found, row_start()) && std::stoi(found[1]) == expected) {
        rows.push_back({expected, current().number, text()});
      } else if (!rows.empty() &&
                 std::ranges::count(rows.back().text, '|') < static_cast<long>(columns)) {
        rows.back().text += "\n" + text();
      } else {
        report(current().number, text(), "expected table row " + std::to_string(expected));
      }
      ++at_;
    }
    return rows;
  }

  Goal read_goal(const RawRow& row, const std::string& section) {
    std::vector<std::string> cells = cells_of(row);
    Goal goal;
    goal.number = row.number;
    goal.source = {section, row.line};
    goal.text = take_notes(cells.empty() ? "" : cells[0], goal.notes, goal.source);
    std::string indicator = cells.size() > 1 ? cells[1] : "";
    if (indicator.empty()) {
      indicator = take_merged_indicator(goal.text);
    }
    if (!indicator.empty()) {
      goal.indicator = read_indicator(indicator);
    }
    for (std::size_t i = 2; i < cells.size(); ++i) {
      if (!cells[i].empty()) {
        report(row.line, cells[i], "goal row has more cells than the table's columns");
      }
    }
    return goal;
  }

  /// Where the extraction glued the indicator cell onto the goal ("... zijn
  /// ingericht Percentage van de bestuursorganen ..."), takes it back off.
  static std::string take_merged_indicator(std::string& goal_text) {
    static const std::regex merged(R"(^([\s\S]*[a-z]) ((?:Percentage|%) [\s\S]+)$)");
    std::smatch found;
    if (!std::regex_match(goal_text, found, merged)) {
      return {};
    }
    std::string indicator = found[2];
    goal_text = found[1];
    return indicator;
  }

  Action read_action(const RawRow& row, const std::string& section) {
    std::vector<std::string> cells = cells_of(row);
    std::vector<int> lines = cell_lines(row);
    Action action;
    action.number = row.number;
    action.source = {section, row.line};
    action.description = take_notes(cells.empty() ? "" : cells[0], action.notes, action.source);
    std::vector<std::string> executor_cells;
    std::vector<std::string> executor_notes;
    int executor_line = row.line;
    for (std::size_t i = 1; i < cells.size(); ++i) {
      const std::size_t notes_before = action.notes.size();
      std::string cell = take_notes(cells[i], action.notes, action.source);
      if (cell.empty()) {
        continue;
      }
      if (is_executor_cell(cell, bodies_)) {
        if (executor_cells.empty()) executor_line = i < lines.size() ? lines[i] : row.line;
        executor_cells.push_back(cell);
        for (std::size_t n = notes_before; n < action.notes.size(); ++n) {
          executor_notes.push_back(action.notes[n].text);
        }
      } else if (i <= 2) {
        const int line = i < lines.size() ? lines[i] : row.line;
        action.planned_results.push_back({i == 1 ? 2023 : 2025, cell, line});
      } else {
        Executors unknown = read_executors(cell, bodies_);
        report(row.line, cell,
               "executor cell names unknown bodies: " + join(unknown.unresolved, " "));
      }
    }
    if (!executor_cells.empty()) {
      action.executors = read_executors(join(executor_cells, ", "), bodies_);
      action.executors->line = executor_line;
      add_bodies_named_in_notes(*action.executors, executor_notes);
    }
    return action;
  }

  /// A note in the executor cell that names bodies ("Noot: Zoals DUO, BD, UWV")
  /// names participants too; none of them leads. Bodies it names "zoals" (such
  /// as) are examples, kept out of the firm executors as "bijv." is.
  void add_bodies_named_in_notes(Executors& executors,
                                 const std::vector<std::string>& notes) const {
    for (const std::string& note : notes) {
      const bool examples = note.starts_with("Zoals");
      for (const AliasMatch& match : bodies_.longest_matches(note)) {
        const std::string& body = match.alias->target.value;
        if (std::ranges::find(executors.participations, body, &Participation::body) !=
            executors.participations.end()) {
          continue;
        }
        executors.participations.push_back({body, false, {}, std::nullopt, examples, false});
        if (!examples) executors.bodies.push_back(body);
      }
    }
  }

  std::string take_notes(const std::string& cell, std::vector<Note>& notes,
                         const SourceRef& source) {
    NoteSplit split = notes_.split(cell);
    keep_notes(split, "", notes, source);
    return split.text;
  }

  void read_actions(Priority& priority) {
    for (std::string_view header : actions_header) {
      if (!expect(header)) {
        return;
      }
    }
    const std::string section = priority.id() + "b";
    for (const RawRow& row : read_rows(5)) {
      priority.actions.push_back(read_action(row, section));
    }
  }

  void read_trailing_notes(Priority& priority, const std::string& part) {
    const std::string section = priority.id() + part;
    while (!done() && (text().starts_with("Noot:") || text() == extra_remarks)) {
      if (text() == extra_remarks) {
        ++at_;
        while (!done() && text().starts_with("- ")) {
          priority.notes.push_back({trim(text().substr(2)), {section, current().number}, {}});
          ++at_;
        }
        continue;
      }
      std::vector<std::string> paragraphs;
      add_paragraph(paragraphs, priority.notes, {section, current().number});
      for (const std::string& stray : paragraphs) {
        report(current().number, stray, "text after a note outside any cell");
      }
      ++at_;
    }
  }
};

} // namespace

ImportResult import_agenda(const std::vector<SourceLine>& lines, const AliasIndex& bodies,
                           NoteSplitter& notes) {
  return Parser(lines, bodies, notes).run();
}

} // namespace wa::agenda
