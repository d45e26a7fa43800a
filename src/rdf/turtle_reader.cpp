#include "rdf/turtle_reader.hpp"

#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace wa::rdf {

namespace {

struct ErrorLog {
  std::string name;
  std::string first_message;
};

SerdStatus record_error(void* handle, const SerdError* error) {
  auto* log = static_cast<ErrorLog*>(handle);
  if (!log->first_message.empty()) {
    return SERD_SUCCESS;
  }
  char message[1024];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(message, sizeof message, error->fmt, args);
  va_end(args);
  std::string text = message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  log->first_message = log->name + ":" + std::to_string(error->line) + ":" +
                       std::to_string(error->col) + ": " + text;
  return SERD_SUCCESS;
}

SerdSyntax serd_syntax(Syntax syntax) {
  return syntax == Syntax::turtle ? SERD_TURTLE : SERD_NTRIPLES;
}

} // namespace

void read_string(Model& model, std::string_view text, std::string_view base_iri,
                 std::string_view name, Syntax syntax) {
  std::string base(base_iri);
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  SerdEnvHandle env(serd_env_new(base.empty() ? nullptr : &base_node));
  SerdReaderHandle reader(
      sord_new_reader(model.sord_model(), env.get(), serd_syntax(syntax), nullptr));
  ErrorLog log{std::string(name), {}};
  serd_reader_set_error_sink(reader.get(), record_error, &log);
  serd_reader_set_strict(reader.get(), true);

  std::string input(text); // serd reads a NUL-terminated string
  SerdStatus status =
      serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(input.c_str()));
  if (status != SERD_SUCCESS || !log.first_message.empty()) {
    throw ParseError(log.first_message.empty()
                         ? std::string(name) + ": " +
                               reinterpret_cast<const char*>(serd_strerror(status))
                         : log.first_message);
  }
}

void read_file(Model& model, const std::filesystem::path& path, std::string_view base_iri,
               Syntax syntax) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ParseError(path.string() + ": cannot open");
  }
  std::ostringstream text;
  text << in.rdbuf();
  read_string(model, text.str(), base_iri, path.string(), syntax);
}

} // namespace wa::rdf
