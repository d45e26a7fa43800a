#include "rdf/turtle_reader.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <optional>

namespace wa::rdf {

namespace {

struct ErrorLog {
  std::string name;
  std::string first_message;
};

SerdStatus record_error(void* handle, const SerdError* error) {
  auto* log = static_cast<ErrorLog*>(handle);
  if (log->first_message.empty()) log->first_message = serd_error_message(log->name, *error);
  return SERD_SUCCESS;
}

SerdSyntax serd_syntax(Syntax syntax) {
  return syntax == Syntax::turtle ? SERD_TURTLE : SERD_NTRIPLES;
}

/// Serd takes a NUL byte for the end of its input and would stop there
/// without a word: the rest of the file would be lost.
[[noreturn]] void refuse_nul_byte(std::string_view name, std::size_t line) {
  throw ParseError(std::string(name) + ":" + std::to_string(line) +
                   ": a NUL byte (RDF text may not hold one)");
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

/// Hands Serd a file a page at a time (a large file is never held whole),
/// counting lines so that a NUL byte can be named by its line.
struct FileSource {
  std::unique_ptr<FILE, int (*)(FILE*)> file;
  std::size_t lines_before = 1;
  std::optional<std::size_t> nul_line;

  static size_t read(void* buffer, size_t size, size_t count, void* stream) {
    auto* source = static_cast<FileSource*>(stream);
    const size_t got = std::fread(buffer, size, count, source->file.get());
    const std::string_view page(static_cast<const char*>(buffer), got * size);
    if (const std::size_t nul = page.find('\0'); nul != std::string_view::npos) {
      source->nul_line = source->lines_before + line_of(page, nul) - 1;
      return nul / size; // Serd reads up to the NUL; the caller refuses the file
    }
    source->lines_before += line_of(page, page.size()) - 1;
    return got;
  }
  static int error(void* stream) {
    return std::ferror(static_cast<FileSource*>(stream)->file.get());
  }
};

/// Parses with a reader set up for `model`; `read` runs the reader over the input.
template <typename Read>
void parse(Model& model, std::string_view base_iri, std::string_view name, Syntax syntax,
           Read read) {
  std::string base(base_iri);
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  SerdEnvHandle env(serd_env_new(base.empty() ? nullptr : &base_node));
  SerdReaderHandle reader(
      sord_new_reader(model.sord_model(), env.get(), serd_syntax(syntax), nullptr));
  ErrorLog log{std::string(name), {}};
  serd_reader_set_error_sink(reader.get(), record_error, &log);
  serd_reader_set_strict(reader.get(), true);
  const SerdStatus status = read(reader.get());
  if (status != SERD_SUCCESS || !log.first_message.empty()) {
    throw ParseError(log.first_message.empty()
                         ? std::string(name) + ": " +
                               reinterpret_cast<const char*>(serd_strerror(status))
                         : log.first_message);
  }
}

} // namespace

std::string serd_error_message(std::string_view name, const SerdError& error) {
  char message[1024];
  va_list args;
  va_copy(args, *error.args);
  std::vsnprintf(message, sizeof message, error.fmt, args);
  va_end(args);
  std::string text = message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return std::string(name) + ":" + std::to_string(error.line) + ":" + std::to_string(error.col) +
         ": " + text;
}

void read_string(Model& model, std::string_view text, std::string_view base_iri,
                 std::string_view name, Syntax syntax) {
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    refuse_nul_byte(name, line_of(text, nul));
  }
  const std::string input(text); // serd reads a NUL-terminated string
  parse(model, base_iri, name, syntax, [&](SerdReader* reader) {
    return serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(input.c_str()));
  });
}

void read_file(Model& model, const std::filesystem::path& path, std::string_view base_iri,
               Syntax syntax) {
  FileSource source{{std::fopen(path.c_str(), "rb"), &std::fclose}, 1, std::nullopt};
  if (!source.file) {
    throw ParseError(path.string() + ": cannot open");
  }
  const std::string name = path.string();
  constexpr std::size_t page_size = 1 << 16;
  parse(model, base_iri, name, syntax, [&](SerdReader* reader) {
    const SerdStatus status =
        serd_reader_read_source(reader, &FileSource::read, &FileSource::error, &source,
                                reinterpret_cast<const uint8_t*>(name.c_str()), page_size);
    if (source.nul_line) refuse_nul_byte(name, *source.nul_line);
    // SERD_FAILURE: the source had nothing to read (an empty file), as the string reader sees it.
    return status == SERD_FAILURE && FileSource::error(&source) == 0 ? SERD_SUCCESS : status;
  });
}

} // namespace wa::rdf
