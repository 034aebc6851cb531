#pragma once
// Running rules over a model, inline directives, and applying fixes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "listlint/checking/config.h"
#include "listlint/checking/diagnostic.h"
#include "listlint/model/model.h"
#include "listlint/checking/rule.h"

namespace listlint {

/// One directive as written in a comment's text: its keyword and the rule ids after it, with
/// their offsets in the text.
struct DirectiveSyntax {
  enum Kind { Disable, Enable, NextLine, Line, File } kind = Disable;
  std::string keyword;  ///< "listlint-disable-next-line" ...
  struct Id {
    std::string id;
    std::size_t offset = 0;  ///< in the comment's text
  };
  std::vector<Id> ids;  ///< empty: every rule
};

/// The directive keywords, longest first ("listlint-disable" is a prefix of the others).
const std::vector<std::pair<std::string, DirectiveSyntax::Kind>>& directive_keywords();

/// Reads a comment's text (between "<!--" and "-->", trimmed) as a directive; none when it does
/// not start with one of the keywords followed by a blank or its end.
std::optional<DirectiveSyntax> parse_directive(std::string_view comment_text);

/// Inline directives read from HTML comments:
/// <!-- listlint-disable id ... -->, <!-- listlint-enable id ... -->,
/// <!-- listlint-disable-next-line id ... -->, <!-- listlint-disable-line id ... -->,
/// <!-- listlint-disable-file id ... --> (no ids: every rule).
class Directives {
 public:
  /// Reads the directives of a model's comments.
  explicit Directives(const ListModel& model);
  /// True when `rule` is disabled on `line`; the directive that disables it is marked used.
  bool suppressed(const std::string& rule, int line) const;
  /// Directives that disabled nothing so far (after a lint): the comments holding them.
  std::vector<const Comment*> unused() const;

 private:
  struct Item {
    DirectiveSyntax::Kind kind;
    int line;      // the line it applies from (NextLine: the line it applies to; Line: its first line)
    int last = 0;  // Line: its last line
    std::vector<std::string> ids;  // empty: all
    const Comment* comment = nullptr;
  };
  std::vector<Item> items_;
  mutable std::vector<char> used_;
};

/// Lints one document with the enabled rules, directives applied, sorted by position.
std::vector<Diagnostic> lint(const Document& doc, const ListModel& model, const Config& config,
                             const std::vector<const Rule*>& rules, const Resources& resources = {});

/// Applies the fixes of `diagnostics` that do not overlap one another and whose edits find the
/// bytes they expect (TextEdit::expected); returns the new bytes.
/// `applied` receives how many fixes went in.
std::string apply_fixes(std::string_view bytes, const std::vector<Diagnostic>& diagnostics, int* applied);

/// The result of fixing a file.
struct FixResult {
  std::string bytes;                   ///< the fixed file
  std::vector<Diagnostic> remaining;   ///< findings left after fixing
  int applied = 0;                     ///< fixes applied over all passes
  int passes = 0;
  /// Set when the fixes did not reach a fixed point within the passes (a rule keeps editing what
  /// it edited): the reason, naming the rules. The file must not be written.
  std::optional<std::string> not_converged;
};

/// Fixes, lints again and repeats until nothing fixable is left (at most `max_passes`).
FixResult fix_document(const std::string& path, std::string bytes, const Config& config,
                       const std::vector<const Rule*>& rules, const Resources& resources = {},
                       int max_passes = 10);

/// Writes a file atomically: a temporary file in the same folder, flushed, given the old file's
/// permissions, then renamed over it. Refuses read-only files, and missing ones unless `create`
/// (a new file gets the permissions the umask allows). Returns the reason on failure.
std::optional<std::string> write_file_atomic(const std::string& path, std::string_view bytes, bool create = false);

}  // namespace listlint
