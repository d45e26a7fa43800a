#include "sparql/table_writer.hpp"

#include <algorithm>

namespace wa::sparql {

namespace {

/// Display width of UTF-8 text: one column per code point.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string cell(const std::optional<rdf::Term>& term, const Prefixes& prefixes) {
  if (!term) return "";
  if (term->is_iri()) return shortened(term->value, prefixes);
  if (term->is_blank()) return "_:" + term->value;
  std::string text;
  for (char c : term->value)
    text += (c == '\n' || c == '\t') ? ' ' : c;
  if (!term->language.empty()) text += "@" + term->language;
  return text;
}

std::string padded(const std::string& text, std::size_t columns) {
  return text + std::string(columns > width(text) ? columns - width(text) : 0, ' ');
}

} // namespace

std::string shortened(const std::string& iri, const Prefixes& prefixes) {
  for (const auto& [prefix, space] : prefixes) {
    if (iri.starts_with(space) && iri.size() > space.size() &&
        iri.find_first_of("/#", space.size()) == std::string::npos) {
      return prefix + ":" + iri.substr(space.size());
    }
  }
  return "<" + iri + ">";
}

std::string to_table(const rdf::QueryResult& result, const Prefixes& prefixes) {
  if (result.form == rdf::QueryResult::Form::boolean) return result.boolean ? "true\n" : "false\n";
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(result.variables.begin(), result.variables.end());
  for (const rdf::QueryResult::Row& row : result.rows) {
    std::vector<std::string> cells;
    for (const std::optional<rdf::Term>& value : row)
      cells.push_back(cell(value, prefixes));
    rows.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(result.variables.size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string out;
  auto add_row = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += (i > 0 ? " | " : "") + (i + 1 < row.size() ? padded(row[i], widths[i]) : row[i]);
    }
    out += "\n";
  };
  add_row(rows.front());
  for (std::size_t i = 0; i < widths.size(); ++i)
    out += (i > 0 ? "-+-" : "") + std::string(widths[i], '-');
  out += "\n";
  for (std::size_t r = 1; r < rows.size(); ++r)
    add_row(rows[r]);
  out += "(" + std::to_string(result.rows.size()) + " row" + (result.rows.size() == 1 ? "" : "s") +
         (result.truncated ? ", truncated by the row limit" : "") + ")\n";
  return out;
}

} // namespace wa::sparql
