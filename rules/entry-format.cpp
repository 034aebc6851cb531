// entry-format: entries that break their list's own "- [Name](url) - Description." shape
// (separator, capitalisation, closing period) and descriptions that only repeat the name.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/spelling/spelling.h"
#include "util.h"

namespace listlint::rules {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

/// The last code point of `s` ending at byte `end` and where it starts.
std::pair<char32_t, std::size_t> last_code_point(std::string_view s, std::size_t end) {
  std::size_t b = end - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  const auto u = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  const char32_t lead = u(b);
  char32_t cp = lead;
  const std::size_t n = end - b;
  if (n == 2) cp = ((lead & 0x1F) << 6) | (u(b + 1) & 0x3F);
  if (n == 3) cp = ((lead & 0x0F) << 12) | ((u(b + 1) & 0x3F) << 6) | (u(b + 2) & 0x3F);
  if (n == 4) cp = ((lead & 0x07) << 18) | ((u(b + 1) & 0x3F) << 12) | ((u(b + 2) & 0x3F) << 6) | (u(b + 3) & 0x3F);
  return {cp, b};
}

/// Emoji, pictographs, arrows, dingbats and their joiners: markers after a description, not its end.
bool symbol(char32_t cp) {
  return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F || cp == 0x200D ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x00A9 || cp == 0x00AE || cp == 0x2122;
}

/// How a description ends. FullStop: the CJK full stop (。 ．), a period that is not reported in
/// a list whose convention is none (CJK writes it after every sentence).
enum class Ending { Period, FullStop, None, Neutral };

/// The text ends with an abbreviation whose period is not a full stop: "et al.", "etc.", "Inc.",
/// an initial ("P.").
bool abbreviation(std::string_view t) {
  const std::size_t sp = t.find_last_of(' ');
  const std::string w = util::lower(sp == std::string_view::npos ? t : t.substr(sp + 1));
  static const char* kAbbrev[] = {"al.", "etc.", "inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "vs.", "e.g.", "i.e."};
  for (const char* a : kAbbrev)
    if (w == a) return true;
  return w.size() == 2 && w[0] >= 'a' && w[0] <= 'z';
}

/// Strips what trails a description's sentence in the source: links and images ("[website](u)",
/// badges), bracketed tags ("[MIT]"), code spans, emoji shortcodes (":zap:") and emphasis marks.
/// Returns the source tail without them (blanks trimmed).
std::string_view strip_trailers(std::string_view t) {
  auto trim = [](std::string_view& v) {
    while (!v.empty()) {
      if (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r' || v.back() == '*' ||
          v.back() == '_')
        v.remove_suffix(1);
      else if (v.size() >= 2 && v.back() == '-' && v[v.size() - 2] == ' ')  // "Desc. - [source](u)"
        v.remove_suffix(1);
      else if (v.size() >= 6 && v.substr(v.size() - 6) == "&nbsp;")
        v.remove_suffix(6);
      else if (v.size() >= 4 && v.substr(v.size() - 4) == "<br>")
        v.remove_suffix(4);
      else if (v.size() >= 5 && (v.substr(v.size() - 5) == "<br/>" || v.substr(v.size() - 5) == "<hr/>"))
        v.remove_suffix(5);
      else
        break;
    }
  };
  auto match_back = [](std::string_view v, std::size_t close, char open, char shut) -> std::size_t {
    int depth = 0;
    for (std::size_t p = close + 1; p-- > 0;) {
      if (v[p] == shut) ++depth;
      if (v[p] == open && --depth == 0) return p;
    }
    return std::string_view::npos;
  };
  for (int guard = 0; guard < 32; ++guard) {
    trim(t);
    if (t.empty()) return t;
    const char c = t.back();
    std::size_t p = std::string_view::npos;
    if (c == ')') {
      const std::size_t open = match_back(t, t.size() - 1, '(', ')');
      if (open == std::string_view::npos || open == 0 || t[open - 1] != ']') return t;
      p = match_back(t, open - 1, '[', ']');
      if (p != std::string_view::npos && p > 0 && t[p - 1] == '!') --p;
    } else if (c == ']') {
      p = match_back(t, t.size() - 1, '[', ']');
      // A reference image or link: "![Freeware][Freeware Icon]", "[text][label]".
      if (p != std::string_view::npos && p > 0 && t[p - 1] == ']') {
        const std::size_t q = match_back(t, p - 1, '[', ']');
        if (q != std::string_view::npos) p = q;
      }
      if (p != std::string_view::npos && p > 0 && t[p - 1] == '!') --p;
    } else if (c == '`') {
      p = t.find_last_of('`', t.size() - 2);
    } else if (c == ':' && t.size() >= 3) {
      const std::size_t q = t.find_last_of(": ", t.size() - 2);
      if (q != std::string_view::npos && t[q] == ':' && q + 2 < t.size()) p = q;
    }
    if (p == std::string_view::npos) return t;
    t = t.substr(0, p);
  }
  return t;
}

/// "Ends with a period": '.' or the CJK full stops 。 and ．, also before a closing parenthetical
/// ("Text. (Demo)") or inside it ("(Deprecated.)"), and before trailing emoji. '!', '?', '…', "...",
/// a bare URL at the end, or a description that is only a parenthetical say nothing either way.
Ending ending_of(std::string_view d) {
  std::size_t e = d.size();
  while (true) {
    while (e > 0 && blank(d[e - 1])) --e;
    if (e == 0) return Ending::Neutral;
    const auto [cp, b] = last_code_point(d, e);
    if (!symbol(cp)) break;
    e = b;
  }
  if (e == 0) return Ending::Neutral;
  std::string_view t = d.substr(0, e);
  // The last word is a URL: a period after it would read as part of it.
  {
    const std::size_t sp = t.find_last_of(' ');
    const std::string_view w = sp == std::string_view::npos ? t : t.substr(sp + 1);
    if (util::starts_with_ci(w, "http://") || util::starts_with_ci(w, "https://") || util::starts_with_ci(w, "www."))
      return Ending::Neutral;
  }
  const char last = t.back();
  if (last == ')' || last == ']') {
    const char open = last == ')' ? '(' : '[';
    int depth = 0;
    std::size_t p = t.size();
    while (p > 0) {
      --p;
      if (t[p] == last) ++depth;
      if (t[p] == open && --depth == 0) break;
    }
    if (depth != 0) return Ending::None;  // unbalanced: a smiley or a list marker ":)"
    const std::string_view inner = t.substr(p + 1, t.size() - p - 2);
    if (!inner.empty() && inner.back() == '.') return Ending::Period;
    std::string_view before = t.substr(0, p);
    while (!before.empty() && blank(before.back())) before.remove_suffix(1);
    if (before.empty()) return Ending::Neutral;
    t = before;
  }
  // Closing quotes and emphasis after the period: 'that "just works."'.
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == '*' || t.back() == '_')) t.remove_suffix(1);
  if (t.empty()) return Ending::Neutral;
  if (t.size() >= 3 && t.substr(t.size() - 3) == "...") return Ending::Neutral;
  if (t.back() == '.') return abbreviation(t) ? Ending::Neutral : Ending::Period;
  // "!", "?", and a colon that introduces what follows (a nested list) say nothing either way.
  if (t.back() == '!' || t.back() == '?' || t.back() == ':') return Ending::Neutral;
  const auto [cp, b] = last_code_point(t, t.size());
  (void)b;
  if (cp == 0x3002 || cp == 0xFF0E) return Ending::FullStop;              // 。 ．
  if (cp == 0x2026 || cp == 0xFF01 || cp == 0xFF1F) return Ending::Neutral;  // … ！ ？
  return Ending::None;
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_letter(char c) { return ascii_upper(c) || ascii_lower(c); }

/// The description's first word when it can tell the capitalisation: ASCII letters (an apostrophe
/// or hyphen inside), no capital after the first letter (iOS, jQuery, API are names), not a word
/// of the entry's name ("[jq](url) - jq is ..."). Empty otherwise: digits, code, symbols, names.
std::string_view first_word(std::string_view d, std::string_view name) {
  if (d.empty() || !ascii_letter(d[0])) return {};
  std::size_t e = 0;
  while (e < d.size() && d[e] != ' ') ++e;
  std::string_view w = d.substr(0, e);
  while (!w.empty() && (w.back() == ',' || w.back() == ':' || w.back() == ';' || w.back() == '.' ||
                        w.back() == '!' || w.back() == '?'))
    w.remove_suffix(1);
  if (w.empty()) return {};
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (i > 0 && ascii_upper(c)) return {};
    if (!ascii_letter(c) && !((c == '\'' || c == '-') && i > 0 && i + 1 < w.size())) return {};
  }
  const std::string lw = util::lower(w);
  const std::string ln = util::lower(name);
  // A word of the name.
  std::size_t pos = 0;
  while ((pos = ln.find(lw, pos)) != std::string::npos) {
    const bool left = pos == 0 || !util::alnum(ln[pos - 1]);
    const bool right = pos + lw.size() >= ln.size() || !util::alnum(ln[pos + lw.size()]);
    if (left && right) return {};
    ++pos;
  }
  return w;
}

/// True when `a` and `b` have the same key, and it is not empty: their lowercase letters and
/// digits (other ASCII dropped, other bytes kept). Compared in place: it is asked of every entry.
bool same_key(std::string_view a, std::string_view b) {
  auto key_char = [](char c) { return util::alnum(c) || static_cast<unsigned char>(c) >= 0x80; };
  auto fold = [](char c) { return ascii_upper(c) ? static_cast<char>(c + 32) : c; };
  std::size_t i = 0, j = 0;
  bool any = false;
  for (;;) {
    while (i < a.size() && !key_char(a[i])) ++i;
    while (j < b.size() && !key_char(b[j])) ++j;
    if (i == a.size() || j == b.size()) return any && i == a.size() && j == b.size();
    if (fold(a[i]) != fold(b[j])) return false;
    any = true;
    ++i, ++j;
  }
}

/// A count of values and the winner.
struct Tally {
  std::map<std::string, int, std::less<>> counts;
  int total = 0;
  void add(std::string_view v) {
    auto it = counts.find(v);
    if (it == counts.end()) it = counts.emplace(std::string(v), 0).first;
    ++it->second, ++total;
  }
  /// The value held by at least `share` of at least `min` entries.
  std::optional<std::pair<std::string, int>> majority(int min, double share) const {
    if (total < min || total == 0) return std::nullopt;
    for (const auto& [v, n] : counts)
      if (static_cast<double>(n) >= share * static_cast<double>(total)) return std::make_pair(v, n);
    return std::nullopt;
  }
  std::string plurality() const {
    std::string best;
    int n = -1;
    for (const auto& [v, c] : counts)
      if (c > n) best = v, n = c;
    return best;
  }
};

/// What one entry shows, for the checks that apply to it (views into the model's entry and
/// literals: a large list has a hundred thousand of them).
struct Shape {
  std::size_t entry = 0;
  std::string_view separator;  ///< as written, blanks collapsed
  std::string_view capital;    ///< "upper", "lower" or "" (cannot tell)
  std::string_view word;       ///< the first word when `capital` is set
  std::string_view period;     ///< "yes", "no" or "" (cannot tell)
  bool full_stop = false; ///< the period is a CJK full stop
  bool separator_counts = true;  ///< compared for the separator
};

/// The convention that applies to an entry for one check: the section's when it has its own clear
/// majority, else the file's (unless the section is big enough and leans the other way).
struct Convention {
  std::string value;
  int count = 0, total = 0;
  bool section = false;
  bool fixed = false;  ///< set by an option, not inferred
};

class EntryFormat final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "entry-format",
        "An entry breaks its list's own `- [Name](url) - Description.` shape (separator, capital, period) or its "
        "description only repeats the name.",
        {"content", "format"},
        Severity::Warning,
        true,
        {{"separator", "infer",
          "The separator between an entry's link and its description: \"infer\" (the list's clear majority), \"any\" "
          "(not checked) or the separator itself, e.g. \" - \"."},
         {"capital", "infer", "How descriptions start: \"infer\", \"upper\", \"lower\" or \"any\"."},
         {"period", "infer", "Whether descriptions end with a period: \"infer\", \"yes\", \"no\" or \"any\"."},
         {"repeat", true, "Report a description that only repeats the entry's name."},
         {"min_entries", 10, "Entries a list (or section) needs before its convention is inferred."},
         {"majority", 0.9, "The share of those entries that makes a convention clear."}}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const ListModel& m = ctx.model;
    const std::string_view src = ctx.doc.bytes();
    const LineIndex& lines = ctx.doc.lines();
    const std::string opt_sep = ctx.options.at("separator").get<std::string>();
    const std::string opt_cap = ctx.options.at("capital").get<std::string>();
    const std::string opt_per = ctx.options.at("period").get<std::string>();
    const bool opt_repeat = ctx.options.at("repeat").get<bool>();
    const int min_entries = ctx.options.at("min_entries").get<int>();
    const double share = ctx.options.at("majority").get<double>();

    // Comparable entries: an item that starts with a (non-image) link and has a description,
    // outside the table of contents and details cards.
    std::vector<Shape> shapes;
    shapes.reserve(m.entries.size());
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      const Entry& e = m.entries[i];
      if (e.link < 0 || e.in_toc || e.details >= 0 || e.description.empty() || e.name.empty()) continue;
      const Link& l = m.links[static_cast<std::size_t>(e.link)];
      if (l.image || (l.kind != LinkKind::Inline && l.kind != LinkKind::Reference)) continue;
      Shape s;
      s.entry = i;
      s.separator = e.separator;
      const std::string_view w = first_word(e.description, e.name);
      // "by Author" credits the entry rather than describing it.
      if (!w.empty() && util::lower(w) != "by") {
        s.capital = ascii_upper(w[0]) ? "upper" : "lower";
        s.word = w;
      }
      // The source of the first paragraph after the link (to a blank line or a nested item), read
      // for what trails the sentence.
      const int line = l.span.end.line;
      int last = line;
      while (last < e.span.end.line) {
        const std::string_view next = text::trim(lines.line_text(last + 1));
        if (next.empty() || next[0] == '-' || next[0] == '*' || next[0] == '+' || next[0] == '<' ||
            (next[0] >= '0' && next[0] <= '9'))
          break;
        ++last;
      }
      Ending end = ending_of(e.description);
      if (end != Ending::Period && end != Ending::FullStop) {
        const std::size_t le = lines.line_end(last), tb = std::min(l.span.bytes.end, le);
        const std::string_view tail = src.substr(tb, le - tb);
        const std::string_view kept = strip_trailers(tail);
        if (kept.size() < text::trim(tail).size() && !text::trim(kept).empty()) end = ending_of(kept);
      }
      s.period = end == Ending::Period || end == Ending::FullStop ? "yes" : end == Ending::None ? "no" : "";
      s.full_stop = end == Ending::FullStop;
      // A blank-only separator before punctuation ("[Title](url) (PDF)", ", [github](u)") is a tag
      // or a second link, not a description without its separator.
      const bool blank_sep = text::trim(e.separator).empty();
      const char d0 = e.description[0];
      // Where the description starts in the source: a link, image or HTML there is a label
      // ("- [Blog](u)", "[Wongnai](u)"), not a description's first word.
      bool markup = false, code = false;
      {
        const std::size_t le = lines.line_end(line), tb = std::min(l.span.bytes.end, le);
        std::string_view t = src.substr(tb, le - tb);
        std::size_t k = 0;
        while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '-' || t[k] == ':' || t[k] == '>' || t[k] == '|'))
          ++k;
        if (t.compare(k, 3, "\xE2\x80\x93") == 0 || t.compare(k, 3, "\xE2\x80\x94") == 0) {
          k += 3;
          while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
        }
        markup = k < t.size() && (t[k] == '[' || t[k] == '!' || t[k] == '<' || t[k] == '(');
        code = k < t.size() && t[k] == '`';
      }
      // After a blank-only separator only a capitalised sentence is a description missing its
      // separator ("[MJRefresh](u) An easy way ..."); anything else continues the text around the
      // link: "[shiny](u) is the basis for ...", "by @author", "(PDF)", "· HTML", "を掲載中", "1".
      s.separator_counts =
          !(blank_sep && (markup || !ascii_upper(d0) || util::starts_with_ci(e.description, "by ")));
      // After a blank-only separator the text often continues the name ("by @author", "on YouTube").
      // Code ("`code` formatter") is a name, whatever its case.
      if (blank_sep || markup || code) s.capital = {};
      shapes.push_back(std::move(s));
    }
    if (shapes.empty()) return;
    // Does a description write `w` (as written)? The words of every description are gathered
    // when first asked (seldom: only for a capital against the convention).
    std::unordered_set<std::string_view> words;
    bool words_made = false;
    auto described = [&](std::string_view w) {
      if (!words_made) {
        words_made = true;
        for (const Shape& sh : shapes) {
          const std::string& desc = m.entries[sh.entry].description;
          std::size_t p = 0;
          while (p < desc.size()) {
            while (p < desc.size() && !ascii_letter(desc[p])) ++p;
            std::size_t q = p;
            while (q < desc.size() && ascii_letter(desc[q])) ++q;
            if (q > p) words.insert(std::string_view(desc).substr(p, q - p));
            p = q;
          }
        }
      }
      return words.count(w) > 0;
    };

    // Tallies per file and per section, for each check.
    enum Check { Sep, Cap, Per, kChecks };
    Tally file[kChecks];
    std::map<int, Tally> section[kChecks];
    auto value = [](const Shape& s, int c) -> std::string_view {
      return c == Sep ? s.separator : c == Cap ? s.capital : s.period;
    };
    for (const Shape& s : shapes) {
      const int sec = m.entries[s.entry].section;
      for (int c = 0; c < kChecks; ++c) {
        const std::string_view v = value(s, c);
        if (v.empty() && c != Sep) continue;
        if (c == Sep && !s.separator_counts) continue;
        file[c].add(v);
        section[c][sec].add(v);
      }
    }
    const std::string fixed[kChecks] = {opt_sep, opt_cap, opt_per};
    auto convention = [&](int c, int sec) -> std::optional<Convention> {
      if (fixed[c] == "any") return std::nullopt;
      if (fixed[c] != "infer") return Convention{fixed[c], 0, 0, false, true};
      const Tally& st = section[c][sec];
      if (auto maj = st.majority(min_entries, share)) return Convention{maj->first, maj->second, st.total, true, false};
      auto maj = file[c].majority(min_entries, share);
      if (!maj) return std::nullopt;
      // A section big enough to have its own convention that leans the other way: none.
      if (st.total >= min_entries && st.plurality() != maj->first) return std::nullopt;
      return Convention{maj->first, maj->second, file[c].total, false, false};
    };
    auto where = [&](const Convention& cv) {
      return std::to_string(cv.count) + " of " + std::to_string(cv.total) + " entries in this " +
             (cv.section ? "section" : "list");
    };

    for (const Shape& s : shapes) {
      const Entry& e = m.entries[s.entry];
      const Link& l = m.links[static_cast<std::size_t>(e.link)];
      const int line = l.span.end.line;
      const std::size_t line_end = lines.line_end(line);
      const std::size_t tail_begin = std::min(l.span.bytes.end, line_end);
      const std::string_view tail = src.substr(tail_begin, line_end - tail_begin);
      const Span at_link = l.span;

      // The description only repeats the name.
      if (opt_repeat) {
        if (same_key(e.name, e.description)) {
          out.report(at_link, "Description " + util::quote(e.description) + " only repeats the name " +
                                  util::quote(e.name) + "; say what it is");
        }
      }

      // Separator.
      if (auto cv = convention(Sep, e.section); s.separator_counts && cv && s.separator != cv->value) {
        // A description that carries the convention's separator further on ("[Foo](url) (Java) - ...",
        // a badge between) has its separator; only its name is longer.
        const std::string sep_core = std::string(text::trim(cv->value));
        const bool later = !sep_core.empty() && e.description.find(cv->value) != std::string::npos;
        if (!later) {
          std::optional<Fix> fix;
          Span range = at_link;
          if (tail.substr(0, s.separator.size()) == s.separator && !s.separator.empty()) {
            range = lines.span(tail_begin, tail_begin + s.separator.size());
          }
          if (tail.substr(0, s.separator.size()) == s.separator && l.span.end.line == l.span.begin.line)
            fix = Fix{{TextEdit{tail_begin, tail_begin + s.separator.size(), cv->value, std::string(s.separator)}}};
          const std::string shown = s.separator.empty() ? "none" : util::quote(s.separator);
          out.report(range,
                     "Separator " + shown + " between the link and the description; " +
                         (cv->fixed ? "the configured separator is " + util::quote(cv->value)
                                    : where(*cv) + " use " + util::quote(cv->value)),
                     std::move(fix));
        }
      }

      // Capitalisation.
      if (!s.capital.empty()) {
        // An inferred lowercase convention reports nothing: a capital there is a name, a title or a
        // sentence (on the corpus none of them was a defect); capital: "lower" reports them.
        if (auto cv = convention(Cap, e.section); cv && cv->value != s.capital && (cv->fixed || cv->value == "upper")) {
          // Only a word the file also writes the other way: "library" where "Library" starts other
          // descriptions; "npm" (never "Npm") is a name.
          std::string other(s.word);
          other[0] = static_cast<char>(cv->value == "upper" ? other[0] - 32 : other[0] + 32);
          // With a fixed convention, a lowercase word that the dictionary knows is a slip ("mock data
          // generation library", "is a Python library"); one it does not know is a name written as
          // its project writes it ("sklearn compatible API", "uv's fast build backend").
          const Speller* sp = ctx.resources.speller;
          const bool word_like = s.capital == "upper" || sp == nullptr || sp->known(s.word) ||
                                 sp->known(s.word.substr(0, s.word.find('\'')));
          if ((cv->fixed && word_like) || described(other)) {
            Span range = at_link;
            const std::size_t p = tail.find(s.word);
            if (p != std::string_view::npos) range = lines.span(tail_begin + p, tail_begin + p + s.word.size());
            out.report(range, std::string("Description starts with a ") +
                                  (s.capital == "upper" ? "capital" : "lowercase letter") + " (" +
                                  util::quote(s.word) + "); " +
                                  (cv->fixed ? std::string("the configuration asks for ") +
                                                   (cv->value == "upper" ? "a capital" : "lowercase")
                                             : where(*cv) + " start with " +
                                                   (cv->value == "upper" ? "a capital" : "a lowercase letter")));
          }
        }
      }

      // Closing period.
      if (!s.period.empty()) {
        if (auto cv = convention(Per, e.section); cv && cv->value != s.period && (cv->fixed || cv->value == "yes")) {
          Span range = at_link;
          std::size_t te = tail.size();
          while (te > 0 && blank(tail[te - 1])) --te;
          if (te > 0 && lines.line_of(e.span.bytes.end > 0 ? e.span.bytes.end - 1 : 0) == line) {
            const auto [cp, b] = last_code_point(tail, te);
            (void)cp;
            range = lines.span(tail_begin + b, tail_begin + te);
          }
          const bool has = s.period == "yes";
          out.report(range, std::string("Description ends ") + (has ? "with" : "without") + " a period; " +
                                (cv->fixed ? std::string("the configuration asks for ") +
                                                 (cv->value == "yes" ? "one" : "none")
                                           : where(*cv) + " end " + (has ? "without one" : "with one")));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_entry_format() { return std::make_unique<EntryFormat>(); }

}  // namespace listlint::rules
