// Finds the acts that a text names, by the curated aliases of the acts.
//
// The agenda of November 2022 names some acts that were adopted only later
// (the AI Act, the Data Act, NIS2, ...). Such a name then denoted the
// Commission proposal, so a mention of an act adopted after the agenda that
// has a wa:proposal also links that proposal, with a note that says why.
#pragma once

#include "agenda/alias_index.hpp"
#include "rdf/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wa::agenda {

struct LegalMention {
  std::string act;                  ///< IRI of the act or proposal
  std::vector<std::string> phrases; ///< the phrases found, in text order
  std::string evidence;             ///< the text they were found in
  std::optional<std::string> note;  ///< why the link was derived, if it was
};

class LegislationLinker {
public:
  /// `agenda_date` is the ISO date of the agenda's publication ("2022-11-04"; a
  /// "YYYY-MM" prefix compares as the start of that month).
  LegislationLinker(const rdf::Model& legislation, std::string agenda_date);

  [[nodiscard]] std::vector<LegalMention> mentions_in(std::string_view text) const;

private:
  AliasIndex aliases_;
  std::map<std::string, std::string> proposal_of_later_act_; ///< act IRI -> proposal IRI
};

} // namespace wa::agenda
