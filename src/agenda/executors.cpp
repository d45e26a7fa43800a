#include "agenda/executors.hpp"

#include "agenda/text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace wa::agenda {

namespace {

/// Words that join or qualify names without naming a body. "Ntb" (nog te
/// bepalen) stands where the lead is still to be determined.
bool is_connective(std::string_view word) {
  static constexpr std::array<std::string_view, 9> words = {
      "en", "met", "incl.", "via", "vooral", "stimuleert", "bijv.", "Ntb", "voor"};
  return std::ranges::find(words, word) != words.end();
}

/// Blanks out parenthesised qualifiers such as "(voor NIPCET)" or "(Woo
/// Meerjarenplan)": they qualify a name; bodies inside them were matched already.
std::string without_parentheses(std::string text) {
  int depth = 0;
  for (char& c : text) {
    if (c == '(') ++depth;
    bool inside = depth > 0;
    if (c == ')' && depth > 0) --depth;
    if (inside) c = ' ';
  }
  return text;
}

/// The words left once names and qualifiers are removed; "voor X" qualifies
/// the name before it ("VNG voor gemeentes").
std::vector<std::string> leftover_words(std::string text, const std::vector<AliasMatch>& matches) {
  for (const AliasMatch& match : matches) {
    std::fill_n(text.begin() + static_cast<std::ptrdiff_t>(match.position), match.length, ' ');
  }
  text = without_parentheses(std::move(text));
  for (char& c : text) {
    if (c == ',' || c == '/' || c == '+' || c == '|' || c == ':' || c == '\n') c = ' ';
  }
  std::vector<std::string> words;
  bool after_voor = false;
  for (const std::string& word : split(text, ' ')) {
    if (word.empty()) continue;
    if (after_voor) {
      after_voor = false;
      continue;
    }
    after_voor = word == "voor";
    if (!is_connective(word)) {
      words.push_back(word);
    }
  }
  return words;
}

/// Where a body's name stands in the cell and how deep in parentheses.
struct Named {
  const AliasMatch* match = nullptr;
  int depth = 0;
  std::size_t tail_end = 0; ///< where the text that qualifies this name ends
};

/// The parenthesis depth before each byte of `text`.
std::vector<int> depths(std::string_view text) {
  std::vector<int> depth(text.size() + 1, 0);
  int current = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    depth[i] = current;
    if (text[i] == '(') ++current;
    if (text[i] == ')' && current > 0) --current;
  }
  depth[text.size()] = current;
  return depth;
}

/// A name's qualifier runs to the next separator or name at its own depth, or
/// to the parenthesis that closes its group; deeper parentheses belong to it.
std::size_t tail_end(std::string_view text, const std::vector<int>& depth, std::size_t from,
                     int level, std::size_t next_name) {
  for (std::size_t i = from; i < text.size() && i < next_name; ++i) {
    if (depth[i] != level) continue;
    const char c = text[i];
    if (c == ',' || c == ';' || c == '/' || c == ')') return i;
  }
  return std::min(next_name, text.size());
}

std::vector<Named> named_bodies(std::string_view text, const std::vector<AliasMatch>& matches) {
  const std::vector<int> depth = depths(text);
  std::vector<Named> named;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    const int level = depth[matches[k].position];
    std::size_t next = text.size();
    for (std::size_t j = k + 1; j < matches.size(); ++j) {
      if (depth[matches[j].position] == level) {
        next = matches[j].position;
        break;
      }
    }
    const std::size_t end = matches[k].position + matches[k].length;
    named.push_back({&matches[k], level, tail_end(text, depth, end, level, next)});
  }
  return named;
}

/// Words that lead to the next name rather than qualify the one before it
/// ("CIO Rijk & via IBDS": "& via" belongs to IBDS).
bool is_trailing_connective(std::string_view word) {
  static constexpr std::array<std::string_view, 9> words = {"en", "met", "incl.", "+",    "&",
                                                            "/",  "via", "voor",  "bijv."};
  return std::ranges::find(words, word) != words.end();
}

/// The qualifier as written, without the connective that leads to the next
/// name ("EZK en JenV") and without the parentheses around it ("(voor AVG)").
std::string qualifier(std::string_view text) {
  std::string scope = trim(text);
  for (bool changed = true; changed && !scope.empty();) {
    changed = false;
    const std::size_t space = scope.find_last_of(' ');
    const std::string last = space == std::string::npos ? scope : scope.substr(space + 1);
    if (is_trailing_connective(last)) {
      scope = trim(scope.substr(0, space == std::string::npos ? 0 : space));
      changed = true;
    }
  }
  if (scope.size() >= 2 && scope.front() == '(' && scope.back() == ')' &&
      scope.find('(', 1) == std::string::npos) {
    scope = trim(scope.substr(1, scope.size() - 2));
  }
  return scope;
}

/// True when `scope` says no more than the names of bodies within it ("CIO
/// Rijk", "AIVD, MIVD en de Nationale Politie"): those become participations
/// of their own, so the scope adds nothing.
bool only_names(std::string scope, const AliasIndex& bodies) {
  for (const AliasMatch& match : bodies.longest_matches(scope)) {
    std::fill_n(scope.begin() + static_cast<std::ptrdiff_t>(match.position), match.length, ' ');
  }
  static constexpr std::array<std::string_view, 4> fillers = {"en", "de", "incl.", "met"};
  for (char& c : scope) {
    if (c == ',' || c == '/' || c == '&' || c == '+' || c == '(' || c == ')') c = ' ';
  }
  return std::ranges::all_of(split(scope, ' '), [](const std::string& word) {
    return word.empty() || std::ranges::find(fillers, word) != fillers.end();
  });
}

/// Words that mark a named body as an example, or its part as conditional.
bool marks_example(std::string_view text) {
  return text.find("bijv.") != std::string_view::npos ||
         text.find("Zoals") != std::string_view::npos;
}
bool marks_condition(std::string_view text) { return text.find("evt.") != std::string_view::npos; }

/// The text that leads up to name `k` from the previous name or separator at its depth.
std::string_view lead_in(std::string_view text, const std::vector<Named>& named, std::size_t k) {
  std::size_t from = 0;
  for (std::size_t j = k; j-- > 0;) {
    if (named[j].depth < named[k].depth) {
      from = named[j].match->position + named[j].match->length;
      break;
    }
    if (named[j].depth == named[k].depth) {
      from = named[j].tail_end;
      break;
    }
  }
  return text.substr(from, named[k].match->position - from);
}

/// The name whose qualifier holds name `k`, if any ("BZK (voor PLOOI: KOOP)").
std::optional<std::size_t> enclosing(const std::vector<Named>& named, std::size_t k) {
  for (std::size_t j = k; j-- > 0;) {
    if (named[j].depth < named[k].depth && named[j].tail_end > named[k].match->position) {
      return j;
    }
  }
  return std::nullopt;
}

/// Names joined by "/" with nothing between them ("BZK/OCW voor Rijk") share
/// the qualifier of the last of them; the first such group leads.
std::size_t joint_with_next(std::string_view text, const std::vector<Named>& named, std::size_t k) {
  if (k + 1 >= named.size() || named[k + 1].depth != named[k].depth) return 0;
  const std::size_t end = named[k].match->position + named[k].match->length;
  return trim(text.substr(end, named[k + 1].match->position - end)) == "/" ? 1 : 0;
}

std::vector<Participation> participations_in(std::string_view text, const AliasIndex& bodies,
                                             const std::vector<AliasMatch>& matches,
                                             bool lead_to_be_determined) {
  const std::vector<Named> named = named_bodies(text, matches);
  std::vector<Participation> parts(named.size());
  bool lead_group = !lead_to_be_determined;
  bool seen_top = false;
  for (std::size_t k = 0; k < named.size(); ++k) {
    const Named& name = named[k];
    const std::size_t end = name.match->position + name.match->length;
    std::string scope = qualifier(text.substr(end, name.tail_end - end));
    Participation& part = parts[k];
    part.body = name.match->alias->target.value;
    part.scope = only_names(scope, bodies) ? std::string() : scope;
    part.within = enclosing(named, k);
    part.example = marks_example(lead_in(text, named, k));
    part.conditional = marks_condition(scope);
    if (name.depth == 0 && part.within == std::nullopt) {
      part.lead = lead_group && !seen_top;
      if (joint_with_next(text, named, k) == 0) {
        if (part.lead) lead_group = false;
        seen_top = true;
      }
    }
  }
  // A joint group takes the qualifier of its last member.
  for (std::size_t k = parts.size(); k-- > 0;) {
    if (joint_with_next(text, named, k) == 1 && parts[k].scope.empty()) {
      parts[k].scope = parts[k + 1].scope;
      parts[k].conditional = parts[k + 1].conditional;
    }
  }
  return parts;
}

/// One participation per body: a body named twice keeps its first part.
void keep_first_per_body(std::vector<Participation>& parts) {
  std::vector<Participation> kept;
  std::vector<std::size_t> index_of(parts.size());
  for (std::size_t k = 0; k < parts.size(); ++k) {
    auto found = std::ranges::find(kept, parts[k].body, &Participation::body);
    index_of[k] = static_cast<std::size_t>(found - kept.begin());
    if (found == kept.end()) kept.push_back(parts[k]);
  }
  for (Participation& part : kept) {
    if (part.within) part.within = index_of[*part.within];
  }
  parts = std::move(kept);
}

} // namespace

Executors read_executors(std::string_view cell, const AliasIndex& bodies) {
  Executors executors;
  executors.statement = trim(cell);
  executors.lead_to_be_determined = executors.statement.starts_with("Ntb");
  std::vector<AliasMatch> matches = bodies.longest_matches(executors.statement);
  executors.participations =
      participations_in(executors.statement, bodies, matches, executors.lead_to_be_determined);
  keep_first_per_body(executors.participations);
  // The simple view (wa:executedBy) holds the bodies named firmly: an example
  // ("bijv. VWS voor zorg") names who might take part, not who does.
  for (const Participation& part : executors.participations) {
    if (!part.example) executors.bodies.push_back(part.body);
  }
  if (!executors.bodies.empty() && !executors.lead_to_be_determined) {
    executors.lead = executors.bodies.front();
  }
  executors.unresolved = leftover_words(executors.statement, matches);
  return executors;
}

bool is_executor_cell(std::string_view cell, const AliasIndex& bodies) {
  Executors executors = read_executors(cell, bodies);
  return !executors.bodies.empty() && executors.unresolved.empty();
}

} // namespace wa::agenda
