#pragma once
// Reporters: text, JSON, SARIF 2.1.0, GitHub workflow commands and Markdown (job summaries).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "listlint/checking/diagnostic.h"
#include "listlint/checking/rule.h"

namespace listlint {

/// The findings for one file, or why it could not be checked.
struct FileReport {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  std::optional<std::string> error;  ///< set when the file could not be read or written
  /// Per diagnostic, the line part of its key (baseline.h: line_key), when the front end filled
  /// it in (attach_line_keys); empty otherwise. Used by baselines and SARIF fingerprints.
  std::vector<std::string> lines{};
};

/// Counts over all files.
struct Summary {
  int files = 0, errors = 0, warnings = 0, fixable = 0, failed = 0;
};
Summary summarize(const std::vector<FileReport>& files);

/// `path:line:col: severity: message [rule-id]` lines, a summary line (with `notes` after it,
/// "; "-separated: what a baseline or a diff filter left out) and, when there are findings, the
/// counts per rule. `quiet` shows errors only and no summary.
std::string format_text(const std::vector<FileReport>& files, bool color, bool quiet,
                        const std::vector<std::string>& notes = {});
/// {"files": [...], "summary": {...}}
nlohmann::json format_json(const std::vector<FileReport>& files);
/// A SARIF 2.1.0 log that GitHub code scanning accepts.
nlohmann::json format_sarif(const std::vector<FileReport>& files, const std::vector<const Rule*>& rules,
                            const std::string& version, const std::string& docs_base_url);
/// One ::error or ::warning workflow command per finding.
std::string format_github(const std::vector<FileReport>& files);
/// Markdown for a GitHub job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment: the totals,
/// a table of counts per rule, and every finding in a table (GitHub shows only the first 10
/// annotations of each kind per step). `notes` as in format_text.
std::string format_markdown(const std::vector<FileReport>& files, const std::vector<std::string>& notes = {});

}  // namespace listlint
