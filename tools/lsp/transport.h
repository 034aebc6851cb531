#pragma once
// JSON-RPC over a byte stream with LSP's framing: "Content-Length: N\r\n" (other headers
// ignored), an empty line, then N bytes of JSON. Reads with a time limit, so that the server can
// wait for the next keystroke before it lints (the debounce).

#include <nlohmann/json.hpp>
#include <string>

namespace listlint::lsp {

class Transport {
 public:
  Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

  enum class Status {
    Message,   ///< `body` holds one message's bytes
    Timeout,   ///< nothing complete arrived within the time limit
    Eof,       ///< the input ended (or failed)
    BadFrame,  ///< a header block without a valid Content-Length (skipped); `body` says why
  };
  /// Reads the next message, waiting at most `timeout_ms` (negative: no limit).
  Status read(std::string& body, int timeout_ms);
  /// Writes one message; false when the output is gone.
  bool write(const nlohmann::json& message);

  /// The largest message accepted (a larger Content-Length is a bad frame, its bytes skipped).
  static constexpr std::size_t kMaxBody = std::size_t{256} << 20;
  /// The most header bytes before the empty line.
  static constexpr std::size_t kMaxHeader = 8192;

 private:
  bool fill(int timeout_ms);  // reads what is there into buf_; false on timeout or end
  int in_, out_;
  std::string buf_;
  std::size_t skip_ = 0;  // bytes of an oversized body still to drop
  bool eof_ = false;
};

}  // namespace listlint::lsp
