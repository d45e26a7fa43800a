#include "publish/html_pages.hpp"

#include "rdf/escaping.hpp"
#include "rdf/namespaces.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace wa::publish {

using rdf::json_string;
using rdf::Term;
using rdf::xml_escape;

namespace {

const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));

Term wa(std::string_view local) { return Term::iri(ns::term(ns::wa, local)); }
Term dcterms(std::string_view local) { return Term::iri(ns::term(ns::dcterms, local)); }

std::string html(std::string_view text) { return xml_escape(text); }

/// A literal in an element that carries its language.
std::string text_in(const Term& literal, std::string_view element = "span") {
  std::string attributes =
      literal.language.empty() ? "" : " lang=\"" + html(literal.language) + "\"";
  return "<" + std::string(element) + attributes + ">" + html(literal.value) + "</" +
         std::string(element) + ">";
}

/// At most `limit` bytes of `text`, cut between UTF-8 characters, with an ellipsis if cut.
std::string shortened(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
    --cut;
  return text.substr(0, cut) + "…";
}

std::string layout(const std::string& title, const std::string& body,
                   const std::string& head_extra = "") {
  return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html(shortened(title, 52)) +
         " · Werkagenda</title>\n"
         "<link rel=\"stylesheet\" href=\"/assets/site.css\">\n" +
         head_extra +
         "</head>\n<body>\n<a class=\"skip\" href=\"#main\"><span lang=\"en\">Skip to "
         "content</span></a>\n"
         "<header>\n<nav aria-label=\"Site\">\n<ul>\n"
         "<li><a href=\"/\">Werkagenda</a></li>\n"
         "<li><a href=\"/sparql\" lang=\"en\">SPARQL</a></li>\n"
         "<li><a href=\"/dump/\" lang=\"en\">Downloads</a></li>\n"
         "<li><a href=\"/catalogue\" lang=\"en\">Catalogue (DCAT)</a></li>\n"
         "<li><a href=\"/def\" lang=\"en\">Ontology</a></li>\n"
         "</ul>\n</nav>\n</header>\n<main id=\"main\">\n" +
         body +
         "</main>\n"
         "<footer><p lang=\"en\">Linked open data of the Dutch government's <span "
         "lang=\"nl\">Werkagenda "
         "Waardengedreven Digitaliseren</span> (2022). Data: CC0 1.0. English texts are unofficial "
         "translations.</p></footer>\n</body>\n</html>\n";
}

int property_rank(const std::string& iri) {
  static const std::vector<std::string> order = {ns::term(ns::rdf, "type"),
                                                 ns::term(ns::dcterms, "identifier"),
                                                 ns::term(ns::dcterms, "title"),
                                                 ns::term(ns::skos, "prefLabel"),
                                                 ns::term(ns::eli, "title"),
                                                 ns::term(ns::eli, "title_short"),
                                                 ns::term(ns::dcterms, "description"),
                                                 ns::term(ns::dcterms, "isPartOf"),
                                                 ns::term(ns::wa, "ledBy"),
                                                 ns::term(ns::wa, "executedBy"),
                                                 ns::term(ns::wa, "executorStatement"),
                                                 ns::term(ns::wa, "indicator"),
                                                 ns::term(ns::wa, "plannedResult"),
                                                 ns::term(ns::dcterms, "references"),
                                                 ns::term(ns::wa, "legalReference"),
                                                 ns::term(ns::skos, "note")};
  auto found = std::ranges::find(order, iri);
  return found == order.end() ? static_cast<int>(order.size())
                              : static_cast<int>(found - order.begin());
}

} // namespace

HtmlPages::HtmlPages(const Site& site, const rdf::Model& data)
    : site_(site), data_(data), labels_(data) {}

std::string HtmlPages::link(const Term& resource) const {
  const std::string label = labels_.of(resource);
  if (std::optional<std::string> document = site_.document_of(resource)) {
    std::string href = *document;
    if (resource.value.starts_with(ns::wa)) href = "/def#" + resource.value.substr(ns::wa.size());
    return "<a href=\"" + html(href) + "\">" + html(label) + "</a>";
  }
  if (resource.is_iri())
    return "<a href=\"" + html(resource.value) + "\">" + html(resource.value) + "</a>";
  return html(resource.value);
}

std::string HtmlPages::property_name(const Term& property) const {
  const std::string dutch = labels_.exactly(property, "nl");
  const std::string english = labels_.exactly(property, "en");
  if (dutch.empty() && english.empty()) return "<code>" + html(property.value) + "</code>";
  if (english.empty() || english == dutch) return "<span lang=\"nl\">" + html(dutch) + "</span>";
  return "<span lang=\"nl\">" + html(dutch) + "</span> / <span lang=\"en\">" + html(english) +
         "</span>";
}

std::string HtmlPages::value(const Term& object, const rdf::Model& description) const {
  if (object.is_literal()) {
    if (!object.datatype.empty()) return "<span>" + html(object.value) + "</span>";
    return text_in(object);
  }
  if (description.contains({object, rdf_type, wa("LegalReference")})) {
    std::string box = "<div class=\"evidence\">";
    if (auto act = description.object(object, wa("legislation"))) box += link(*act);
    std::string phrases;
    for (const Term& phrase : description.objects(object, wa("matchedPhrase"))) {
      phrases += (phrases.empty() ? "" : ", ") + std::string("“") + html(phrase.value) + "”";
    }
    box += " <span lang=\"en\">named as</span> " + phrases;
    for (const Term& evidence : description.objects(object, wa("evidenceText"))) {
      box += "<blockquote lang=\"" + html(evidence.language) + "\">" + html(evidence.value) +
             "</blockquote>";
    }
    for (const Term& note :
         description.objects(object, Term::iri(ns::term(ns::skos, "editorialNote")))) {
      box += "<p class=\"note\">" + text_in(note) + "</p>";
    }
    return box + "</div>";
  }
  if (description.contains({object, rdf_type, wa("PlannedResult")}) ||
      description.contains({object, rdf_type, wa("Indicator")})) {
    std::string box = "<div class=\"part\">" + link(object);
    for (const Term& text : description.objects(object, dcterms("description")))
      box += text_in(text, "p");
    return box + "</div>";
  }
  return link(object);
}

std::string HtmlPages::properties_table(const Term& resource, const rdf::Model& description) const {
  std::map<std::pair<int, std::string>, std::vector<Term>> rows;
  for (const rdf::Triple& triple : description.match(resource, {}, {})) {
    rows[{property_rank(triple.predicate.value), triple.predicate.value}].push_back(triple.object);
  }
  std::string out =
      "<table class=\"properties\">\n<caption lang=\"en\">Properties</caption>\n"
      "<thead><tr><th scope=\"col\">Eigenschap / <span lang=\"en\">property</span></th>"
      "<th scope=\"col\">Waarde / <span lang=\"en\">value</span></th></tr></thead>\n<tbody>\n";
  for (const auto& [key, unordered_values] : rows) {
    // Dutch first: it is the source text; English is the translation.
    std::vector<Term> values = unordered_values;
    std::ranges::stable_sort(values, {}, [](const Term& term) { return term.language != "nl"; });
    out += "<tr><th scope=\"row\">" + property_name(Term::iri(key.second)) + "</th><td>";
    if (values.size() == 1) {
      out += value(values.front(), description);
    } else {
      out += "<ul>";
      for (const Term& object : values)
        out += "<li>" + value(object, description) + "</li>";
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string HtmlPages::incoming_links(const Term& resource, const rdf::Model& description) const {
  std::map<std::string, std::vector<Term>> by_property;
  for (const rdf::Triple& triple : description.match({}, {}, resource)) {
    if (triple.predicate.value == ns::term(ns::dcterms, "hasPart")) continue; // the parent is shown
    by_property[triple.predicate.value].push_back(triple.subject);
  }
  if (by_property.empty()) return {};
  std::string out =
      "<section aria-labelledby=\"incoming\">\n<h2 id=\"incoming\">Verwijzingen hierheen / "
      "<span lang=\"en\">Referenced by</span></h2>\n";
  for (const auto& [property, subjects] : by_property) {
    out += "<h3>" + property_name(Term::iri(property)) + " (" + std::to_string(subjects.size()) +
           ")</h3>\n<ul>\n";
    for (const Term& subject : subjects)
      out += "<li>" + link(subject) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::string HtmlPages::legislation_box(const Term& resource) const {
  std::optional<Term> celex = data_.object(resource, Term::iri(ns::term(ns::eli, "id_local")));
  if (!celex) return {};
  std::string out = "<dl class=\"identifiers\">\n";
  if (resource.value.starts_with("http://data.europa.eu/eli/")) {
    out += "<dt>ELI</dt><dd><a href=\"" + html(resource.value) + "\">" + html(resource.value) +
           "</a></dd>\n";
  }
  const bool dutch = resource.value.starts_with("https://wetten.overheid.nl/");
  out += std::string("<dt>") + (dutch ? "BWB" : "CELEX") + "</dt><dd>" + html(celex->value) +
         "</dd>\n";
  if (!dutch) {
    out +=
        "<dt>EUR-Lex</dt><dd><a href=\"https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:" +
        html(celex->value) +
        "\" hreflang=\"nl\">Nederlands</a>, <a href=\"https://eur-lex.europa.eu/"
        "legal-content/EN/TXT/?uri=CELEX:" +
        html(celex->value) + "\" hreflang=\"en\" lang=\"en\">English</a></dd>\n";
  } else {
    out += "<dt>wetten.overheid.nl</dt><dd><a href=\"" + html(resource.value) + "\">" +
           html(resource.value) + "</a></dd>\n";
  }
  return out + "</dl>\n";
}

std::string HtmlPages::json_ld(const Term& resource, const std::string& page_path) const {
  std::string type = "CreativeWork";
  if (data_.contains({resource, rdf_type, Term::iri(ns::term(ns::org, "Organization"))}))
    type = "GovernmentOrganization";
  if (data_.contains({resource, rdf_type, Term::iri(ns::term(ns::eli, "LegalResource"))}))
    type = "Legislation";
  std::string out = "{\"@context\":\"https://schema.org/\",\"@type\":\"" + type +
                    "\",\"@id\":" + json_string(resource.value) +
                    ",\"url\":" + json_string(page_path) +
                    ",\"name\":" + json_string(labels_.of(resource, "nl"));
  for (const Term& text : data_.objects(resource, dcterms("description"))) {
    if (text.language == "nl")
      out += ",\"description\":" + json_string(text.value) + ",\"inLanguage\":\"nl\"";
  }
  if (auto parent = data_.object(resource, dcterms("isPartOf")))
    out += ",\"isPartOf\":" + json_string(parent->value);
  // "</" must not appear inside a script element.
  std::string escaped;
  for (std::size_t i = 0; i < out.size(); ++i) {
    escaped +=
        (out[i] == '<' && i + 1 < out.size() && out[i + 1] == '/') ? "<\\" : std::string(1, out[i]);
  }
  return "<script type=\"application/ld+json\">" + escaped + "}</script>\n";
}

std::string HtmlPages::resource(const Term& resource, const rdf::Model& description,
                                const std::string& document_path) const {
  const std::string title = labels_.of(resource, "nl");
  std::string types;
  for (const Term& type : data_.objects(resource, rdf_type))
    types += (types.empty() ? "" : ", ") + link(type);
  std::string alternates;
  std::string head;
  for (const auto& [extension, media] :
       std::vector<std::pair<std::string, std::string>>{{"ttl", "text/turtle"},
                                                        {"nt", "application/n-triples"},
                                                        {"rdf", "application/rdf+xml"},
                                                        {"jsonld", "application/ld+json"}}) {
    alternates += " <a href=\"" + html(document_path) + "." + extension + "\" type=\"" + media +
                  "\">" + extension + "</a>";
    head += "<link rel=\"alternate\" type=\"" + media + "\" href=\"" + html(document_path) + "." +
            extension + "\">\n";
  }
  std::string body =
      "<article>\n<h1>" + html(title) + "</h1>\n<p class=\"meta\"><span lang=\"en\">Type:</span> " +
      types + "<br><span lang=\"en\">Identifier:</span> <code>" + html(resource.value) +
      "</code><br><span lang=\"en\">This description as data:</span>" + alternates + "</p>\n";
  body += legislation_box(resource);
  body += properties_table(resource, description);
  body += incoming_links(resource, description);
  body += "</article>\n";
  return layout(title, body, head + json_ld(resource, document_path));
}

std::string HtmlPages::items_list(const Term& parent, std::string_view type) const {
  std::vector<std::pair<int, Term>> items;
  for (const Term& part : data_.objects(parent, dcterms("hasPart"))) {
    if (!data_.contains({part, rdf_type, wa(type)})) continue;
    auto number = data_.object(part, wa("number"));
    items.emplace_back(number ? std::stoi(number->value) : 0, part);
  }
  std::ranges::sort(items, {}, &std::pair<int, Term>::first);
  std::string out;
  for (const auto& [number, item] : items) {
    std::string text;
    for (const Term& description : data_.objects(item, dcterms("description"))) {
      if (description.language == "nl") text = description.value;
    }
    out += "<li>" + link(item) +
           (text.empty() ? "" : ": <span lang=\"nl\">" + html(text) + "</span>") + "</li>\n";
  }
  return out;
}

std::string HtmlPages::index() const {
  const Term agenda = Term::iri(site_.base() + "id/agenda/2022");
  std::string body = "<h1>" + html(labels_.of(agenda, "nl")) + "</h1>\n";
  for (const Term& description : data_.objects(agenda, dcterms("description")))
    body += text_in(description, "p");
  body += "<p><span lang=\"en\">Query it at</span> <a href=\"/sparql\">/sparql</a>; <span "
          "lang=\"en\">download it at</span> "
          "<a href=\"/dump/\">/dump/</a>.</p>\n";
  std::vector<std::pair<int, Term>> lines;
  for (const Term& part : data_.objects(agenda, dcterms("hasPart"))) {
    auto number = data_.object(part, wa("number"));
    lines.emplace_back(number ? std::stoi(number->value) : 0, part);
  }
  std::ranges::sort(lines, {}, &std::pair<int, Term>::first);
  for (const auto& [number, line] : lines) {
    body += "<section>\n<h2>" + std::to_string(number) + ". " + link(line) + "</h2>\n";
    std::vector<std::pair<std::string, Term>> priorities;
    for (const Term& part : data_.objects(line, dcterms("hasPart"))) {
      auto id = data_.object(part, dcterms("identifier"));
      priorities.emplace_back(id ? id->value : part.value, part);
    }
    std::ranges::sort(priorities, {}, &std::pair<std::string, Term>::first);
    for (const auto& [id, priority] : priorities) {
      body += "<h3>" + html(id) + " " + link(priority) + "</h3>\n";
      body += "<h4>Doelen <span lang=\"en\">(goals)</span></h4>\n<ol>\n" +
              items_list(priority, "Goal") + "</ol>\n";
      body += "<h4>Acties <span lang=\"en\">(actions)</span></h4>\n<ol>\n" +
              items_list(priority, "Action") + "</ol>\n";
    }
    body += "</section>\n";
  }
  std::string bodies;
  std::set<std::string> seen;
  for (const rdf::Triple& lead : data_.match({}, wa("executedBy"), {})) {
    if (seen.insert(lead.object.value).second) bodies += "<li>" + link(lead.object) + "</li>\n";
  }
  std::string acts;
  for (const Term& act : data_.subjects(rdf_type, Term::iri(ns::term(ns::eli, "LegalResource")))) {
    acts += "<li>" + link(act) + "</li>\n";
  }
  body += "<section>\n<h2>Uitvoerders <span lang=\"en\">(executing bodies)</span></h2>\n<ul "
          "class=\"columns\">\n" +
          bodies +
          "</ul>\n</section>\n<section>\n<h2>Regelgeving <span "
          "lang=\"en\">(legislation)</span></h2>\n<ul>\n" +
          acts + "</ul>\n</section>\n";
  return layout(labels_.of(agenda, "nl"), body);
}

std::string HtmlPages::ontology() const {
  const Term ontology_iri = Term::iri("https://w3id.org/werkagenda/def");
  std::string body = "<h1>" + html(labels_.of(ontology_iri, "nl")) + "</h1>\n";
  for (const Term& description : data_.objects(ontology_iri, dcterms("description")))
    body += text_in(description, "p");
  body += "<p><span lang=\"en\">As Turtle:</span> <a href=\"/def.ttl\" "
          "type=\"text/turtle\">/def.ttl</a></p>\n";
  for (const auto& [heading, kinds] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"Klassen <span lang=\"en\">(classes)</span>", {"Class"}},
           {"Eigenschappen <span lang=\"en\">(properties)</span>",
            {"ObjectProperty", "DatatypeProperty", "AnnotationProperty"}}}) {
    body += "<h2>" + heading + "</h2>\n<dl class=\"terms\">\n";
    std::set<Term> terms;
    for (const std::string& kind : kinds) {
      for (const Term& term : data_.subjects(rdf_type, Term::iri(ns::term(ns::owl, kind)))) {
        if (term.value.starts_with(ns::wa)) terms.insert(term);
      }
    }
    for (const Term& term : terms) {
      const std::string local = term.value.substr(ns::wa.size());
      body += "<dt id=\"" + html(local) + "\"><code>wa:" + html(local) + "</code> — " +
              property_name(term) + "</dt>\n<dd>";
      for (const Term& definition :
           data_.objects(term, Term::iri(ns::term(ns::skos, "definition")))) {
        body += text_in(definition, "p");
      }
      body += "</dd>\n";
    }
    body += "</dl>\n";
  }
  return layout("Ontologie", body);
}

std::string HtmlPages::dumps(const std::vector<DumpFile>& files) const {
  std::string rows;
  for (const DumpFile& file : files) {
    rows += "<tr><td><a href=\"/dump/" + html(file.name) + "\">" + html(file.name) +
            "</a></td><td>" + std::to_string(file.content.size()) + "</td><td>" +
            std::to_string(file.triples) + "</td></tr>\n";
  }
  return layout(
      "Downloads",
      "<h1 lang=\"en\">Downloads</h1>\n<p lang=\"en\">The dataset and each of its parts, in "
      "Turtle, "
      "N-Triples and N-Quads, each also gzipped. Described for portals in the <a "
      "href=\"/catalogue\">"
      "DCAT-AP catalogue</a>.</p>\n<table>\n<caption lang=\"en\">Files</caption>\n<thead><tr>"
      "<th scope=\"col\" lang=\"en\">file</th><th scope=\"col\" lang=\"en\">bytes</th>"
      "<th scope=\"col\" lang=\"en\">triples</th></tr></thead>\n<tbody>\n" +
          rows + "</tbody>\n</table>\n");
}

std::string HtmlPages::not_found(const std::string& path) const {
  return layout(
      "Niet gevonden",
      "<h1>Niet gevonden <span lang=\"en\">(not found)</span></h1>\n<p lang=\"en\">Nothing is "
      "published at <code>" +
          html(path) +
          "</code>. Start from the <a href=\"/\">index of the "
          "agenda</a>, search with a <a href=\"/sparql\">SPARQL query</a>, or download the "
          "<a href=\"/dump/\">data</a>.</p>\n");
}

} // namespace wa::publish
