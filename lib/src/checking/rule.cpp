#include <sstream>

#include "listlint/checking/diagnostic.h"
#include "listlint/checking/rule.h"

namespace listlint {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Off: return "off";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "off") return Severity::Off;
  if (s == "warning" || s == "warn") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

nlohmann::json RuleInfo::default_options() const {
  nlohmann::json o = nlohmann::json::object();
  for (const auto& opt : options) o[opt.name] = opt.default_value;
  return o;
}

std::string rule_doc_header(const RuleInfo& info) {
  std::ostringstream out;
  out << "# " << info.id << "\n\n";
  out << "<!-- generated from the rule's metadata: listlint rules --doc-header " << info.id << " -->\n";
  out << "> " << info.summary << "\n\n";
  out << "| Default severity | Fixable | Tags |\n|---|---|---|\n";
  out << "| " << to_string(info.default_severity) << " | " << (info.fixable ? "yes" : "no") << " | ";
  for (std::size_t i = 0; i < info.tags.size(); ++i) out << (i ? ", " : "") << info.tags[i];
  out << " |\n";
  if (!info.options.empty()) {
    out << "\n| Option | Default | Meaning |\n|---|---|---|\n";
    for (const auto& o : info.options) {
      std::string def = o.default_value.dump();
      if (def.size() > 120) def = def.substr(0, 117) + "...";
      std::string escaped;
      for (char c : def) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
      out << "| `" << o.name << "` | `" << escaped << "` | " << o.description << " |\n";
    }
  }
  out << "<!-- end of generated header -->\n";
  return out.str();
}

}  // namespace listlint
