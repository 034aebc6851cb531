// LSP framing over file descriptors (transport.h).

#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>

namespace listlint::lsp {

bool Transport::fill(int timeout_ms) {
  if (eof_) return false;
  pollfd p{in_, POLLIN, 0};
  int r;
  do r = ::poll(&p, 1, timeout_ms);
  while (r < 0 && errno == EINTR);
  if (r == 0) return false;
  if (r < 0) {
    eof_ = true;
    return false;
  }
  char chunk[65536];
  ssize_t n;
  do n = ::read(in_, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  std::size_t take = static_cast<std::size_t>(n), from = 0;
  if (skip_ > 0) {  // the rest of an oversized body
    from = std::min(skip_, take);
    skip_ -= from;
  }
  buf_.append(chunk + from, take - from);
  return true;
}

namespace {

// "Content-Length" in any case, its value digits only.
bool content_length(const std::string& headers, std::size_t& out, std::string& why) {
  bool found = false;
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t eol = headers.find("\r\n", pos);
    if (eol == std::string::npos) eol = headers.size();
    const std::string line = headers.substr(pos, eol - pos);
    pos = eol + 2;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      why = "a header line without ':'";
      return false;
    }
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "content-length") continue;
    std::size_t i = colon + 1;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t v = 0, digits = 0;
    for (; i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])); ++i, ++digits) {
      if (v > Transport::kMaxBody) break;
      v = v * 10 + static_cast<std::size_t>(line[i] - '0');
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (digits == 0 || i != line.size()) {
      why = "Content-Length is not a number";
      return false;
    }
    out = v;
    found = true;
  }
  if (!found) why = "no Content-Length header";
  return found;
}

}  // namespace

Transport::Status Transport::read(std::string& body, int timeout_ms) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
  for (;;) {
    // A complete header block?
    const std::size_t end = buf_.find("\r\n\r\n");
    if (end != std::string::npos) {
      const std::string headers = buf_.substr(0, end);
      std::size_t length = 0;
      std::string why;
      if (!content_length(headers, length, why)) {
        buf_.erase(0, end + 4);
        body = why;
        return Status::BadFrame;
      }
      if (length > kMaxBody) {
        buf_.erase(0, end + 4);
        const std::size_t have = std::min(buf_.size(), length);
        buf_.erase(0, have);
        skip_ = length - have;
        body = "the message is larger than " + std::to_string(kMaxBody) + " bytes";
        return Status::BadFrame;
      }
      if (buf_.size() - (end + 4) >= length) {
        body = buf_.substr(end + 4, length);
        buf_.erase(0, end + 4 + length);
        return Status::Message;
      }
    } else if (buf_.size() > kMaxHeader) {
      // Garbage without a header end: drop it up to the last byte that could start one.
      buf_.erase(0, buf_.size() - 3);
      body = "no header block within " + std::to_string(kMaxHeader) + " bytes";
      return Status::BadFrame;
    }
    int wait = -1;
    if (timeout_ms >= 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
      wait = left > 0 ? static_cast<int>(left) : 0;
    }
    if (!fill(wait)) {
      if (eof_) return Status::Eof;
      if (timeout_ms >= 0) return Status::Timeout;
    }
  }
}

bool Transport::write(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(out_, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace listlint::lsp
