#include "scale_data.hpp"

#include "rdf/turtle_reader.hpp"

#include <cmath>
#include <string_view>

namespace wa::bench {

ScaleInput read_scale_input(const std::filesystem::path& directory, std::string base) {
  ScaleInput input;
  input.base = std::move(base);
  rdf::read_file(input.agenda, directory / "agenda.nt", input.base, rdf::Syntax::ntriples);
  for (const char* part : {"organisations", "legislation", "ontology"}) {
    rdf::read_file(input.shared, directory / (std::string(part) + ".nt"), input.base,
                   rdf::Syntax::ntriples);
  }
  return input;
}

std::set<rdf::Term> copied_items(const ScaleInput& input) {
  std::set<rdf::Term> described_in_shared;
  for (const rdf::Triple& triple : input.shared.triples()) {
    described_in_shared.insert(triple.subject);
  }
  // Every resource the agenda part describes is copied, also the official
  // letter it is an annex of: a copy of the agenda is a copy of its publication.
  std::set<rdf::Term> items;
  for (const rdf::Triple& triple : input.agenda.triples()) {
    if (!described_in_shared.contains(triple.subject)) items.insert(triple.subject);
  }
  return items;
}

rdf::Term in_copy(const rdf::Term& term, std::size_t copy, const std::set<rdf::Term>& items) {
  if (copy == 0 || term.is_literal() || !items.contains(term)) return term;
  rdf::Term renamed = term;
  renamed.value += (term.is_blank() ? "c" : "-c") + std::to_string(copy);
  return renamed;
}

std::size_t copies_for(std::size_t target_triples, std::size_t agenda_triples,
                       std::size_t shared_triples) {
  if (agenda_triples == 0 || target_triples <= shared_triples + agenda_triples) return 1;
  const double copies =
      static_cast<double>(target_triples - shared_triples) / static_cast<double>(agenda_triples);
  return static_cast<std::size_t>(std::llround(copies));
}

namespace {

void write_triple(std::ostream& out, const rdf::Term& subject, const rdf::Term& predicate,
                  const rdf::Term& object) {
  out << subject.to_ntriples() << ' ' << predicate.to_ntriples() << ' ' << object.to_ntriples()
      << " .\n";
}

} // namespace

std::size_t write_scaled(const ScaleInput& input, std::size_t copies, std::ostream& out) {
  std::size_t written = 0;
  const std::vector<rdf::Triple> shared = input.shared.triples();
  const std::vector<rdf::Triple> agenda = input.agenda.triples();
  for (const rdf::Triple& triple : shared) {
    if (input.agenda.contains(triple)) continue; // written with copy 0
    write_triple(out, triple.subject, triple.predicate, triple.object);
    ++written;
  }
  const std::set<rdf::Term> items = copied_items(input);
  for (std::size_t copy = 0; copy < copies; ++copy) {
    for (const rdf::Triple& triple : agenda) {
      write_triple(out, in_copy(triple.subject, copy, items), triple.predicate,
                   in_copy(triple.object, copy, items));
    }
    written += agenda.size();
  }
  return written;
}

} // namespace wa::bench
