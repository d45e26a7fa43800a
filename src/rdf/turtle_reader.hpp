// Reads Turtle (or N-Triples) into a model, resolving relative IRIs against a
// base, and reports the first syntax error with file, line and column.
#pragma once

#include "rdf/model.hpp"

#include <serd/serd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wa::rdf {

class ParseError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

enum class Syntax { turtle, ntriples };

/// Adds the triples of `path` to `model`. Throws ParseError naming
/// `path:line:column` on bad input.
void read_file(Model& model, const std::filesystem::path& path, std::string_view base_iri,
               Syntax syntax = Syntax::turtle);

/// Serd's message for an error, without the line break it ends with, as
/// "name:line:column: message".
[[nodiscard]] std::string serd_error_message(std::string_view name, const SerdError& error);

/// Adds the triples of `text` to `model`; `name` stands for the file in messages.
void read_string(Model& model, std::string_view text, std::string_view base_iri,
                 std::string_view name, Syntax syntax = Syntax::turtle);

} // namespace wa::rdf
