// proper-name: well-known names written in the wrong case in prose and link text.

#include <algorithm>
#include <string>
#include <vector>

#include "listlint/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// Flags well-known names in the wrong case (Github, Javascript, MacOS, Pytorch...) in prose, link
/// text, table cells and headings; never in URLs, code, HTML or identifiers (github-slugger,
/// github.io, @github). Names in all capitals are left alone (headings in capitals).
class ProperName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "proper-name",
        "A well-known name is written in the wrong case (Github for GitHub, Javascript for JavaScript).",
        {"spelling", "content"},
        Severity::Warning,
        true,
        {{"names",
          nlohmann::json::array({"GitHub", "GitLab", "Bitbucket", "JavaScript", "TypeScript", "CoffeeScript", "macOS",
                                 "iOS", "iPadOS", "watchOS", "tvOS", "PyTorch", "TensorFlow", "NumPy", "SciPy",
                                 "Node.js", "PostgreSQL", "MySQL", "SQLite", "MongoDB", "YouTube", "LinkedIn",
                                 "WordPress", "jQuery", "GraphQL", "OpenAI", "ChatGPT", "LaTeX", "Kubernetes",
                                 "WebAssembly", "PowerShell", "Xcode", "IntelliJ", "JetBrains", "DeepMind",
                                 "OpenStreetMap", "DuckDuckGo", "Stack Overflow"}),
          "Names in their right case; a text matching one case-insensitively but written otherwise is reported."},
         {"extra_names", nlohmann::json::array(), "More names, added to `names`."},
         {"ignore", nlohmann::json::array(), "Spellings never to report (e.g. \"Github\" in a quoted title)."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    std::vector<std::string> names, ignore;
    for (const auto& n : ctx.options.at("names")) names.push_back(n.get<std::string>());
    for (const auto& n : ctx.options.at("extra_names")) names.push_back(n.get<std::string>());
    for (const auto& n : ctx.options.at("ignore")) ignore.push_back(n.get<std::string>());
    std::vector<std::string> lowered;
    for (const auto& n : names) lowered.push_back(util::lower(n));
    // Names by their first word, lowercased ("node" for Node.js, "stack" for Stack Overflow): each
    // word of the text is looked up once, instead of searching the text once per name. Names that
    // do not start with a letter or digit (".NET") are searched for the old way.
    // The index is by first character and length of that word, so a word of the text costs one
    // table look-up and no allocation.
    auto slot = [](char c, std::size_t len) -> std::size_t {
      const std::size_t ch = c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a')
                             : c >= 'A' && c <= 'Z' ? static_cast<std::size_t>(c - 'A')
                                                    : 26 + static_cast<std::size_t>(c - '0');
      return ch * 32 + std::min<std::size_t>(len, 31);
    };
    std::vector<std::vector<std::size_t>> by_first_word(36 * 32);
    std::vector<std::size_t> first_len(names.size(), 0), searched;
    for (std::size_t n = 0; n < names.size(); ++n) {
      std::size_t k = 0;
      while (k < lowered[n].size() && util::alnum(lowered[n][k])) ++k;
      first_len[n] = k;
      if (k == 0) searched.push_back(n);
      else by_first_word[slot(lowered[n][0], k)].push_back(n);
    }
    // Bare URLs sit in text runs: never look inside them.
    std::vector<ByteRange> urls;
    for (const Link& l : ctx.model.links)
      if (l.kind == LinkKind::Bare) urls.push_back(l.span.bytes);
    auto in_url = [&](std::size_t b) {
      for (const auto& u : urls)
        if (u.contains(b)) return true;
      return false;
    };
    auto lower_char = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    for (const TextRun& run : ctx.model.text_runs) {
      const std::size_t base = run.bytes.begin;
      const std::string_view t = src.substr(base, run.bytes.size());
      // A candidate: name n written case-insensitively at p.
      auto consider = [&](std::size_t n, std::size_t p) {
        const std::string& want = names[n];
        const std::size_t e = p + want.size();
        if (e > t.size()) return;
        for (std::size_t k = 0; k < want.size(); ++k)
          if (lower_char(t[p + k]) != lowered[n][k]) return;
        const std::string_view got = t.substr(p, want.size());
        if (got == want) return;
        // Whole words only, and not part of a domain, path, handle or identifier.
        const char before = p > 0 ? t[p - 1] : ' ';
        const char after = e < t.size() ? t[e] : ' ';
        const char after2 = e + 1 < t.size() ? t[e + 1] : ' ';
        if (util::alnum(before) || before == '_' || before == '.' || before == '/' || before == '@' || before == '-' ||
            before == '#' || before == ':')
          return;
        if (util::alnum(after) || after == '_' ||
            ((after == '.' || after == '/' || after == '-' || after == '@' || after == ':') && util::alnum(after2)))
          return;
        bool upper = true;
        for (char c : got) upper &= !(c >= 'a' && c <= 'z');
        if (upper) return;  // GITHUB in a shouted heading
        if (std::find(ignore.begin(), ignore.end(), std::string(got)) != ignore.end()) return;
        if (in_url(base + p)) return;
        out.report(ctx.doc.lines().span(base + p, base + e),
                   util::quote(std::string(got)) + " is written " + util::quote(want),
                   Fix{{TextEdit{base + p, base + e, want}}});
      };
      for (std::size_t i = 0; i < t.size();) {
        if (!util::alnum(t[i])) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < t.size() && util::alnum(t[j])) ++j;
        for (std::size_t n : by_first_word[slot(t[i], j - i)])
          if (first_len[n] == j - i) consider(n, i);  // consider() compares the whole name
        i = j;
      }
      if (!searched.empty()) {
        const std::string low = util::lower(t);
        for (std::size_t n : searched)
          for (std::size_t p = low.find(lowered[n]); p != std::string::npos; p = low.find(lowered[n], p + 1)) consider(n, p);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_proper_name() { return std::make_unique<ProperName>(); }

}  // namespace listlint::rules
