#pragma once
// Diagnostics: what a rule reports, and the fixes it may carry.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "listlint/model/source.h"

namespace listlint {

/// How much a finding matters. Off disables a rule.
enum class Severity { Off, Warning, Error };

/// "off", "warning" or "error".
const char* to_string(Severity s);
/// Parses "off", "warning" (or "warn") and "error".
std::optional<Severity> parse_severity(std::string_view s);

/// Replace bytes [begin, end) of the file with `replacement`.
struct TextEdit {
  TextEdit() = default;
  TextEdit(std::size_t b, std::size_t e, std::string r, std::optional<std::string> expect = std::nullopt)
      : begin(b), end(e), replacement(std::move(r)), expected(std::move(expect)) {}
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
  /// The bytes the edit replaces, as the finding quotes them: when set, a fix whose bytes
  /// [begin, end) are not these is refused (a safety net against a finding placed on other bytes).
  std::optional<std::string> expected;
};

/// Edits that together fix one finding; they must not overlap.
struct Fix {
  std::vector<TextEdit> edits;
};

/// One finding.
struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Error;
  Span range;
  std::string message;  ///< names the cell, link, anchor or word and, where possible, the fix
  std::optional<Fix> fix;
};

}  // namespace listlint
