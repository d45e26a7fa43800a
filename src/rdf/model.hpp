// An in-memory RDF graph held in Sord: sorted indexes, so that iteration
// (and therefore every serialisation) is deterministic.
#pragma once

#include "rdf/handles.hpp"
#include "rdf/term.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace wa::rdf {

class Model {
public:
  Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
  Model(Model&&) noexcept = default;
  Model& operator=(Model&&) noexcept = default;
  ~Model() = default;

  void add(const Term& subject, const Term& predicate, const Term& object);
  void add(const Triple& triple) { add(triple.subject, triple.predicate, triple.object); }
  void add_all(const Model& other);

  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] bool contains(const Triple& triple) const;

  /// Every triple that matches; an empty optional is a wildcard.
  [[nodiscard]] std::vector<Triple> match(const std::optional<Term>& subject,
                                          const std::optional<Term>& predicate,
                                          const std::optional<Term>& object) const;
  [[nodiscard]] std::vector<Triple> triples() const { return match({}, {}, {}); }
  /// Calls `visit` for every triple that matches, in index order, one at a
  /// time: serialising or hashing a graph of millions of triples must not
  /// first copy them all (10M triples as Triple values: several GiB).
  void for_each(const std::optional<Term>& subject, const std::optional<Term>& predicate,
                const std::optional<Term>& object,
                const std::function<void(Triple&&)>& visit) const;
  void for_each_triple(const std::function<void(Triple&&)>& visit) const {
    for_each({}, {}, {}, visit);
  }

  [[nodiscard]] std::vector<Term> objects(const Term& subject, const Term& predicate) const;
  [[nodiscard]] std::vector<Term> subjects(const Term& predicate, const Term& object) const;
  [[nodiscard]] std::optional<Term> object(const Term& subject, const Term& predicate) const;

  /// The Sord handles, for the reader and writer in this folder only.
  [[nodiscard]] SordWorld* sord_world() const { return world_.get(); }
  [[nodiscard]] SordModel* sord_model() const { return model_.get(); }

private:
  SordWorldHandle world_;
  SordModelHandle model_;
  /// Serializes the making and freeing of nodes in world_ (model.cpp, PatternNodes).
  std::unique_ptr<std::mutex> nodes_mutex_ = std::make_unique<std::mutex>();
};

/// Converts a Sord node to a term (used by the reader and writer).
Term to_term(const SordNode* node);

} // namespace wa::rdf
