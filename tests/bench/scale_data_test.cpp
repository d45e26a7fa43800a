#include "scale_data.hpp"

#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace wa::bench {
namespace {

const ScaleInput& input() {
  static const ScaleInput scale_input = [] {
    ScaleInput built;
    built.base = test::default_base();
    const agenda::Dataset& dataset = test::real_dataset();
    built.agenda.add_all(dataset.part("agenda"));
    for (const char* part : {"organisations", "legislation", "ontology"}) {
      built.shared.add_all(dataset.part(part));
    }
    return built;
  }();
  return scale_input;
}

/// The copy an item belongs to (0 for the original), or -1 for a term that is not an item.
long copy_of(const rdf::Term& term, const std::set<rdf::Term>& items) {
  if (items.contains(term)) return 0;
  const std::size_t mark = term.value.rfind("-c");
  if (term.is_literal() || mark == std::string::npos) return -1;
  rdf::Term original = term;
  original.value.resize(mark);
  if (!items.contains(original)) return -1;
  return std::stol(term.value.substr(mark + 2));
}

struct Scaled {
  rdf::Model model;
  std::size_t written = 0;
};

Scaled scaled(std::size_t copies) {
  std::ostringstream out;
  Scaled result;
  result.written = write_scaled(input(), copies, out);
  rdf::read_string(result.model, out.str(), input().base, "scaled.nt", rdf::Syntax::ntriples);
  return result;
}

TEST(ScaleData, CopiesTheAgendaItemsAndNothingShared) {
  const std::set<rdf::Term> items = copied_items(input());
  EXPECT_TRUE(items.contains(rdf::Term::iri(test::id("action/3.3.5"))));
  EXPECT_TRUE(items.contains(rdf::Term::iri(test::id("programme-line/5"))));
  EXPECT_TRUE(items.contains(rdf::Term::iri(test::id("agenda/2022"))));
  EXPECT_FALSE(items.contains(rdf::Term::iri(test::id("organisation/BZK"))));
  EXPECT_FALSE(items.contains(rdf::Term::iri("http://data.europa.eu/eli/reg/2016/679/oj")));
  EXPECT_GT(items.size(), 300U);
}

TEST(ScaleData, WritesTheSharedPartOnceAndEachCopyWhole) {
  const std::size_t copies = 3;
  const Scaled result = scaled(copies);
  const std::size_t agenda = input().agenda.size();
  const std::size_t shared = input().shared.size();
  EXPECT_EQ(result.written, shared + copies * agenda);
  EXPECT_EQ(result.model.size(), result.written) << "every triple written is distinct";

  // Each copy, renamed back, is exactly the agenda; what no copy holds is the shared part.
  const std::set<rdf::Term> items = copied_items(input());
  std::map<long, rdf::Model> by_copy;
  rdf::Model rest;
  for (const rdf::Triple& triple : result.model.triples()) {
    const long copy = copy_of(triple.subject, items);
    if (copy < 0) {
      rest.add(triple);
      continue;
    }
    rdf::Triple original = triple;
    for (rdf::Term* term : {&original.subject, &original.object}) {
      if (copy_of(*term, items) == copy && copy > 0) term->value.resize(term->value.rfind("-c"));
    }
    by_copy[copy].add(original);
  }
  ASSERT_EQ(by_copy.size(), copies);
  for (const auto& [copy, model] : by_copy) {
    EXPECT_EQ(model.triples(), input().agenda.triples()) << "copy " << copy;
  }
  EXPECT_EQ(rest.triples(), input().shared.triples());
}

TEST(ScaleData, EveryCopyLinksOnlyWithinItselfOrToSharedResources) {
  const std::set<rdf::Term> items = copied_items(input());
  const Scaled result = scaled(4);
  std::size_t links_within = 0;
  std::size_t links_to_shared = 0;
  for (const rdf::Triple& triple : result.model.triples()) {
    const long from = copy_of(triple.subject, items);
    const long to = copy_of(triple.object, items);
    if (from < 0) {
      EXPECT_LT(to, 0) << "a shared resource points into a copy: " << triple.subject.value;
    } else if (to >= 0) {
      EXPECT_EQ(from, to) << triple.subject.value << " -> " << triple.object.value;
      ++links_within;
    } else if (triple.object.is_iri()) {
      ++links_to_shared;
    }
  }
  EXPECT_GT(links_within, 4U * 500U);
  EXPECT_GT(links_to_shared, 4U * 400U);
}

TEST(ScaleData, CopyCountsLandNearTheTargets) {
  const std::size_t agenda = input().agenda.size();
  const std::size_t shared = input().shared.size();
  EXPECT_EQ(copies_for(1000, agenda, shared), 1U);
  for (std::size_t target : {10'000UL, 100'000UL, 1'000'000UL, 10'000'000UL}) {
    const std::size_t copies = copies_for(target, agenda, shared);
    const double total = static_cast<double>(shared + copies * agenda);
    EXPECT_LE(std::abs(total - static_cast<double>(target)), static_cast<double>(agenda) / 2 + 1)
        << target;
    EXPECT_LT(std::abs(total / static_cast<double>(target) - 1.0), 0.25) << target;
  }
}

TEST(ScaleData, CopyZeroIsTheRealAgenda) {
  const std::set<rdf::Term> items = copied_items(input());
  const rdf::Term action = rdf::Term::iri(test::id("action/3.3.5"));
  EXPECT_EQ(in_copy(action, 0, items), action);
  EXPECT_EQ(in_copy(action, 7, items).value, test::id("action/3.3.5-c7"));
  const rdf::Term ministry = rdf::Term::iri(test::id("organisation/BZK"));
  EXPECT_EQ(in_copy(ministry, 7, items), ministry);
}

} // namespace
} // namespace wa::bench
