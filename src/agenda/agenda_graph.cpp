#include "agenda/agenda_graph.hpp"

#include "rdf/namespaces.hpp"

#include <map>
#include <optional>
#include <stdexcept>

namespace wa::agenda {

namespace {

using rdf::Term;

Term wa(std::string_view local) { return Term::iri(ns::term(ns::wa, local)); }
Term dcterms(std::string_view local) { return Term::iri(ns::term(ns::dcterms, local)); }
Term nl(std::string_view text) { return Term::literal(text, "nl"); }
Term en(std::string_view text) { return Term::literal(text, "en"); }
Term integer(int value) { return Term::typed(std::to_string(value), ns::term(ns::xsd, "integer")); }
Term year(int value) { return Term::typed(std::to_string(value), ns::term(ns::xsd, "gYear")); }
Term decimal(const std::string& value) { return Term::typed(value, ns::term(ns::xsd, "decimal")); }
Term date(const std::string& value) { return Term::typed(value, ns::term(ns::xsd, "date")); }

const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));
const Term rdfs_label = Term::iri(ns::term(ns::rdfs, "label"));
const Term skos_note = Term::iri(ns::term(ns::skos, "note"));
const Term skos_editorial_note = Term::iri(ns::term(ns::skos, "editorialNote"));
const Term skos_member = Term::iri(ns::term(ns::skos, "member"));
const Term rdf_value = Term::iri(ns::term(ns::rdf, "value"));
const Term rdfs_comment = Term::iri(ns::term(ns::rdfs, "comment"));

/// The kinds of gap in the source text (ontology: wa:sourceGap). A gap says
/// that the text has nothing there, not that the publication has nothing:
/// the extraction lost table cells.
const Term no_indicator_in_text = Term::iri(ns::term(ns::wa, "IndicatorNotInSourceText"));
const Term no_planned_result_in_text = Term::iri(ns::term(ns::wa, "PlannedResultNotInSourceText"));
const Term no_executor_in_text = Term::iri(ns::term(ns::wa, "ExecutorNotInSourceText"));
const Term list_not_in_text = Term::iri(ns::term(ns::wa, "ListNotInSourceText"));

/// A text that announces a list (ends in ":") whose list the text lacks.
bool announces_lost_list(const std::string& text) { return !text.empty() && text.back() == ':'; }

/// Names of a kind of item, in the IRI and in its labels.
struct Kind {
  std::string_view path;
  std::string_view dutch;
  std::string_view english;
};

constexpr Kind programme_line_kind{"programme-line", "Programmalijn", "Programme line"};
constexpr Kind priority_kind{"priority", "Prioriteit", "Priority"};
constexpr Kind challenge_kind{"challenge", "Maatschappelijke opgave", "Societal challenge"};
constexpr Kind achieved_kind{"achieved-result", "Behaald resultaat", "Achieved result"};
constexpr Kind goal_kind{"goal", "Doel", "Goal"};
constexpr Kind indicator_kind{"indicator", "Indicator bij doel", "Indicator of goal"};
constexpr Kind action_kind{"action", "Actie", "Action"};

class GraphBuilder {
public:
  GraphBuilder(const LegislationLinker& linker, const std::vector<Correction>& corrections,
               std::string base)
      : linker_(linker), corrections_(corrections), base_(std::move(base)),
        agenda_(id("agenda", "2022")), source_(id("source", "2022")) {}

  rdf::Model build(const Agenda& agenda) {
    add_notes(agenda_, "agenda-2022", agenda.notes);
    if (agenda.indicators_to_be_determined) {
      add_commitment(*agenda.indicators_to_be_determined);
    }
    for (const ProgrammeLine& line : agenda.programme_lines) {
      add_programme_line(line);
    }
    for (const ProgrammeLineGroup& group : agenda.groups) {
      add_group(group);
    }
    add_corrections();
    return std::move(model_);
  }

private:
  /// A Dutch text of an item, kept to find the item a correction mends.
  struct ItemText {
    Term item;
    int line = 0;
    std::string text;
  };

  const LegislationLinker& linker_;
  const std::vector<Correction>& corrections_;
  std::string base_;
  Term agenda_;
  Term source_;
  std::optional<Term> commitment_;
  std::vector<ItemText> texts_;
  rdf::Model model_;

  Term id(std::string_view kind, std::string_view key) const {
    return Term::iri(base_ + "id/" + std::string(kind) + "/" + std::string(key));
  }

  void add(const Term& s, const Term& p, const Term& o) { model_.add(s, p, o); }

  /// Type, identifier, labels, parent and provenance: what every item has.
  Term add_item(const Kind& kind, const std::string& key, int number, const Term& type,
                const Term& parent, const SourceRef& source) {
    Term item = id(kind.path, key);
    add(item, rdf_type, type);
    add(item, dcterms("identifier"), Term::literal(key));
    add(item, wa("number"), integer(number));
    add(item, rdfs_label, nl(std::string(kind.dutch) + " " + key));
    add(item, rdfs_label, en(std::string(kind.english) + " " + key));
    add(item, dcterms("isPartOf"), parent);
    add(parent, dcterms("hasPart"), item);
    add_provenance(item, source);
    return item;
  }

  void add_provenance(const Term& item, const SourceRef& source) {
    add(item, dcterms("source"), source_);
    add(item, wa("sourceSection"), Term::literal(source.section));
    add(item, wa("sourceLine"), integer(source.line));
  }

  /// An item's Dutch text, remembered for the corrections.
  void add_text(const Term& item, const Term& predicate, const std::string& text, int line) {
    add(item, predicate, nl(text));
    texts_.push_back({item, line, text});
  }

  /// Each note as skos:note (the simple view) and as a wa:Footnote that
  /// keeps the sentence it follows in the item's text.
  void add_notes(const Term& item, const std::string& item_key, const std::vector<Note>& notes) {
    for (std::size_t k = 0; k < notes.size(); ++k) {
      const Note& note = notes[k];
      add_text(item, skos_note, note.text, note.source.line);
      const std::string key = item_key + "-" + std::to_string(k + 1);
      Term footnote = id("footnote", key);
      add(item, wa("footnote"), footnote);
      add(footnote, rdf_type, wa("Footnote"));
      add(footnote, rdfs_label, nl("Noot " + key));
      add(footnote, rdfs_label, en("Note " + key));
      add(footnote, rdf_value, nl(note.text));
      if (!note.supports.empty()) add(footnote, wa("supports"), nl(note.supports));
      add(footnote, wa("sourceLine"), integer(note.source.line));
    }
  }

  void add_gap_if_list_lost(const Term& item, const std::string& text) {
    if (announces_lost_list(text)) add(item, wa("sourceGap"), list_not_in_text);
  }

  /// "Waar 'nog te bepalen' staat ...": due by the end of the first half of
  /// the year it names; every indicator "Nog te bepalen" points to it.
  void add_commitment(const Commitment& commitment) {
    Term item = id("commitment", "indicators-to-be-determined");
    commitment_ = item;
    add(agenda_, wa("commitment"), item);
    add(item, rdf_type, wa("Commitment"));
    add(item, rdfs_label, nl("Toezegging: nog te bepalen indicatoren"));
    add(item, rdfs_label, en("Commitment: indicators to be determined"));
    add_text(item, dcterms("description"), commitment.text, commitment.line);
    add(item, wa("dueBy"), date(std::to_string(commitment.first_half_of) + "-06-30"));
    add(item, dcterms("source"), source_);
    add(item, wa("sourceLine"), integer(commitment.line));
  }

  void add_group(const ProgrammeLineGroup& group) {
    const std::string key = std::to_string(group.number);
    Term item = id("programme-line-group", key);
    add(item, rdf_type, wa("ProgrammeLineGroup"));
    add(item, dcterms("identifier"), Term::literal(key));
    add(item, rdfs_label, nl(group.title));
    add(item, rdfs_label, en("Group of programme lines " + key));
    add_text(item, dcterms("title"), group.title, group.line);
    for (int line : group.programme_lines) {
      add(item, skos_member, id(programme_line_kind.path, std::to_string(line)));
    }
    add(item, dcterms("source"), source_);
    add(item, wa("sourceLine"), integer(group.line));
  }

  /// Each correction hangs on the item whose text it mends: the last item,
  /// in source order, that starts at or before the corrected line and whose
  /// text holds the corrected words.
  void add_corrections() {
    std::map<int, int> per_line;
    for (const Correction& correction : corrections_) {
      const ItemText* mended = nullptr;
      for (const ItemText& candidate : texts_) {
        if (candidate.line <= correction.source_line &&
            candidate.text.find(correction.corrected) != std::string::npos &&
            (mended == nullptr || candidate.line >= mended->line)) {
          mended = &candidate;
        }
      }
      if (mended == nullptr) {
        throw std::runtime_error("corrections.txt: the correction of line " +
                                 std::to_string(correction.source_line) + " (\"" +
                                 correction.extracted + "\") mends no item's text");
      }
      const std::string key = std::to_string(correction.source_line) + "-" +
                              std::to_string(++per_line[correction.source_line]);
      Term node = id("correction", key);
      add(mended->item, wa("correction"), node);
      add(node, rdf_type, wa("Correction"));
      add(node, rdfs_label, nl("Correctie " + key));
      add(node, rdfs_label, en("Correction " + key));
      add(node, wa("extractedText"), nl(correction.extracted));
      add(node, wa("correctedText"), nl(correction.corrected));
      add(node, rdfs_comment, en(correction.reason));
      add(node, dcterms("source"), source_);
      add(node, wa("sourceLine"), integer(correction.source_line));
    }
  }

  void add_programme_line(const ProgrammeLine& line) {
    std::string key = std::to_string(line.number);
    Term item =
        add_item(programme_line_kind, key, line.number, wa("ProgrammeLine"), agenda_, line.source);
    add_text(item, dcterms("title"), line.title, line.source.line);
    add_text(item, dcterms("description"), line.description, line.source.line);
    for (const Priority& priority : line.priorities) {
      add_priority(priority, item);
    }
  }

  void add_priority(const Priority& priority, const Term& line) {
    const std::string key = priority.id();
    Term item =
        add_item(priority_kind, key, priority.number, wa("Priority"), line, priority.source);
    add_text(item, dcterms("title"), priority.title, priority.source.line);
    add_notes(item, "priority-" + key, priority.notes);
    add_challenge(priority, item);
    for (const AchievedResult& result : priority.achieved_results) {
      std::string result_key = key + "." + std::to_string(result.number);
      Term node = add_item(achieved_kind, result_key, result.number, wa("AchievedResult"), item,
                           result.source);
      add_text(node, dcterms("description"), result.text, result.source.line);
      add_gap_if_list_lost(node, result.text);
      link_legislation(node, "achieved-result-" + result_key, {result.text});
    }
    for (const Goal& goal : priority.goals) {
      add_goal(goal, key, item);
    }
    for (const Action& action : priority.actions) {
      add_action(action, key, item);
    }
  }

  void add_challenge(const Priority& priority, const Term& parent) {
    const Challenge& challenge = priority.challenge;
    Term item = add_item(challenge_kind, priority.id(), 1, wa("SocietalChallenge"), parent,
                         challenge.source);
    add_text(item, dcterms("description"), challenge.text, challenge.source.line);
    add_notes(item, "challenge-" + priority.id(), challenge.notes);
    std::vector<std::string> texts = {challenge.text};
    for (const Note& note : challenge.notes)
      texts.push_back(note.text);
    link_legislation(item, "challenge-" + priority.id(), texts);
  }

  void add_goal(const Goal& goal, const std::string& priority_key, const Term& parent) {
    std::string key = priority_key + "." + std::to_string(goal.number);
    Term item = add_item(goal_kind, key, goal.number, wa("Goal"), parent, goal.source);
    add_text(item, dcterms("description"), goal.text, goal.source.line);
    add_gap_if_list_lost(item, goal.text);
    add_notes(item, "goal-" + key, goal.notes);
    std::vector<std::string> texts = {goal.text};
    for (const Note& note : goal.notes)
      texts.push_back(note.text);
    if (goal.indicator) {
      add_indicator(*goal.indicator, key, item, goal.source);
      texts.push_back(goal.indicator->text);
    } else {
      add(item, wa("sourceGap"), no_indicator_in_text);
    }
    link_legislation(item, "goal-" + key, texts);
  }

  void add_indicator(const Indicator& indicator, const std::string& key, const Term& goal,
                     const SourceRef& source) {
    Term item = id(indicator_kind.path, key);
    add(goal, wa("indicator"), item);
    add(item, rdf_type, wa("Indicator"));
    add(item, rdfs_label, nl(std::string(indicator_kind.dutch) + " " + key));
    add(item, rdfs_label, en(std::string(indicator_kind.english) + " " + key));
    add_text(item, dcterms("description"), indicator.text, source.line);
    add_gap_if_list_lost(item, indicator.text);
    add_provenance(item, source);
    if (indicator.to_be_determined && commitment_) add(item, wa("commitment"), *commitment_);
    add(item, wa("toBeDetermined"),
        Term::typed(indicator.to_be_determined ? "true" : "false", ns::term(ns::xsd, "boolean")));
    if (indicator.target_value) add(item, wa("targetValue"), decimal(*indicator.target_value));
    if (indicator.target_year) add(item, wa("targetYear"), year(*indicator.target_year));
    if (indicator.baseline_value)
      add(item, wa("baselineValue"), decimal(*indicator.baseline_value));
    if (indicator.baseline_year) add(item, wa("baselineYear"), year(*indicator.baseline_year));
    if (indicator.percent && (indicator.target_value || indicator.baseline_value)) {
      add(item, wa("unit"), Term::iri(ns::term(ns::unit, "PERCENT")));
    }
  }

  void add_action(const Action& action, const std::string& priority_key, const Term& parent) {
    std::string key = priority_key + "." + std::to_string(action.number);
    Term item = add_item(action_kind, key, action.number, wa("Action"), parent, action.source);
    add_text(item, dcterms("description"), action.description, action.source.line);
    add_gap_if_list_lost(item, action.description);
    add_notes(item, "action-" + key, action.notes);
    if (action.planned_results.empty()) add(item, wa("sourceGap"), no_planned_result_in_text);
    if (!action.executors) add(item, wa("sourceGap"), no_executor_in_text);
    std::vector<std::string> texts = {action.description};
    for (const PlannedResult& result : action.planned_results) {
      add_planned_result(result, key, item, {action.source.section, result.line});
      texts.push_back(result.text);
    }
    for (const Note& note : action.notes)
      texts.push_back(note.text);
    if (action.executors) {
      add_executors(*action.executors, key, item);
      // An executor cell names acts too ("JenV (voor AVG)"); it comes last so
      // that the numbers of the other texts' references stay as they were.
      texts.push_back(action.executors->statement);
    }
    link_legislation(item, "action-" + key, texts);
  }

  void add_planned_result(const PlannedResult& result, const std::string& action_key,
                          const Term& action, const SourceRef& source) {
    std::string due = std::to_string(result.year);
    Term item = id("planned-result", action_key + "-" + due);
    add(action, wa("plannedResult"), item);
    add(item, rdf_type, wa("PlannedResult"));
    add(item, rdfs_label, nl("Beoogd resultaat van actie " + action_key + " t/m " + due));
    add(item, rdfs_label, en("Planned result of action " + action_key + " by " + due));
    add_text(item, dcterms("description"), result.text, result.line);
    add_gap_if_list_lost(item, result.text);
    add(item, wa("dueYear"), year(result.year));
    add_provenance(item, source);
  }

  void add_executors(const Executors& executors, const std::string& action_key,
                     const Term& action) {
    add(action, wa("executorStatement"), nl(executors.statement));
    add_participations(executors, action_key, action);
    for (const std::string& body : executors.bodies) {
      add(action, wa("executedBy"), Term::iri(body));
    }
    if (executors.lead) {
      add(action, wa("ledBy"), Term::iri(*executors.lead));
    }
    if (executors.lead_to_be_determined) {
      add(action, wa("leadToBeDetermined"), Term::typed("true", ns::term(ns::xsd, "boolean")));
    }
  }

  static Term boolean(bool value) {
    return Term::typed(value ? "true" : "false", ns::term(ns::xsd, "boolean"));
  }

  /// The qualified view of the executor cell: each named body's role, scope,
  /// the acts its scope names, and whether it is an example or conditional.
  void add_participations(const Executors& executors, const std::string& action_key,
                          const Term& action) {
    std::vector<Term> nodes;
    for (std::size_t k = 0; k < executors.participations.size(); ++k) {
      const std::string number = action_key + "-" + std::to_string(k + 1);
      nodes.push_back(id("participation", number));
      add(nodes.back(), rdfs_label, nl("Deelname " + number));
      add(nodes.back(), rdfs_label, en("Participation " + number));
    }
    for (std::size_t k = 0; k < executors.participations.size(); ++k) {
      const Participation& part = executors.participations[k];
      const Term& node = nodes[k];
      add(action, wa("participation"), node);
      add(node, rdf_type, wa("Participation"));
      add(node, wa("participant"), Term::iri(part.body));
      add(node, wa("role"), wa(part.lead ? "Lead" : "Executor"));
      if (!part.scope.empty()) {
        add(node, wa("scope"), nl(part.scope));
        for (const LegalMention& mention : linker_.mentions_in(part.scope)) {
          add(node, wa("concerns"), Term::iri(mention.act));
        }
      }
      if (part.within) add(node, wa("withinParticipation"), nodes[*part.within]);
      add(node, wa("isExample"), boolean(part.example));
      add(node, wa("isConditional"), boolean(part.conditional));
      add(node, wa("sourceLine"), integer(executors.line));
    }
  }

  void link_legislation(const Term& item, const std::string& item_key,
                        const std::vector<std::string>& texts) {
    int count = 0;
    for (const std::string& text : texts) {
      for (const LegalMention& mention : linker_.mentions_in(text)) {
        Term act = Term::iri(mention.act);
        Term reference = id("legal-reference", item_key + "-" + std::to_string(++count));
        add(item, dcterms("references"), act);
        add(item, wa("legalReference"), reference);
        add(reference, rdf_type, wa("LegalReference"));
        add(reference, rdfs_label,
            nl("Verwijzing naar regelgeving " + item_key + "-" + std::to_string(count)));
        add(reference, rdfs_label,
            en("Reference to legislation " + item_key + "-" + std::to_string(count)));
        add(reference, wa("legislation"), act);
        for (const std::string& phrase : mention.phrases) {
          add(reference, wa("matchedPhrase"), Term::literal(phrase));
        }
        add(reference, wa("evidenceText"), nl(mention.evidence));
        if (mention.note) {
          add(reference, skos_editorial_note, en(*mention.note));
        }
      }
    }
  }
};

} // namespace

rdf::Model agenda_graph(const Agenda& agenda, const LegislationLinker& linker,
                        const std::vector<Correction>& corrections, const std::string& base) {
  return GraphBuilder(linker, corrections, base).build(agenda);
}

} // namespace wa::agenda
