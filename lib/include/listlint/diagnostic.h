#pragma once
// Diagnostics: what a rule reports, and the fixes it may carry.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "listlint/source.h"

namespace listlint {

/// How much a finding matters. Off disables a rule.
enum class Severity { Off, Warning, Error };

/// "off", "warning" or "error".
const char* to_string(Severity s);
/// Parses "off", "warning" (or "warn") and "error".
std::optional<Severity> parse_severity(std::string_view s);

/// Replace bytes [begin, end) of the file with `replacement`.
struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
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
