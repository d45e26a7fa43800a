#include "store/worker_protocol.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace wa::store {

namespace {

constexpr std::uint32_t max_message = 512U * 1024U * 1024U;

void put_u32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) {
    out += static_cast<char>((value >> shift) & 0xFFU);
  }
}

void put_field(std::string& out, const std::string& field) {
  put_u32(out, static_cast<std::uint32_t>(field.size()));
  out += field;
}

void put_list(std::string& out, const std::vector<std::string>& fields) {
  put_u32(out, static_cast<std::uint32_t>(fields.size()));
  for (const std::string& field : fields)
    put_field(out, field);
}

class Reader {
public:
  explicit Reader(const std::string& data) : data_(data) {}

  std::optional<std::uint32_t> u32() {
    if (at_ + 4 > data_.size()) return std::nullopt;
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= static_cast<std::uint32_t>(
                   static_cast<unsigned char>(data_[at_ + static_cast<std::size_t>(i)]))
               << (8 * i);
    }
    at_ += 4;
    return value;
  }

  std::optional<std::string> field() {
    std::optional<std::uint32_t> size = u32();
    if (!size || at_ + *size > data_.size()) return std::nullopt;
    std::string value = data_.substr(at_, *size);
    at_ += *size;
    return value;
  }

  std::optional<std::vector<std::string>> list() {
    std::optional<std::uint32_t> count = u32();
    if (!count || *count > data_.size() - at_) return std::nullopt;
    std::vector<std::string> fields;
    for (std::uint32_t i = 0; i < *count; ++i) {
      std::optional<std::string> value = field();
      if (!value) return std::nullopt;
      fields.push_back(std::move(*value));
    }
    return fields;
  }

  [[nodiscard]] bool finished() const { return at_ == data_.size(); }

private:
  const std::string& data_;
  std::size_t at_ = 0;
};

int remaining_ms(std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (!deadline) return -1;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      *deadline - std::chrono::steady_clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

/// Reads exactly `size` bytes into `out`.
ReadStatus read_exactly(int fd, char* out, std::size_t size,
                        std::optional<std::chrono::steady_clock::time_point> deadline) {
  std::size_t done = 0;
  while (done < size) {
    pollfd waiting{fd, POLLIN, 0};
    int ready = ::poll(&waiting, 1, remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return ReadStatus::timed_out;
    if (ready < 0) return ReadStatus::closed;
    ssize_t got = ::read(fd, out + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return ReadStatus::closed;
    done += static_cast<std::size_t>(got);
  }
  return ReadStatus::ok;
}

} // namespace

std::string encode(const WorkRequest& request) {
  std::string out;
  put_field(out, request.query);
  put_field(out, request.accept);
  put_field(out, std::to_string(request.row_limit));
  put_list(out, request.dataset.default_graphs);
  put_list(out, request.dataset.named_graphs);
  return out;
}

std::string encode(const WorkResponse& response) {
  std::string out;
  put_u32(out, static_cast<std::uint32_t>(response.status));
  put_field(out, response.content_type);
  put_u32(out, response.truncated ? 1U : 0U);
  put_field(out, response.body);
  return out;
}

std::optional<WorkRequest> decode_request(const std::string& payload) {
  Reader reader(payload);
  auto query = reader.field();
  auto accept = reader.field();
  auto limit = reader.field();
  auto default_graphs = reader.list();
  auto named_graphs = reader.list();
  if (!query || !accept || !limit || !default_graphs || !named_graphs || !reader.finished())
    return std::nullopt;
  return WorkRequest{*query, *accept, std::stoull(*limit),
                     ProtocolDataset{std::move(*default_graphs), std::move(*named_graphs)}};
}

std::optional<WorkResponse> decode_response(const std::string& payload) {
  Reader reader(payload);
  auto status = reader.u32();
  auto content_type = reader.field();
  auto truncated = reader.u32();
  auto body = reader.field();
  if (!status || !content_type || !truncated || !body || !reader.finished()) return std::nullopt;
  return WorkResponse{static_cast<int>(*status), *content_type, *truncated != 0, *body};
}

bool write_message(int fd, const std::string& payload) {
  std::string framed;
  put_u32(framed, static_cast<std::uint32_t>(payload.size()));
  framed += payload;
  std::size_t done = 0;
  while (done < framed.size()) {
    ssize_t wrote = ::send(fd, framed.data() + done, framed.size() - done, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}

ReadStatus read_message(int fd, std::string& payload,
                        std::optional<std::chrono::steady_clock::time_point> deadline) {
  char header[4];
  if (ReadStatus status = read_exactly(fd, header, sizeof header, deadline);
      status != ReadStatus::ok) {
    return status;
  }
  std::uint32_t size = 0;
  for (int i = 0; i < 4; ++i) {
    size |= static_cast<std::uint32_t>(static_cast<unsigned char>(header[i])) << (8 * i);
  }
  if (size > max_message) return ReadStatus::too_large;
  payload.resize(size);
  return read_exactly(fd, payload.data(), size, deadline);
}

} // namespace wa::store
