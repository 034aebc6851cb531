#include "http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace test {

namespace {

bool send_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
    if (w <= 0) return false;
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 308: return "Permanent Redirect";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

}  // namespace

HttpServer::HttpServer(Handler handler, const std::string& address) : handler_(std::move(handler)), address_(address) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("socket failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  sa.sin_port = 0;
  if (::inet_pton(AF_INET, address.c_str(), &sa.sin_addr) != 1) throw std::runtime_error("bad address " + address);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) throw std::runtime_error("bind failed on " + address);
  if (::listen(listen_fd_, 1024) != 0) throw std::runtime_error("listen failed");
  socklen_t len = sizeof sa;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&sa), &len);
  port_ = ntohs(sa.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

HttpServer::~HttpServer() {
  stop_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  acceptor_.join();
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (int fd : conns_) ::shutdown(fd, SHUT_RDWR);
  }
  for (auto& t : workers_) t.join();
}

std::string HttpServer::base() const { return "http://" + address_ + ":" + std::to_string(port_); }

int HttpServer::requests(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = per_path_.find(path);
  return it == per_path_.end() ? 0 : it->second;
}

void HttpServer::accept_loop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    conns_.push_back(fd);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

void HttpServer::serve(int fd) {
  std::string buf;
  char chunk[8192];
  auto wait = [&](int ms) {  // sleeps, but wakes when the server stops
    for (int waited = 0; waited < ms && !stop_; waited += 20) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(20, ms - waited)));
  };
  while (!stop_) {
    std::size_t end;
    while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) < 0) goto done;
      if (stop_) goto done;
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t r = ::recv(fd, chunk, sizeof chunk, 0);
      if (r <= 0) goto done;
      buf.append(chunk, static_cast<std::size_t>(r));
    }
    {
      HttpRequest req;
      const std::string head = buf.substr(0, end);
      buf.erase(0, end + 4);
      const std::size_t sp1 = head.find(' '), sp2 = head.find(' ', sp1 + 1);
      req.method = head.substr(0, sp1);
      req.path = head.substr(sp1 + 1, sp2 - sp1 - 1);
      std::size_t line = head.find("\r\n");
      while (line != std::string::npos) {
        const std::size_t next = head.find("\r\n", line + 2);
        const std::string h = head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
        const std::size_t colon = h.find(':');
        if (colon != std::string::npos) {
          std::string name = h.substr(0, colon);
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          req.headers[name] = h.substr(std::min(h.size(), colon + 2));
        }
        line = next;
      }
      int count;
      {
        std::lock_guard<std::mutex> lock(mu_);
        count = ++per_path_[req.path];
      }
      ++total_;
      const int now = ++in_flight_;
      int peak = peak_.load();
      while (now > peak && !peak_.compare_exchange_weak(peak, now)) {}
      const HttpAction a = handler_(req, count);
      if (a.delay_ms) wait(a.delay_ms);
      bool keep = true;
      if (a.fault == HttpAction::Hang) {
        wait(60000);
        keep = false;
      } else if (a.fault == HttpAction::Reset) {
        linger l{1, 0};  // close with RST
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        keep = false;
      } else {
        const std::size_t length = a.fault == HttpAction::Huge ? a.huge_bytes : a.body.size();
        std::string out = "HTTP/1.1 " + std::to_string(a.status) + " " + reason(a.status) + "\r\n";
        for (const auto& [k, v] : a.headers) out += k + ": " + v + "\r\n";
        out += "Content-Length: " + std::to_string(length) + "\r\n\r\n";
        keep = send_all(fd, out.data(), out.size());
        if (keep && req.method != "HEAD") {
          if (a.fault == HttpAction::Huge) {
            const std::string block(65536, 'x');
            for (std::size_t sent = 0; keep && sent < length && !stop_; sent += block.size())
              keep = send_all(fd, block.data(), std::min(block.size(), length - sent));
          } else if (a.fault == HttpAction::Drip) {
            for (std::size_t i = 0; keep && i < a.body.size() && !stop_; ++i) {
              keep = send_all(fd, a.body.data() + i, 1);
              wait(a.drip_ms);
            }
          } else {
            keep = send_all(fd, a.body.data(), a.body.size());
          }
        }
      }
      --in_flight_;
      if (!keep) goto done;
    }
  }
done:
  std::lock_guard<std::mutex> lock(mu_);
  conns_.erase(std::remove(conns_.begin(), conns_.end(), fd), conns_.end());
  ::close(fd);
}

}  // namespace test
