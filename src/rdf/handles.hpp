// The one place where the C libraries' handles get owners. Everything else in
// the project holds these types (or the classes built on them), never a raw
// owning pointer.
#pragma once

#include <raptor2.h>
#include <serd/serd.h>
#include <sord/sord.h>

#include <cstdio>
#include <memory>

namespace wa::rdf {

template <typename T, void (*Free)(T*)> struct CFree {
  void operator()(T* handle) const noexcept {
    if (handle != nullptr) {
      Free(handle);
    }
  }
};

template <typename T, void (*Free)(T*)> using CHandle = std::unique_ptr<T, CFree<T, Free>>;

using SordWorldHandle = CHandle<SordWorld, sord_world_free>;
using SordModelHandle = CHandle<SordModel, sord_free>;
using SordIterHandle = CHandle<SordIter, sord_iter_free>;
using SerdEnvHandle = CHandle<SerdEnv, serd_env_free>;
using SerdReaderHandle = CHandle<SerdReader, serd_reader_free>;
using SerdWriterHandle = CHandle<SerdWriter, serd_writer_free>;
using RaptorWorldHandle = CHandle<raptor_world, raptor_free_world>;
using RaptorParserHandle = CHandle<raptor_parser, raptor_free_parser>;
using RaptorUriHandle = CHandle<raptor_uri, raptor_free_uri>;

/// fclose with the signature CHandle wants (its result is of no use to a reader).
inline void close_file(FILE* file) { std::fclose(file); }
using FileHandle = CHandle<FILE, close_file>;

} // namespace wa::rdf
