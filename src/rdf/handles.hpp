// The one place where the C libraries' handles get owners. Everything else in
// the project holds these types (or the classes built on them), never a raw
// owning pointer.
#pragma once

#include <serd/serd.h>
#include <sord/sord.h>

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

} // namespace wa::rdf
