#include "publish/catalogue.hpp"

#include "publish/checksum.hpp"
#include "publish/release_catalogue.hpp"
#include "rdf/namespaces.hpp"

#include <stdexcept>

namespace wa::publish {

namespace {

using rdf::Term;

constexpr std::string_view dcat = "http://www.w3.org/ns/dcat#";
constexpr std::string_view dcatap = "http://data.europa.eu/r5r/";
constexpr std::string_view spdx = "http://spdx.org/rdf/terms#";
constexpr std::string_view iana = "https://www.iana.org/assignments/media-types/";
constexpr std::string_view eu_authority = "http://publications.europa.eu/resource/authority/";
constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
constexpr std::string_view foaf = "http://xmlns.com/foaf/0.1/";
constexpr std::string_view vcard = "http://www.w3.org/2006/vcard/ns#";

Term iri(std::string_view space, std::string_view local) {
  return Term::iri(ns::term(space, local));
}
Term dct(std::string_view local) { return iri(ns::dcterms, local); }

struct FileKind {
  std::string extension;
  std::string media_type;
  std::string eu_file_type;
  std::string name_nl;
  std::string name_en;
};

const std::vector<FileKind>& file_kinds() {
  static const std::vector<FileKind> kinds = {
      {".ttl", "text/turtle", "RDF_TURTLE", "Turtle", "Turtle"},
      {".nt", "application/n-triples", "RDF_N_TRIPLES", "N-Triples", "N-Triples"},
      {".nq", "application/n-quads", "RDF_N_QUADS", "N-Quads (elk deel in een eigen named graph)",
       "N-Quads (each part in its own named graph)"}};
  return kinds;
}

/// The dataset's own dumps (werkagenda.*): the parts are subsets, not distributions.
bool is_whole_dataset(const std::string& name) { return name.starts_with("werkagenda."); }

/// dcat:byteSize and the SHA-256 of a distribution's bytes, the checksum a
/// node of its own (`{distribution}#checksum`).
void add_size_and_checksum(rdf::Model& out, const Term& distribution, const std::string& content) {
  const Term checksum = Term::iri(distribution.value + "#checksum");
  out.add(distribution, iri(dcat, "byteSize"),
          Term::typed(std::to_string(content.size()), ns::term(ns::xsd, "nonNegativeInteger")));
  out.add(distribution, iri(spdx, "checksum"), checksum);
  out.add(checksum, iri(ns::rdf, "type"), iri(spdx, "Checksum"));
  out.add(checksum, iri(spdx, "algorithm"), iri(spdx, "checksumAlgorithm_sha256"));
  out.add(checksum, iri(spdx, "checksumValue"),
          Term::typed(sha256_hex(content), ns::term(ns::xsd, "hexBinary")));
}

void add_distribution(rdf::Model& out, const std::string& base, const DumpFile& dump,
                      const Term& dataset, const Term& issued, const Term& modified,
                      const Term& licence) {
  const bool gzipped = dump.name.ends_with(".gz");
  const std::string plain = gzipped ? dump.name.substr(0, dump.name.size() - 3) : dump.name;
  const FileKind* kind = nullptr;
  for (const FileKind& candidate : file_kinds()) {
    if (plain.ends_with(candidate.extension)) kind = &candidate;
  }
  if (kind == nullptr) throw std::runtime_error("no file type for " + dump.name);
  const Term distribution = Term::iri(base + "dataset/distribution/" + dump.name);
  const Term file = Term::iri(base + "dump/" + dump.name);
  const std::string compressed_nl = gzipped ? ", gzip-gecomprimeerd" : "";
  const std::string compressed_en = gzipped ? ", gzip-compressed" : "";
  out.add(dataset, iri(dcat, "distribution"), distribution);
  out.add(distribution, iri(ns::rdf, "type"), iri(dcat, "Distribution"));
  out.add(distribution, dct("title"),
          Term::literal("De hele dataset in " + kind->name_nl + compressed_nl, "nl"));
  out.add(distribution, dct("title"),
          Term::literal("The whole dataset in " + kind->name_en + compressed_en, "en"));
  out.add(
      distribution, dct("description"),
      Term::literal(
          "Alle delen van de dataset (werkagenda, organisaties, regelgeving, ontologie) in één " +
              kind->name_nl + "-bestand" + (gzipped ? ", gecomprimeerd met gzip." : "."),
          "nl"));
  out.add(distribution, dct("description"),
          Term::literal(
              "All parts of the dataset (agenda, organisations, legislation, ontology) in one " +
                  kind->name_en + " file" + (gzipped ? ", compressed with gzip." : "."),
              "en"));
  out.add(distribution, iri(dcat, "accessURL"), file);
  out.add(distribution, iri(dcat, "downloadURL"), file);
  out.add(distribution, iri(dcat, "mediaType"), Term::iri(std::string(iana) + kind->media_type));
  out.add(distribution, dct("format"),
          Term::iri(std::string(eu_authority) + "file-type/" + kind->eu_file_type));
  if (gzipped)
    out.add(distribution, iri(dcat, "compressFormat"),
            Term::iri(std::string(iana) + "application/gzip"));
  add_size_and_checksum(out, distribution, dump.content);
  out.add(distribution, dct("license"), licence);
  out.add(distribution, dct("language"), Term::iri(std::string(eu_authority) + "language/NLD"));
  out.add(distribution, dct("language"), Term::iri(std::string(eu_authority) + "language/ENG"));
  out.add(distribution, dct("conformsTo"), Term::iri("https://w3id.org/werkagenda/def"));
  out.add(distribution, iri(dcatap, "availability"),
          Term::iri(std::string(eu_authority) + "planned-availability/AVAILABLE"));
  out.add(distribution, dct("issued"), issued);
  out.add(distribution, dct("modified"), modified);
}

/// The text the dataset is imported from, so that every wa:sourceLine can be
/// checked against bytes of a published checksum.
void add_source_distribution(rdf::Model& out, const std::string& base, const DumpFile& file,
                             const Term& dataset, const Term& issued, const Term& origin) {
  const Term distribution = Term::iri(base + "dataset/distribution/" + file.name);
  const Term url = Term::iri(base + "source/" + file.name);
  out.add(dataset, iri(dcat, "distribution"), distribution);
  out.add(distribution, iri(ns::rdf, "type"), iri(dcat, "Distribution"));
  out.add(distribution, dct("title"), Term::literal("De brontekst van de werkagenda", "nl"));
  out.add(distribution, dct("title"), Term::literal("The source text of the agenda", "en"));
  out.add(distribution, dct("description"),
          Term::literal("De tekstextractie van de officiële publicatie waaruit de dataset is "
                        "geïmporteerd (UTF-8). Elk wa:sourceLine in de dataset is een regelnummer "
                        "in dit bestand.",
                        "nl"));
  out.add(distribution, dct("description"),
          Term::literal("The text extraction of the official publication the dataset is "
                        "imported from (UTF-8). Every wa:sourceLine in the dataset is a line "
                        "number in this file.",
                        "en"));
  out.add(distribution, iri(dcat, "accessURL"), url);
  out.add(distribution, iri(dcat, "downloadURL"), url);
  out.add(distribution, iri(dcat, "mediaType"), Term::iri(std::string(iana) + "text/plain"));
  out.add(distribution, dct("format"), Term::iri(std::string(eu_authority) + "file-type/TXT"));
  add_size_and_checksum(out, distribution, file.content);
  // Not ours to license: the government's text, free to publish again (catalogue.ttl).
  out.add(distribution, dct("license"), Term::iri(base + "catalogue#source-text-licence"));
  out.add(distribution, dct("language"), Term::iri(std::string(eu_authority) + "language/NLD"));
  out.add(distribution, iri(dcatap, "availability"),
          Term::iri(std::string(eu_authority) + "planned-availability/AVAILABLE"));
  out.add(distribution, iri(prov, "wasDerivedFrom"), origin);
  out.add(distribution, dct("issued"), issued);
  out.add(distribution, dct("modified"), issued);
}

Term required(const rdf::Model& curated, const Term& subject, const Term& property) {
  std::optional<Term> value = curated.object(subject, property);
  if (!value) {
    throw std::runtime_error("catalogue.ttl: " + subject.value + " needs " + property.value);
  }
  return *value;
}

void check_publisher(const Publisher& publisher) {
  if (!publisher.iri.empty() && publisher.iri.find("://") == std::string::npos) {
    throw std::invalid_argument("--publisher-iri needs an absolute IRI, not " + publisher.iri);
  }
  if (!publisher.email.empty() && publisher.email.find('@') == std::string::npos) {
    throw std::invalid_argument("--contact-email needs an e-mail address, not " + publisher.email);
  }
}

/// What the curated file says with the operator in place of the project: as
/// publisher and rights holder (the project stays the creator), and as the
/// name of the contact point.
Term operator_in_place(const rdf::Triple& triple, const Term& project, const Term& contact,
                       const Term& agent, const Term& name) {
  const bool operator_role =
      triple.predicate == dct("publisher") || triple.predicate == dct("rightsHolder");
  if (operator_role && triple.object == project) return agent;
  if (triple.subject == contact && triple.predicate == iri(vcard, "fn")) return name;
  return triple.object;
}

} // namespace

rdf::Model with_publisher(const rdf::Model& curated, const std::string& base,
                          const Publisher& publisher) {
  check_publisher(publisher);
  const Term contact = Term::iri(base + "catalogue#contact-point");
  rdf::Model out;
  if (publisher.name.empty() && publisher.iri.empty()) {
    out.add_all(curated);
  } else {
    const Term project = Term::iri(base + "catalogue#werkagenda-ld");
    const Term agent =
        Term::iri(publisher.iri.empty() ? base + "catalogue#publisher" : publisher.iri);
    const Term name = Term::literal(publisher.name.empty() ? publisher.iri : publisher.name);
    for (const rdf::Triple& triple : curated.triples()) {
      out.add(triple.subject, triple.predicate,
              operator_in_place(triple, project, contact, agent, name));
    }
    out.add(agent, iri(ns::rdf, "type"), iri(foaf, "Agent"));
    out.add(agent, iri(foaf, "name"), name);
  }
  if (!publisher.email.empty()) {
    out.add(contact, iri(vcard, "hasEmail"), Term::iri("mailto:" + publisher.email));
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& catalogue_prefixes() {
  static const std::vector<std::pair<std::string, std::string>> prefixes = {
      {"adms", "http://www.w3.org/ns/adms#"},
      {"dcat", std::string(dcat)},
      {"dcatap", std::string(dcatap)},
      {"spdx", std::string(spdx)},
      {"vcard", std::string(vcard)}};
  return prefixes;
}

rdf::Model catalogue(const rdf::Model& curated, const std::string& base,
                     const std::vector<DumpFile>& dumps, const std::optional<DumpFile>& source_text,
                     const std::vector<Release>& earlier) {
  rdf::Model out;
  out.add_all(curated);
  const Term catalogue_node = Term::iri(base + "catalogue");
  const Term dataset = Term::iri(base + "dataset");
  const Term service = Term::iri(base + "sparql-service");
  const Term issued = required(curated, dataset, dct("issued"));
  const Term licence = required(curated, catalogue_node, dct("license"));
  // The data changes only with a new release, so its modification date is the
  // release's curated date (dct:modified, else the first publication's):
  // deterministic, unlike the clock.
  const Term modified = curated.object(dataset, dct("modified")).value_or(issued);
  out.add(catalogue_node, dct("modified"), modified);
  out.add(dataset, dct("modified"), modified);
  out.add(dataset, dct("identifier"), Term::literal(dataset.value));
  out.add(service, dct("identifier"), Term::literal(service.value));
  for (const DumpFile& dump : dumps) {
    if (is_whole_dataset(dump.name))
      add_distribution(out, base, dump, dataset, issued, modified, licence);
  }
  if (source_text) {
    add_source_distribution(out, base, *source_text, dataset, issued,
                            required(curated, dataset, iri(prov, "wasDerivedFrom")));
  }
  add_earlier_releases(out, base, earlier);
  return out;
}

} // namespace wa::publish
