#include "agenda/executors.hpp"

#include "agenda/text.hpp"

#include <algorithm>
#include <array>

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

} // namespace

Executors read_executors(std::string_view cell, const AliasIndex& bodies) {
  Executors executors;
  executors.statement = trim(cell);
  executors.lead_to_be_determined = executors.statement.starts_with("Ntb");
  std::vector<AliasMatch> matches = bodies.longest_matches(executors.statement);
  for (const AliasMatch& match : matches) {
    const std::string& iri = match.alias->target.value;
    if (std::ranges::find(executors.bodies, iri) == executors.bodies.end()) {
      executors.bodies.push_back(iri);
    }
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
