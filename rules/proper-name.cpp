// proper-name: well-known names misspelt (wrong case or a known variant) in prose and link text.
// The names are a table as data: rules/proper-names.tsv, compiled in as proper-names.inc.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "listlint/checking/rule.h"
#include "util.h"

namespace listlint::rules {
namespace {

// A spelling to look for: a name itself (reported when written in another case) or one of its
// variants (always reported). A variant of one word matches in any case (Nodejs, nodejs); a
// variant of several words matches as written, with one or more spaces between its words
// ("Mac OS", not "mac os"), so that a phrase of common words ("linked in") is never taken.
struct Spelling {
  std::string text, low;
  std::size_t name = 0;
  bool variant = false, as_written = false;
  std::size_t first_len = 0;
  std::uint64_t first_key = 0;  ///< first_word_key of its first word
};

// The first eight bytes of a word of letters and digits, lowercased, as one number: a word of the
// text is matched against a spelling only when their keys are equal (and so are their first
// words' lengths). `avail` is how many bytes may be read from `p`: eight are read at once where
// they are there, and lowercased together (bytes below 0x80: no carry crosses a byte).
std::uint64_t first_word_key(const char* p, std::size_t len, std::size_t avail) {
  static_assert(std::endian::native == std::endian::little, "the word's first byte is the key's lowest");
  std::uint64_t k = 0;
  const std::size_t n = std::min<std::size_t>(len, 8);
  if (avail >= 8) {
    std::memcpy(&k, p, 8);
    if (n < 8) k &= (std::uint64_t{1} << (8 * n)) - 1;
  } else {
    for (std::size_t i = 0; i < n; ++i) k |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const std::uint64_t from_a = (k + ones * (0x80 - 'A')) & highs;       // bytes >= 'A'
  const std::uint64_t past_z = (k + ones * (0x80 - 'Z' - 1)) & highs;   // bytes > 'Z'
  return k | ((from_a & ~past_z) >> 2);                                   // + 0x20 on 'A'..'Z'
}

// Spellings by their first word, lowercased ("node" for Node.js, "stack" for Stack Overflow):
// each word of the text is looked up once, instead of searching the text once per name.
// Spellings that do not start with a letter or digit (".NET") are searched for by that mark.
// The index is by first character and length of that word, so a word of the text costs one
// table look-up and no allocation.
std::size_t slot(char c, std::size_t len) {
  const std::size_t ch = c >= 'a' && c <= 'z'   ? static_cast<std::size_t>(c - 'a')
                         : c >= 'A' && c <= 'Z' ? static_cast<std::size_t>(c - 'A')
                                                : 26 + static_cast<std::size_t>(c - '0');
  return ch * 32 + std::min<std::size_t>(len, 31);
}

struct Table {
  std::vector<std::string> names;
  std::vector<Spelling> spellings;
  std::vector<std::vector<std::size_t>> by_first_word;
  std::vector<std::size_t> searched;
};

// The names of the options, each "Right" or "Right: variant, variant".
Table build_table(const nlohmann::json& names, const nlohmann::json& extra) {
  Table t;
  auto add_entry = [&](std::string_view entry) {
    const std::size_t colon = entry.find(':');
    const std::string_view name = util::trim_blanks(entry.substr(0, colon));
    if (name.empty()) return;
    t.names.emplace_back(name);
    t.spellings.push_back({std::string(name), util::lower(name), t.names.size() - 1, false, false, 0});
    if (colon == std::string_view::npos) return;
    for (std::size_t b = colon + 1; b <= entry.size();) {
      std::size_t e = entry.find(',', b);
      if (e == std::string_view::npos) e = entry.size();
      const std::string_view v = util::trim_blanks(entry.substr(b, e - b));
      if (!v.empty()) {
        const bool words = v.find(' ') != std::string_view::npos;
        t.spellings.push_back({std::string(v), util::lower(v), t.names.size() - 1, true, words, 0});
      }
      b = e + 1;
    }
  };
  for (const auto& n : names) add_entry(n.get<std::string>());
  for (const auto& n : extra) add_entry(n.get<std::string>());
  t.by_first_word.resize(36 * 32);
  for (std::size_t s = 0; s < t.spellings.size(); ++s) {
    Spelling& sp = t.spellings[s];
    std::size_t k = 0;
    while (k < sp.low.size() && util::alnum(sp.low[k])) ++k;
    sp.first_len = k;
    sp.first_key = first_word_key(sp.low.data(), k, std::min<std::size_t>(k, 8));
    if (k == 0) t.searched.push_back(s);
    else t.by_first_word[slot(sp.low[0], k)].push_back(s);
  }
  return t;
}

/// Flags well-known names in the wrong case (Github, Javascript, MacOS, Pytorch...) or written as a
/// known variant (Nodejs, VSCode, Mac OS) in prose, link text, table cells and headings; never in
/// URLs, code, HTML or identifiers (github-slugger, github.io, @github). Spellings in all capitals
/// are left alone (headings in capitals).
class ProperName final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "proper-name",
        "A well-known name is misspelt: wrong case (Github for GitHub) or a known variant (Nodejs for Node.js).",
        {"spelling", "content"},
        Severity::Warning,
        true,
        {{"names",
          nlohmann::json::array({
#include "proper-names.inc"
          }),
          "The names, each \"Right\" or \"Right: variant, variant\": a text matching the name case-insensitively "
          "but written otherwise, or matching a variant, is reported. The default is the built-in table "
          "(rules/proper-names.tsv)."},
         {"extra_names", nlohmann::json::array(), "More names, added to `names`, written the same way."},
         {"ignore", nlohmann::json::array(), "Spellings never to report, as written (e.g. \"NodeJS\" where a project names itself so)."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const std::string_view src = ctx.doc.bytes();
    // The table, built once for each set of names a thread meets (the built-in one, nearly
    // always), not once per file.
    thread_local nlohmann::json cached_names, cached_extra;
    thread_local Table cached;
    const nlohmann::json& names_opt = ctx.options.at("names");
    const nlohmann::json& extra_opt = ctx.options.at("extra_names");
    if (cached.names.empty() || cached_names != names_opt || cached_extra != extra_opt) {
      cached = build_table(names_opt, extra_opt);
      cached_names = names_opt;
      cached_extra = extra_opt;
    }
    const Table& table = cached;
    const std::vector<std::string>& names = table.names;
    const std::vector<Spelling>& spellings = table.spellings;
    std::vector<std::string> ignore;
    for (const auto& n : ctx.options.at("ignore")) ignore.push_back(n.get<std::string>());
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
    // A link text in lowercase is compared with the URL in lowercase: it is the package's name
    // as a package manager writes it ([paypal](.../PayPal-Go-SDK), [spacy](.../explosion/spaCy));
    // its spaces may be written '_' too ([kaggle insults](.../kaggle_insults)).
    auto named_in_path = [](const std::string& link_url, const std::string& text) {
      if (text.empty()) return false;
      const bool lowercase = util::lower(text) == text;
      const std::string url = lowercase ? util::lower(link_url) : link_url;
      std::string dashed = text, underscored = text;
      std::replace(dashed.begin(), dashed.end(), ' ', '-');
      if (lowercase) std::replace(underscored.begin(), underscored.end(), ' ', '_');
      std::size_t p = url.find("://");
      p = p == std::string::npos ? 0 : url.find('/', p + 3);
      while (p != std::string::npos && p < url.size()) {
        const std::size_t b = p + 1;
        std::size_t e = util::find_any(url, "/?#", b);
        if (e == std::string::npos) e = url.size();
        const std::string_view seg = std::string_view(url).substr(b, e - b);
        if (seg == text || seg == dashed || seg == underscored) return true;
        for (std::size_t q = 0; q <= seg.size();) {
          std::size_t r = util::find_any(seg, "-_.", q);
          if (r == std::string_view::npos) r = seg.size();
          if (seg.substr(q, r - q) == text) return true;
          q = r + 1;
        }
        if (e >= url.size() || url[e] != '/') break;
        p = e;
      }
      return false;
    };
    // A list may label links with a lowercase word ([blog], [jobs], [github], [facebook] after a
    // company's name): where a name is a whole link text written in lowercase at least five times
    // and three times as often as it is written right, that is the list's convention for the
    // label; and where the names of the table, all together, are whole link texts in lowercase at
    // least five times and three times as often as written right, every name is. ("Github" is no
    // label style, only a misspelling, however often it is repeated.)
    std::unordered_map<std::string_view, int> link_texts;  // views of the links' texts
    bool link_texts_ready = false, all_lower_labels = false;
    auto label_convention = [&](const std::string& got, const std::string& want) {
      if (util::lower(got) != got) return false;
      if (!link_texts_ready) {
        link_texts_ready = true;
        ready_texts();
        for (const Link* l : texts) ++link_texts[l->text];
        std::unordered_map<std::string_view, int> by_name;  // -1: right, else lowercase
        for (const std::string& n : names) by_name.emplace(n, -1);
        std::vector<std::string> lows;
        lows.reserve(names.size());
        for (const std::string& n : names) lows.push_back(util::lower(n));
        for (std::size_t n = 0; n < names.size(); ++n)
          if (lows[n] != names[n]) by_name.emplace(lows[n], 1);
        int lower_labels = 0, right_labels = 0;
        for (const auto& [text, count] : link_texts) {
          const auto it = by_name.find(text);
          if (it == by_name.end()) continue;
          (it->second < 0 ? right_labels : lower_labels) += count;
        }
        all_lower_labels = lower_labels >= 5 && lower_labels >= 3 * right_labels;
      }
      if (all_lower_labels) return true;
      const auto g = link_texts.find(got);
      if (g == link_texts.end() || g->second < 5) return false;
      const auto w = link_texts.find(want);
      return g->second >= 3 * (w == link_texts.end() ? 0 : w->second);
    };
    // A link text of five words or more, to a page elsewhere (not to a heading or a file of the
    // list's repository), is the title of a work: an article, a book, a talk, a paper ("Add a
    // headless CMS to VueJs in 5 Minutes"). Its words are its author's, and the list quotes them.
    auto title_text = [](const Link& l) {
      if (l.url.find("://") == std::string::npos) return false;
      int words = 0;
      bool in_word = false;
      for (char c : l.text) {
        const bool blank = c == ' ' || c == '\t' || c == '\n';
        if (!blank && !in_word) ++words;
        in_word = !blank;
      }
      return words >= 5;
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
      // Where spelling s, written at p, ends (npos when it is not written there). The words of a
      // variant may be apart by more than one space, never by a line break or anything else.
      auto match = [&](const Spelling& sp, std::size_t p) -> std::size_t {
        std::size_t q = p;
        for (std::size_t k = 0; k < sp.low.size(); ++k) {
          if (q >= t.size()) return std::string_view::npos;
          if (sp.low[k] == ' ') {
            if (t[q] != ' ') return std::string_view::npos;
            ++q;
            if (sp.variant)
              while (q < t.size() && t[q] == ' ') ++q;
            continue;
          }
          if (sp.as_written ? t[q] != sp.text[k] : lower_char(t[q]) != sp.low[k]) return std::string_view::npos;
          ++q;
        }
        return q;
      };
      // Whole words only, and not part of a domain, path, handle or identifier.
      auto whole = [&](std::size_t p, std::size_t e) {
        const char before = p > 0 ? t[p - 1] : ' ';
        const char after = e < t.size() ? t[e] : ' ';
        const char after2 = e + 1 < t.size() ? t[e + 1] : ' ';
        if (util::alnum(before) || before == '_' || before == '.' || before == '/' || before == '@' || before == '-' ||
            before == '#' || before == ':')
          return false;
        if (util::alnum(after) || after == '_' ||
            ((after == '.' || after == '/' || after == '-' || after == '@' || after == ':') && util::alnum(after2)))
          return false;
        return true;
      };
      // Between double quotes on one line ("Deepspeed: System optimizations ...", “...”): a quoted
      // title, in its author's words.
      auto quoted = [&](std::size_t p, std::size_t e) {
        const std::size_t line_begin = t.rfind('\n', p) == std::string_view::npos ? 0 : t.rfind('\n', p) + 1;
        const std::size_t line_end = std::min(t.find('\n', e), t.size());
        const std::string_view before = t.substr(line_begin, p - line_begin), after = t.substr(e, line_end - e);
        const bool straight = std::count(before.begin(), before.end(), '"') % 2 == 1 && after.find('"') != std::string_view::npos;
        const std::size_t open = before.rfind("\u201c"), close = before.rfind("\u201d");
        const bool curly = open != std::string_view::npos && (close == std::string_view::npos || close < open) &&
                           after.find("\u201d") != std::string_view::npos;
        return straight || curly;
      };
      // Spelling s written at p..e: a finding unless it is the name written right or a place the
      // rule leaves alone.
      auto consider = [&](const Spelling& sp, std::size_t p, std::size_t e) {
        const std::string& want = names[sp.name];
        const std::string_view got = t.substr(p, e - p);
        if (!sp.variant && got == want) return;
        // GITHUB, NODEJS in a shouted heading; a variant in capitals as the table writes it (OSX) is
        // no shouting.
        auto upper = [](std::string_view s) { return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }); };
        if (upper(got) && !upper(sp.text)) return;
        if (std::find(ignore.begin(), ignore.end(), std::string(got)) != ignore.end()) return;
        if (in_url(base + p)) return;
        if (quoted(p, e)) return;
        if (run.in_link) {
          const Link* l = link_at(base + p);
          if (l && named_in_path(l->url, l->text)) return;
          if (l && title_text(*l)) return;
          if (l && l->text == got && label_convention(l->text, want)) return;
        }
        const auto [slot_it, fresh] = seen_index.try_emplace(std::string(got), seen.size());
        if (fresh) seen.push_back({std::string(got), Seen{sp.name, {}}});
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
        // The longest spelling written here wins: "Mac OS X" (a name of its own) over the variant
        // "Mac OS" of macOS.
        const Spelling* best = nullptr;
        std::size_t best_end = 0;
        const auto& candidates = table.by_first_word[slot(t[i], j - i)];
        const std::uint64_t key = candidates.empty() ? 0 : first_word_key(t.data() + i, j - i, t.size() - i);
        for (std::size_t s : candidates) {
          const Spelling& sp = spellings[s];
          if (sp.first_len != j - i || sp.first_key != key) continue;
          const std::size_t e = match(sp, i);
          if (e != std::string_view::npos && e > best_end && whole(i, e)) {
            best = &sp;
            best_end = e;
          }
        }
        if (best) {
          consider(*best, i, best_end);
          i = best_end;
        } else {
          i = j;
        }
      }
      // Spellings that start with a mark (".NET"): found by that mark, which has no case.
      for (std::size_t s : table.searched)
        for (std::size_t p = t.find(spellings[s].low[0]); p != std::string_view::npos; p = t.find(spellings[s].low[0], p + 1)) {
          const std::size_t e = match(spellings[s], p);
          if (e != std::string_view::npos && whole(p, e)) consider(spellings[s], p, e);
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
