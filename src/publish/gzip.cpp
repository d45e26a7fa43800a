#include "publish/gzip.hpp"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace wa::publish {

namespace {

constexpr int gzip_window_bits = 15 + 16; // 15: the largest window; +16: gzip wrapper
constexpr int memory_level = 8;

/// Frees the zlib stream however the function below leaves.
template <int (*End)(z_stream*)> struct StreamGuard {
  z_stream* stream;
  ~StreamGuard() { End(stream); }
};

void pump(z_stream& stream, std::string& out, int (*step)(z_stream*, int), int flush) {
  std::array<unsigned char, 1 << 16> buffer{};
  int status = Z_OK;
  do {
    stream.next_out = buffer.data();
    stream.avail_out = buffer.size();
    status = step(&stream, flush);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
      throw std::runtime_error(std::string("zlib: ") + (stream.msg ? stream.msg : "error"));
    }
    out.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - stream.avail_out);
  } while (status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0));
  if (status != Z_STREAM_END) {
    throw std::runtime_error("zlib: truncated stream");
  }
}

} // namespace

std::string gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, gzip_window_bits, memory_level,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: cannot start deflate");
  }
  StreamGuard<deflateEnd> guard{&stream};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  pump(stream, out, deflate, Z_FINISH);
  return out;
}

std::string gunzip(std::string_view data) {
  z_stream stream{};
  if (inflateInit2(&stream, gzip_window_bits) != Z_OK) {
    throw std::runtime_error("zlib: cannot start inflate");
  }
  StreamGuard<inflateEnd> guard{&stream};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  pump(stream, out, inflate, Z_NO_FLUSH);
  return out;
}

} // namespace wa::publish
