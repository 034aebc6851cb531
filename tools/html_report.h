#pragma once
// `listlint links --format html`: the audit as one self-contained page (no external scripts,
// styles, fonts or images; a Content-Security-Policy forbids loading any).

#include <nlohmann/json.hpp>
#include <string>

namespace listlint::cli {

/// The page for a links report (the JSON of `listlint links --format json`: "links", "summary").
/// `generated` is shown as the report's date.
std::string html_report(const nlohmann::json& report, const std::string& generated);

}  // namespace listlint::cli
