#pragma once
// A scripted HTTP/1.1 server for the link checker's tests and benchmark: it listens on a loopback
// address (127.0.0.x), serves each connection on its own thread with keep-alive, and answers each
// request with what a handler decides, including faults no real library would produce on
// purpose: never answering, resetting the connection, dripping the body, a huge body.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace test {

struct HttpRequest {
  std::string method, path;
  std::map<std::string, std::string> headers;  // lowercase names
};

struct HttpAction {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int delay_ms = 0;                ///< wait before answering
  enum Fault { None, Hang, Reset, Drip, Huge } fault = None;
  std::size_t huge_bytes = 0;      ///< for Huge: body length announced and sent (in 64 KiB writes)
  int drip_ms = 200;               ///< for Drip: one body byte every drip_ms
};

class HttpServer {
 public:
  using Handler = std::function<HttpAction(const HttpRequest&, int count)>;  ///< count: 1 for the first request to this path
  /// Listens on `address` (e.g. "127.0.0.1"), on a free port.
  explicit HttpServer(Handler handler, const std::string& address = "127.0.0.1");
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// "http://ADDRESS:PORT"
  std::string base() const;
  int port() const { return port_; }
  /// Requests received in all, and per path.
  int requests() const { return total_.load(); }
  int requests(const std::string& path) const;
  /// The most requests this server was handling at once.
  int peak_concurrency() const { return peak_.load(); }

 private:
  void accept_loop();
  void serve(int fd);
  Handler handler_;
  std::string address_;
  int listen_fd_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> total_{0}, in_flight_{0}, peak_{0};
  mutable std::mutex mu_;
  std::map<std::string, int> per_path_;
  std::vector<int> conns_;
  std::thread acceptor_;
  std::vector<std::thread> workers_;
};

}  // namespace test
