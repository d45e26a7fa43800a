#include "agenda/alias_index.hpp"

#include "agenda/text.hpp"
#include "rdf/namespaces.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace wa::agenda {

using rdf::Term;

AliasIndex::AliasIndex(std::vector<Alias> aliases) : aliases_(std::move(aliases)) {
  std::ranges::sort(aliases_, [](const Alias& a, const Alias& b) {
    if (a.phrase.size() != b.phrase.size()) return a.phrase.size() > b.phrase.size();
    return a.phrase < b.phrase;
  });
}

AliasIndex AliasIndex::of_instances(const rdf::Model& model, const Term& type) {
  const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));
  const Term preferred_label = Term::iri(ns::term(ns::skos, "prefLabel"));
  const std::vector<Term> name_properties = {Term::iri(ns::term(ns::wa, "acronym")),
                                             Term::iri(ns::term(ns::skos, "altLabel")),
                                             preferred_label};
  std::map<std::string, Term> owner_of;
  std::vector<Alias> aliases;
  for (const Term& instance : model.subjects(rdf_type, type)) {
    for (const Term& property : name_properties) {
      for (const Term& name : model.objects(instance, property)) {
        if (property == preferred_label && name.language != "nl") {
          continue;
        }
        auto [existing, inserted] = owner_of.emplace(name.value, instance);
        if (!inserted && existing->second != instance) {
          throw std::runtime_error("the name \"" + name.value + "\" is given to both " +
                                   existing->second.value + " and " + instance.value);
        }
        if (inserted) {
          aliases.push_back({name.value, instance});
        }
      }
    }
  }
  return AliasIndex(std::move(aliases));
}

std::vector<AliasMatch> AliasIndex::all_matches(std::string_view text) const {
  std::vector<AliasMatch> matches;
  for (const Alias& alias : aliases_) {
    for (std::size_t at = text.find(alias.phrase); at != std::string_view::npos;
         at = text.find(alias.phrase, at + 1)) {
      if (on_word_boundaries(text, at, alias.phrase.size())) {
        matches.push_back({at, alias.phrase.size(), &alias});
      }
    }
  }
  std::ranges::sort(matches, [](const AliasMatch& a, const AliasMatch& b) {
    if (a.position != b.position) return a.position < b.position;
    return a.length > b.length;
  });
  return matches;
}

std::vector<AliasMatch> AliasIndex::longest_matches(std::string_view text) const {
  std::vector<AliasMatch> chosen;
  std::size_t free_from = 0;
  for (const AliasMatch& match : all_matches(text)) {
    // all_matches orders by position, longest first: the first match at a free
    // position is the longest one there.
    if (match.position >= free_from) {
      chosen.push_back(match);
      free_from = match.position + match.length;
    }
  }
  return chosen;
}

} // namespace wa::agenda
