#include "agenda/legislation_linker.hpp"

#include "rdf/namespaces.hpp"

#include <algorithm>

namespace wa::agenda {

using rdf::Term;

LegislationLinker::LegislationLinker(const rdf::Model& legislation, std::string agenda_date)
    : aliases_(
          AliasIndex::of_instances(legislation, Term::iri(ns::term(ns::eli, "LegalResource")))) {
  const Term proposal = Term::iri(ns::term(ns::wa, "proposal"));
  const Term adopted = Term::iri(ns::term(ns::eli, "date_document"));
  for (const rdf::Triple& link : legislation.match({}, proposal, {})) {
    std::optional<Term> date = legislation.object(link.subject, adopted);
    // ISO dates compare as strings: "2024-06-13" > "2022-11-04" means after the agenda.
    if (date && date->value > agenda_date) {
      proposal_of_later_act_[link.subject.value] = link.object.value;
    }
  }
}

std::vector<LegalMention> LegislationLinker::mentions_in(std::string_view text) const {
  std::vector<LegalMention> mentions;
  auto mention_of = [&](const std::string& act) -> LegalMention& {
    auto found = std::ranges::find(mentions, act, &LegalMention::act);
    if (found != mentions.end()) {
      return *found;
    }
    mentions.push_back({act, {}, std::string(text), std::nullopt});
    return mentions.back();
  };
  for (const AliasMatch& match : aliases_.all_matches(text)) {
    LegalMention& mention = mention_of(match.alias->target.value);
    if (std::ranges::find(mention.phrases, match.alias->phrase) == mention.phrases.end()) {
      mention.phrases.push_back(match.alias->phrase);
    }
  }
  const std::size_t named = mentions.size();
  for (std::size_t i = 0; i < named; ++i) {
    auto proposal = proposal_of_later_act_.find(mentions[i].act);
    if (proposal == proposal_of_later_act_.end()) {
      continue;
    }
    std::vector<std::string> phrases = mentions[i].phrases;
    LegalMention& derived = mention_of(proposal->second);
    if (derived.phrases.empty()) {
      derived.phrases = std::move(phrases);
      derived.note = "The text names the act by the name it was later adopted under (" +
                     mentions[i].act +
                     "); when the agenda was published it was this Commission proposal.";
    }
  }
  return mentions;
}

} // namespace wa::agenda
