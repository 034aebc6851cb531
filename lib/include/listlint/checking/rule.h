#pragma once
// Rules: metadata, the context they read and the sink they report to.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "listlint/checking/diagnostic.h"
#include "listlint/model/document.h"
#include "listlint/model/model.h"
#include "listlint/checking/resources.h"

namespace listlint {

/// One option of a rule, with its default (whose JSON type is the option's type).
struct OptionInfo {
  std::string name;
  nlohmann::json default_value;
  std::string description;
};

/// What a rule is: declared once, next to the rule; drives `listlint rules`, the docs header and
/// configuration checks.
struct RuleInfo {
  std::string id;       ///< kebab-case; also the file, doc and fixture folder name
  std::string summary;  ///< one line
  std::vector<std::string> tags;
  Severity default_severity = Severity::Error;
  bool fixable = false;
  std::vector<OptionInfo> options;
  /// The rule's options with their defaults, as one JSON object.
  nlohmann::json default_options() const;
};

/// What a rule reads. Options are the defaults merged with the user's configuration.
struct RuleContext {
  const Document& doc;
  const ListModel& model;
  const nlohmann::json& options;
  const Resources& resources;  ///< dictionaries and the like, loaded by the caller (may be empty)
};

/// Where a rule reports.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// A finding over `range`. `at_most_warning` caps its severity at warning (for findings of a
  /// rule that are style rather than defects).
  virtual void report(const Span& range, std::string message, std::optional<Fix> fix = std::nullopt,
                      bool at_most_warning = false) = 0;
};

/// A rule: reads the model, reports findings. Pure: no printing, no I/O, no state.
class Rule {
 public:
  virtual ~Rule() = default;
  /// Its metadata.
  virtual const RuleInfo& info() const = 0;
  /// Checks one file.
  virtual void check(const RuleContext& ctx, Reporter& out) const = 0;
};

/// The header of a rule's doc page, generated from its metadata (docs/rules/<id>.md starts with it).
std::string rule_doc_header(const RuleInfo& info);

}  // namespace listlint
