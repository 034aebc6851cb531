#pragma once
// Baselines and diff filters: which findings a run reports for a list with history.
//
// A finding's key is its file, rule, message (with the line numbers it cites masked) and the text
// of its first line (trimmed), never its line number: inserting lines above a recorded finding does not revive it. A baseline is a
// multiset of keys: a key recorded N times silences at most N findings of a run, so a new copy of
// an old mistake is still reported.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "listlint/checking/diagnostic.h"
#include "listlint/checking/report.h"

namespace listlint {

/// The version written in and required of a baseline file.
inline constexpr int kBaselineVersion = 1;

/// The line part of a finding's key, from the text of its line: trimmed; invalid UTF-8 replaced
/// by U+FFFD (as the JSON file would hold it); a line longer than 160 bytes is cut to its first
/// 120 bytes followed by " ... #" and a hash of the whole, so that a long table row keeps the
/// file small and still tells one row from another.
std::string line_key(std::string_view line_text);

/// The message part of a finding's key: the message with the line numbers it cites written as N
/// ("listed twice (lines 12 and 40)" -> "listed twice (lines N and N)"), so that a finding whose
/// message names another line is not revived when lines are inserted above; invalid UTF-8
/// replaced as in line_key.
std::string message_key(std::string_view message);

/// Fills `report.lines` (one per diagnostic: line_key of the text of its first line) from the
/// bytes the diagnostics refer to (after --fix, the fixed bytes).
void attach_line_keys(FileReport& report, std::string_view bytes);

/// Keeps the diagnostics (and their `lines`) for which `keep(index)` is true; returns how many
/// were dropped.
template <class Pred>
int keep_findings(FileReport& report, Pred keep) {
  std::vector<Diagnostic> d;
  std::vector<std::string> l;
  int dropped = 0;
  for (std::size_t i = 0; i < report.diagnostics.size(); ++i) {
    if (!keep(i)) {
      ++dropped;
      continue;
    }
    d.push_back(std::move(report.diagnostics[i]));
    if (i < report.lines.size()) l.push_back(std::move(report.lines[i]));
  }
  report.diagnostics = std::move(d);
  report.lines = std::move(l);
  return dropped;
}

/// A file's path as a baseline records it: relative to the baseline file's folder, with '/'
/// ("-" for standard input stays "-").
std::string baseline_path(const std::string& file, const std::string& baseline_file);

/// A loaded baseline: how many times each key (path, rule, message, line) was recorded.
struct Baseline {
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, int> counts;
  std::string file;  ///< the baseline file, as named
};

/// Reads a baseline file. On failure returns nullopt and sets `error` to the reason (without the
/// file name): cannot read it, not JSON, wrong version, a finding without its fields.
std::optional<Baseline> load_baseline(const std::string& path, std::string& error);
/// Parses the text of the baseline file `baseline_file` (load_baseline without the reading).
std::optional<Baseline> parse_baseline(std::string_view text, const std::string& baseline_file, std::string& error);

/// The text of a baseline recording every diagnostic of `reports` (with their `lines`), paths
/// relative to `baseline_file`'s folder: {"version", "tool", "findings": [...]}, findings sorted,
/// one per line, so that the file diffs well.
std::string baseline_text(const std::vector<FileReport>& reports, const std::string& baseline_file);

/// Drops the findings of `reports` the baseline holds (each recorded key used at most as many
/// times as it was recorded, earlier findings first); returns how many were dropped.
int apply_baseline(std::vector<FileReport>& reports, Baseline baseline);

/// The lines a `git diff --unified=0` adds or changes (the new side of each hunk); a hunk that
/// only deletes adds no line.
std::set<int> added_lines(std::string_view unified_diff);

/// True when the lines of `d` (begin to end line) include one of `lines`.
bool touches(const Diagnostic& d, const std::set<int>& lines);

/// A stable 64-bit hash (FNV-1a), as 16 hex digits.
std::string stable_hash(std::string_view text);

}  // namespace listlint
