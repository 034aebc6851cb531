// The language server's loop, its documents and their diagnostics (server.h). The features a
// client asks for (code actions, hover, symbols, definition, completion) are in features.cpp.

#include "lsp/server.h"

#include <cctype>
#include <filesystem>
#include <set>

#include "listlint/checking/files.h"
#include "registry.h"

namespace listlint::lsp {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// JSON-RPC error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// "file:///a%20b/README.md" -> "/a b/README.md"; other schemes keep their text (an untitled
// buffer is linted with the configuration of the working folder).
std::string uri_to_path(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return uri;
  std::string out;
  const std::string rest = uri.substr(7);
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      out += static_cast<char>(std::stoi(rest.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  // file://host/path: the host is dropped (localhost).
  if (!out.empty() && out[0] != '/') {
    const std::size_t slash = out.find('/');
    out = slash == std::string::npos ? "/" : out.substr(slash);
  }
  return out;
}

long long stamp_of(const std::string& path) {
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  return ec ? -1 : static_cast<long long>(t.time_since_epoch().count());
}

}  // namespace

Server::Server(const Options& options, Transport& transport)
    : o_(options), out_(transport), rules_(rules::all()), configs_(rules_), loader_(options.words_table) {}

void Server::notify(const std::string& method, json params) {
  out_.write({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::reply_error(const json& id, int code, const std::string& message) {
  out_.write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::bad_frame(const std::string& why) { reply_error(nullptr, kParseError, "cannot read the message: " + why); }

void Server::handle(const std::string& body) {
  json msg;
  try {
    msg = json::parse(body);
  } catch (const json::exception& e) {
    reply_error(nullptr, kParseError, std::string("invalid JSON: ") + e.what());
    return;
  }
  if (!msg.is_object()) {
    reply_error(nullptr, kInvalidRequest, "a message is a JSON object");
    return;
  }
  const bool has_id = msg.contains("id");
  const json id = has_id ? msg["id"] : json();
  if (has_id && !id.is_number_integer() && !id.is_string() && !id.is_null()) {
    reply_error(nullptr, kInvalidRequest, "id must be a number or a string");
    return;
  }
  if (!msg.contains("method")) {
    if (!has_id) reply_error(nullptr, kInvalidRequest, "a message without a method");
    return;  // a response to a request of ours (none expected)
  }
  if (!msg["method"].is_string()) {
    reply_error(id, kInvalidRequest, "method must be a string");
    return;
  }
  const std::string method = msg["method"];
  const json params = msg.contains("params") ? msg["params"] : json::object();
  if (method == "exit") {
    exit_code_ = shutdown_ ? 0 : 1;
    return;
  }
  if (!initialized_ && method != "initialize") {
    if (has_id) reply_error(id, kServerNotInitialized, "initialize first");
    return;
  }
  if (method == "initialize" && initialized_) {
    if (has_id) reply_error(id, kInvalidRequest, "initialize was already called");
    return;
  }
  if (shutdown_ && has_id) {
    reply_error(id, kInvalidRequest, "the server is shut down; only exit remains");
    return;
  }
  try {
    bool handled = true;
    json result = dispatch(method, params, handled);
    if (!has_id) return;  // a notification: no answer, even when unknown
    if (!handled) {
      reply_error(id, kMethodNotFound, "unknown method " + method);
      return;
    }
    out_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const ParamsError& e) {
    if (has_id) reply_error(id, kInvalidParams, std::string(method) + ": " + e.what());
  } catch (const json::exception& e) {
    if (has_id) reply_error(id, kInvalidParams, std::string("invalid params for ") + method + ": " + e.what());
  } catch (const std::exception& e) {
    if (has_id) reply_error(id, kInternalError, std::string(method) + ": " + e.what());
  }
}

json Server::dispatch(const std::string& method, const json& params, bool& handled) {
  if (method == "initialize") {
    initialized_ = true;
    const json caps_in = params.is_object() ? params.value("capabilities", json::object()) : json::object();
    watch_registration_ = caps_in.is_object() && caps_in.contains("workspace") && caps_in["workspace"].is_object() &&
                          caps_in["workspace"].contains("didChangeWatchedFiles") &&
                          caps_in["workspace"]["didChangeWatchedFiles"].is_object() &&
                          caps_in["workspace"]["didChangeWatchedFiles"].value("dynamicRegistration", false) == true;
    json caps = {
        {"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.listlint"}}}},
        {"hoverProvider", true},
        {"documentSymbolProvider", true},
        {"definitionProvider", true},
        {"completionProvider", {{"triggerCharacters", {"#"}}}},
    };
    return {{"capabilities", caps}, {"serverInfo", {{"name", "listlint"}, {"version", o_.version}}}};
  }
  if (method == "initialized") {
    // Ask the client to report changes of configuration files, when it can watch files for us
    // (the modification time is checked before each lint anyway).
    if (watch_registration_)
      out_.write({{"jsonrpc", "2.0"}, {"id", "listlint-watch"}, {"method", "client/registerCapability"},
                  {"params", {{"registrations", json::array({{{"id", "listlint-config"},
                                                                {"method", "workspace/didChangeWatchedFiles"},
                                                                {"registerOptions", {{"watchers", json::array({{{"globPattern", "**/.listlint.json"}}})}}}}})}}}});
    return nullptr;
  }
  if (method == "$/cancelRequest" || method == "$/setTrace" ||
      method == "workspace/didChangeConfiguration")
    return nullptr;
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/didOpen") return open(params), nullptr;
  if (method == "textDocument/didChange") return change(params), nullptr;
  if (method == "textDocument/didClose") return close(params), nullptr;
  if (method == "textDocument/didSave") {
    // A configuration file saved in the editor: read again (the time stamp says so too).
    if (OpenDocument* d = find(params); d && fs::path(d->path).filename() == ".listlint.json") config_changed();
    return nullptr;
  }
  if (method == "workspace/didChangeWatchedFiles") return config_changed(), nullptr;
  static const std::set<std::string> kQueries = {"textDocument/codeAction", "textDocument/hover", "textDocument/documentSymbol",
                                                 "textDocument/definition", "textDocument/completion"};
  if (kQueries.count(method)) {
    OpenDocument* d = find(params);
    if (!d) throw ParamsError("the document is not open");
    if (method == "textDocument/codeAction") return code_actions(*d, params);
    if (method == "textDocument/hover") return hover(*d, params);
    if (method == "textDocument/documentSymbol") return document_symbols(*d);
    if (method == "textDocument/definition") return definition(*d, params);
    if (method == "textDocument/completion") return completion(*d, params);
  }
  handled = false;
  return nullptr;
}

// ---- documents ----------------------------------------------------------------------------

OpenDocument* Server::find(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

void Server::open(const json& params) {
  const json& td = params.at("textDocument");
  const std::string uri = td.at("uri").get<std::string>();
  OpenDocument& d = docs_[uri];
  d = OpenDocument{};
  d.uri = uri;
  d.path = uri_to_path(uri);
  d.text = td.at("text").get<std::string>();
  d.version = td.value("version", 0);
  d.dirty = true;
  d.due = std::chrono::steady_clock::now();  // the first lint is at once
}

void Server::change(const json& params) {
  OpenDocument* d = find(params);
  if (!d) throw ParamsError("didChange of a document that is not open");
  std::string text = d->text;
  for (const auto& c : params.at("contentChanges")) {
    if (!c.contains("range")) {
      text = c.at("text").get<std::string>();
      continue;
    }
    // Incremental: the range is in the text as the earlier changes of this message left it.
    const LineMap map(text);
    std::size_t b = map.offset(position_from(c.at("range").at("start")));
    std::size_t e = map.offset(position_from(c.at("range").at("end")));
    if (e < b) std::swap(b, e);
    text.replace(b, e - b, c.at("text").get<std::string>());
  }
  d->text = std::move(text);
  d->version = params.at("textDocument").value("version", d->version + 1);
  d->dirty = true;
  d->due = std::chrono::steady_clock::now() + std::chrono::milliseconds(o_.debounce_ms);
}

void Server::close(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (docs_.erase(uri)) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

void Server::config_changed() {
  configs_.forget();
  loader_.forget_words();
  config_stamps_.clear();
  shown_errors_.clear();
  const auto now = std::chrono::steady_clock::now();
  for (auto& [uri, d] : docs_) {
    d.dirty = true;
    d.due = now;
  }
}

void Server::analyze(OpenDocument& d) {
  // A configuration file changed on disk (saved here or elsewhere): read them all again.
  for (const auto& [file, stamp] : config_stamps_)
    if (stamp_of(file) != stamp) {
      config_changed();
      break;
    }
  if (!d.dirty) return;
  d.dirty = false;
  d.problem.reset();
  const ResolvedConfig rc = configs_.resolve(d.path);
  if (!rc.file.empty()) config_stamps_.emplace(rc.file, stamp_of(rc.file));
  d.config = rc.config;
  d.resources = Resources{};  // no network: dead-url and redirected-url need check --links
  std::optional<std::string> problem = rc.error ? std::optional<std::string>("invalid configuration: " + *rc.error) : std::nullopt;
  if (!problem)
    if (auto err = loader_.resources_for(d.path, *rc.config, d.resources)) problem = *err;
  if (problem) {
    d.problem = problem;
    d.linted = analyze_text(d.path, d.text, *rc.config, {}, d.resources);  // the model only
    if (shown_errors_[rc.file] != *problem) {
      shown_errors_[rc.file] = *problem;
      notify("window/showMessage", {{"type", 1}, {"message", "listlint: " + *problem}});
    }
  } else if (is_ignored(*rc.config, d.path)) {
    d.linted = analyze_text(d.path, d.text, *rc.config, {}, d.resources);  // "ignore": no findings, as in check
  } else {
    d.linted = analyze_text(d.path, d.text, *rc.config, rules_, d.resources);
  }
  d.map = std::make_unique<const LineMap>(d.linted.document->bytes());
  publish(d);  // also when a request made it lint before its time
}

int Server::tick() {
  const auto now = std::chrono::steady_clock::now();
  int wait = -1;
  for (auto& [uri, d] : docs_) {
    if (!d.dirty) continue;
    if (d.due <= now) {
      analyze(d);
      continue;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d.due - now).count() + 1;
    if (wait < 0 || ms < wait) wait = static_cast<int>(ms);
  }
  return wait;
}

std::pair<std::size_t, std::size_t> Server::bytes_of(const OpenDocument& d, const Span& s) const {
  // From listlint's lines and code-point columns, through the document's own line index.
  const auto& lines = d.linted.document->lines();
  const std::string_view bytes = d.linted.document->bytes();
  auto at = [&](SourcePos p) -> std::size_t {
    if (p.line < 1) return 0;
    if (p.line > lines.line_count()) return bytes.size();
    std::size_t i = lines.line_begin(p.line);
    const std::size_t end = lines.line_end(p.line);
    for (int col = 1; col < p.column && i < end; ++col) {
      ++i;
      while (i < end && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  };
  const std::size_t b = at(s.begin);
  return {b, std::max(b, at(s.end))};
}

json Server::diagnostic_json(const OpenDocument& d, const Diagnostic& f) const {
  const auto [b, e] = bytes_of(d, f.range);
  json j = {{"range", range_json(*d.map, b, e)},
            {"severity", f.severity == Severity::Error ? 1 : 2},
            {"code", f.rule},
            {"source", "listlint"},
            {"message", f.message}};
  if (rules::find(f.rule)) j["codeDescription"] = {{"href", o_.docs_url + f.rule + ".md"}};
  return j;
}

void Server::publish(OpenDocument& d) {
  json list = json::array();
  if (d.problem) {
    list.push_back({{"range", range_json(*d.map, 0, 0)}, {"severity", 1}, {"source", "listlint"},
                    {"message", *d.problem}});
  }
  for (const auto& f : d.linted.diagnostics) list.push_back(diagnostic_json(d, f));
  notify("textDocument/publishDiagnostics", {{"uri", d.uri}, {"version", d.version}, {"diagnostics", std::move(list)}});
}

int serve(const Options& options, int in_fd, int out_fd) {
  Transport transport(in_fd, out_fd);
  Server server(options, transport);
  std::string body;
  for (;;) {
    const int wait = server.tick();
    const auto status = transport.read(body, wait);
    if (status == Transport::Status::Eof) return 1;  // the client went away without exit
    if (status == Transport::Status::Timeout) continue;
    if (status == Transport::Status::BadFrame) {
      server.bad_frame(body);
      continue;
    }
    server.handle(body);
    if (server.exited()) return server.exit_code();
  }
}

}  // namespace listlint::lsp
