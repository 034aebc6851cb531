// proper-name: well-known names written in the wrong case in prose and link text.

#include <algorithm>
#include <string>
#include <unordered_map>
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
    // Link text that is the package or repository name its URL carries ([pytorch](https://github.com/pytorch/pytorch),
    // [mongodb](https://crates.io/crates/mongodb)) is the name as its project writes it.
    // (Built on the first candidate in link text: most files have none.)
    std::vector<const Link*> texts;
    bool texts_ready = false;
    auto ready_texts = [&] {
      if (texts_ready) return;
      texts_ready = true;
      for (const Link& l : ctx.model.links)
        if (!l.image && l.kind != LinkKind::Bare && l.kind != LinkKind::RawMarkdown) texts.push_back(&l);
      std::sort(texts.begin(), texts.end(),
                [](const Link* a, const Link* b) { return a->span.bytes.begin < b->span.bytes.begin; });
    };
    auto link_at = [&](std::size_t b) -> const Link* {
      ready_texts();
      auto it = std::upper_bound(texts.begin(), texts.end(), b,
                                 [](std::size_t x, const Link* l) { return x < l->span.bytes.begin; });
      while (it != texts.begin()) {
        --it;
        if ((*it)->span.bytes.contains(b)) return *it;
        if ((*it)->span.bytes.end <= b) break;
      }
      return nullptr;
    };
    // The whole link text, as a path segment of the URL (never its host), a '-', '_' or '.' piece
    // of one, or with its spaces written '-' ([Begin Latex in minutes](.../Begin-Latex-in-minutes)).
    auto named_in_path = [](const std::string& url, const std::string& text) {
      if (text.empty()) return false;
      std::string dashed = text;
      std::replace(dashed.begin(), dashed.end(), ' ', '-');
      std::size_t p = url.find("://");
      p = p == std::string::npos ? 0 : url.find('/', p + 3);
      while (p != std::string::npos && p < url.size()) {
        const std::size_t b = p + 1;
        std::size_t e = url.find_first_of("/?#", b);
        if (e == std::string::npos) e = url.size();
        const std::string_view seg = std::string_view(url).substr(b, e - b);
        if (seg == text || seg == dashed) return true;
        for (std::size_t q = 0; q <= seg.size();) {
          std::size_t r = seg.find_first_of("-_.", q);
          if (r == std::string_view::npos) r = seg.size();
          if (seg.substr(q, r - q) == text) return true;
          q = r + 1;
        }
        if (e >= url.size() || url[e] != '/') break;
        p = e;
      }
      return false;
    };
    // A list may label links with a lowercase word ([blog], [jobs], [github] after a company's
    // name): where a name is a whole link text written in lowercase at least five times and three
    // times as often as it is written right, that is the list's convention for the label. ("Github"
    // is no label style, only a misspelling, however often it is repeated.)
    std::unordered_map<std::string, int> link_texts;
    bool link_texts_ready = false;
    auto label_convention = [&](const std::string& got, const std::string& want) {
      if (util::lower(got) != got) return false;
      if (!link_texts_ready) {
        link_texts_ready = true;
        ready_texts();
        for (const Link* l : texts) ++link_texts[l->text];
      }
      const auto g = link_texts.find(got);
      if (g == link_texts.end() || g->second < 5) return false;
      const auto w = link_texts.find(want);
      return g->second >= 3 * (w == link_texts.end() ? 0 : w->second);
    };
    // One finding per spelling: the first place, with the count and a fix for every place.
    struct Seen {
      std::size_t name = 0;
      std::vector<TextEdit> edits;
    };
    std::vector<std::pair<std::string, Seen>> seen;
    std::unordered_map<std::string, std::size_t> seen_index;
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
        if (run.in_link) {
          const Link* l = link_at(base + p);
          if (l && named_in_path(l->url, l->text)) return;
          if (l && l->text == got && label_convention(l->text, want)) return;
        }
        const auto [slot_it, fresh] = seen_index.try_emplace(std::string(got), seen.size());
        if (fresh) seen.push_back({std::string(got), Seen{n, {}}});
        auto it = seen.begin() + static_cast<std::ptrdiff_t>(slot_it->second);
        it->second.edits.push_back(TextEdit{base + p, base + e, want, std::string(got)});
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
    for (auto& [got, s] : seen) {
      const std::size_t more = s.edits.size() - 1;
      const TextEdit first = s.edits.front();
      out.report(ctx.doc.lines().span(first.begin, first.end),
                 util::quote(got) + " is written " + util::quote(names[s.name]) +
                     (more ? " (here and " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") +
                                 " in this file; --fix corrects all of them)"
                           : ""),
                 Fix{std::move(s.edits)});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_proper_name() { return std::make_unique<ProperName>(); }

}  // namespace listlint::rules
