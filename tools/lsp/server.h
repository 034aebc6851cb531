#pragma once
// `listlint lsp`: a language server over standard input and output. A thin front end over the
// library's check pipeline (listlint/checking/pipeline.h), linting the editor's unsaved text.

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "listlint/checking/pipeline.h"
#include "listlint/model/model.h"
#include "lsp/text.h"
#include "lsp/transport.h"

namespace listlint::lsp {

/// Params that name no open document or hold the wrong values: an InvalidParams error.
struct ParamsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  int debounce_ms = 150;    ///< quiet time after a change before the list is linted again
  std::string words_table;  ///< the typo rule's word table
  std::string docs_url;     ///< base URL of the rule pages (codeDescription)
  std::string version;
};

/// Runs the server on file descriptors (0 and 1 for `listlint lsp`) until exit or the end of its
/// input. Returns the process exit code: 0 after shutdown then exit, 1 otherwise.
int serve(const Options& options, int in_fd, int out_fd);

/// One open document and what was last computed from its text.
struct OpenDocument {
  std::string uri, path;
  std::string text;
  int version = 0;
  bool dirty = true;  ///< the text changed since the last lint
  std::chrono::steady_clock::time_point due;  ///< when to lint (debounce)
  // The last analysis, of `text` as it was then (the pointers keep string views valid).
  LintedText linted;                     ///< document, model and findings
  std::unique_ptr<const LineMap> map;    ///< LSP positions of linted.document's bytes
  std::optional<std::string> problem;    ///< why it was not linted (invalid configuration ...)
  const Config* config = nullptr;
  Resources resources;
};

class Server {
 public:
  Server(const Options& options, Transport& transport);
  /// Handles one message's bytes.
  void handle(const std::string& body);
  /// Lints the documents whose debounce time has come; the milliseconds until the next one is due
  /// (-1: none).
  int tick();
  bool exited() const { return exit_code_.has_value(); }
  int exit_code() const { return exit_code_.value_or(1); }
  /// A frame that could not be read: a parse error for the client.
  void bad_frame(const std::string& why);

 private:
  nlohmann::json dispatch(const std::string& method, const nlohmann::json& params, bool& handled);
  void notify(const std::string& method, nlohmann::json params);
  void reply_error(const nlohmann::json& id, int code, const std::string& message);

  // Documents (server.cpp).
  OpenDocument* find(const nlohmann::json& params);
  void open(const nlohmann::json& params);
  void change(const nlohmann::json& params);
  void close(const nlohmann::json& params);
  void analyze(OpenDocument& d);  ///< lints and publishes when dirty
  void publish(OpenDocument& d);
  void config_changed();
  nlohmann::json diagnostic_json(const OpenDocument& d, const Diagnostic& f) const;
  std::pair<std::size_t, std::size_t> bytes_of(const OpenDocument& d, const Span& s) const;

  // Features (features.cpp).
  nlohmann::json code_actions(OpenDocument& d, const nlohmann::json& params);
  nlohmann::json hover(OpenDocument& d, const nlohmann::json& params);
  nlohmann::json document_symbols(OpenDocument& d);
  nlohmann::json definition(OpenDocument& d, const nlohmann::json& params);
  nlohmann::json completion(OpenDocument& d, const nlohmann::json& params);

  Options o_;
  Transport& out_;
  const std::vector<const Rule*>& rules_;
  ConfigResolver configs_;
  ResourceLoader loader_;
  std::map<std::string, long long> config_stamps_;  // config file -> mtime
  std::map<std::string, OpenDocument> docs_;
  std::map<std::string, std::string> shown_errors_;  // config file -> error last shown
  bool initialized_ = false, shutdown_ = false;
  bool watch_registration_ = false;  ///< the client can watch files for us
  std::optional<int> exit_code_;
};

}  // namespace listlint::lsp
