#include "rdf/model.hpp"

#include <array>
#include <mutex>
#include <stdexcept>

namespace wa::rdf {

namespace {

const uint8_t* bytes(const std::string& text) {
  return reinterpret_cast<const uint8_t*>(text.c_str());
}

/// A node reference owned for the duration of one call.
class OwnedNode {
public:
  OwnedNode(SordWorld* world, SordNode* node) : world_(world), node_(node) {}
  OwnedNode(const OwnedNode&) = delete;
  OwnedNode& operator=(const OwnedNode&) = delete;
  ~OwnedNode() {
    if (node_ != nullptr) {
      sord_node_free(world_, node_);
    }
  }
  [[nodiscard]] SordNode* get() const { return node_; }

private:
  SordWorld* world_;
  SordNode* node_;
};

/// A new reference to the term's node (interned in `world`); the caller frees it.
SordNode* new_node(SordWorld* world, const Term& term) {
  switch (term.kind) {
  case Term::Kind::iri: return sord_new_uri(world, bytes(term.value));
  case Term::Kind::blank: return sord_new_blank(world, bytes(term.value));
  case Term::Kind::literal: break;
  }
  OwnedNode datatype(world,
                     term.datatype.empty() ? nullptr : sord_new_uri(world, bytes(term.datatype)));
  const char* language = term.language.empty() ? nullptr : term.language.c_str();
  return sord_new_literal(world, datatype.get(), bytes(term.value), language);
}

/// The nodes of a pattern (a triple to add, or a lookup with wildcards), made
/// and freed under the model's lock: Sord's world interns nodes with plain
/// reference counts, so two threads making or freeing nodes of one world at
/// once corrupt it (a crash, found by a test). What runs between, the
/// search of the model's indexes, only reads, and runs in parallel.
class PatternNodes {
public:
  PatternNodes(SordWorld* world, std::mutex& mutex, const std::optional<Term>& subject,
               const std::optional<Term>& predicate, const std::optional<Term>& object)
      : world_(world), mutex_(mutex) {
    std::lock_guard lock(mutex_);
    const std::optional<Term>* terms[] = {&subject, &predicate, &object};
    for (std::size_t i = 0; i < 3; ++i)
      if (*terms[i]) quad_[i] = new_node(world_, **terms[i]);
  }
  PatternNodes(const PatternNodes&) = delete;
  PatternNodes& operator=(const PatternNodes&) = delete;
  ~PatternNodes() {
    std::lock_guard lock(mutex_);
    for (const SordNode* node : quad_)
      if (node != nullptr) sord_node_free(world_, const_cast<SordNode*>(node));
  }
  [[nodiscard]] const SordQuad& quad() const { return quad_; }

private:
  SordWorld* world_;
  std::mutex& mutex_;
  SordQuad quad_ = {nullptr, nullptr, nullptr, nullptr};
};

/// By length: Sord does not always end a node's string with a NUL (ASan found
/// a read past a blank node's label from a Turtle file).
std::string text_of(const SordNode* node) {
  std::size_t length = 0;
  const auto* text = reinterpret_cast<const char*>(sord_node_get_string_counted(node, &length));
  return {text, length};
}

/// The same node, made in `world` from the node's own bytes: no Term and its
/// strings (copying the agenda's 10k triples for the HTTP layer's union model
/// that way was a fifth of the server's start). `buffer` ends each string with
/// the NUL Sord's constructors need and Sord's own strings may lack (text_of).
SordNode* node_in(SordWorld* world, const SordNode* node, std::string& buffer) {
  auto text = [&buffer](const SordNode* of) {
    std::size_t length = 0;
    const uint8_t* bytes = sord_node_get_string_counted(of, &length);
    buffer.assign(reinterpret_cast<const char*>(bytes), length);
    return reinterpret_cast<const uint8_t*>(buffer.c_str());
  };
  switch (sord_node_get_type(node)) {
  case SORD_URI: return sord_new_uri(world, text(node));
  case SORD_BLANK: return sord_new_blank(world, text(node));
  case SORD_LITERAL: break;
  }
  const SordNode* datatype = sord_node_get_datatype(node);
  OwnedNode datatype_here(world,
                          datatype == nullptr ? nullptr : sord_new_uri(world, text(datatype)));
  return sord_new_literal(world, datatype_here.get(), text(node), sord_node_get_language(node));
}

} // namespace

Term to_term(const SordNode* node) {
  switch (sord_node_get_type(node)) {
  case SORD_URI: return Term::iri(text_of(node));
  case SORD_BLANK: return Term::blank(text_of(node));
  case SORD_LITERAL: break;
  }
  const char* language = sord_node_get_language(node);
  const SordNode* datatype = sord_node_get_datatype(node);
  if (datatype != nullptr) {
    return Term::typed(text_of(node), text_of(datatype));
  }
  return Term::literal(text_of(node), language != nullptr ? language : "");
}

Model::Model()
    : world_(sord_world_new()),
      model_(sord_new(world_.get(), SORD_SPO | SORD_OPS | SORD_POS, false)) {
  if (!world_ || !model_) {
    throw std::runtime_error("cannot create a Sord model");
  }
}

void Model::add(const Term& subject, const Term& predicate, const Term& object) {
  PatternNodes nodes(world_.get(), *nodes_mutex_, subject, predicate, object);
  std::lock_guard lock(*nodes_mutex_);
  sord_add(model_.get(), nodes.quad());
}

void Model::add_all(const Model& other) {
  if (&other == this) return;
  std::string buffer;
  // Only this world gets nodes; reading the other model's indexes and nodes
  // takes no lock, so other threads may read it meanwhile.
  std::lock_guard lock(*nodes_mutex_);
  SordIterHandle iter(sord_begin(other.model_.get()));
  for (; iter && !sord_iter_end(iter.get()); sord_iter_next(iter.get())) {
    SordQuad quad;
    sord_iter_get(iter.get(), quad);
    std::array<OwnedNode, 3> here = {
        OwnedNode(world_.get(), node_in(world_.get(), quad[0], buffer)),
        OwnedNode(world_.get(), node_in(world_.get(), quad[1], buffer)),
        OwnedNode(world_.get(), node_in(world_.get(), quad[2], buffer))};
    const SordQuad copy = {here[0].get(), here[1].get(), here[2].get(), nullptr};
    sord_add(model_.get(), copy);
  }
}

std::size_t Model::size() const { return sord_num_quads(model_.get()); }

bool Model::contains(const Triple& triple) const {
  return !match(triple.subject, triple.predicate, triple.object).empty();
}

void Model::for_each(const std::optional<Term>& subject, const std::optional<Term>& predicate,
                     const std::optional<Term>& object,
                     const std::function<void(Triple&&)>& visit) const {
  PatternNodes nodes(world_.get(), *nodes_mutex_, subject, predicate, object);
  SordQuad pattern = {nodes.quad()[0], nodes.quad()[1], nodes.quad()[2], nullptr};
  SordIterHandle iter(sord_find(model_.get(), pattern));
  for (; iter && !sord_iter_end(iter.get()); sord_iter_next(iter.get())) {
    SordQuad quad;
    sord_iter_get(iter.get(), quad);
    visit({to_term(quad[SORD_SUBJECT]), to_term(quad[SORD_PREDICATE]), to_term(quad[SORD_OBJECT])});
  }
}

std::vector<Triple> Model::match(const std::optional<Term>& subject,
                                 const std::optional<Term>& predicate,
                                 const std::optional<Term>& object) const {
  std::vector<Triple> found;
  for_each(subject, predicate, object,
           [&](Triple&& triple) { found.push_back(std::move(triple)); });
  return found;
}

std::vector<Term> Model::objects(const Term& subject, const Term& predicate) const {
  std::vector<Term> found;
  for (Triple& triple : match(subject, predicate, {})) {
    found.push_back(std::move(triple.object));
  }
  return found;
}

std::vector<Term> Model::subjects(const Term& predicate, const Term& object) const {
  std::vector<Term> found;
  for (Triple& triple : match({}, predicate, object)) {
    found.push_back(std::move(triple.subject));
  }
  return found;
}

std::optional<Term> Model::object(const Term& subject, const Term& predicate) const {
  std::vector<Term> found = objects(subject, predicate);
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

} // namespace wa::rdf
