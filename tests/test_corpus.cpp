// Every list in ../shared/corpus is modelled and keeps the model's invariants.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>

#include "model/html.h"
#include "model/markdown.h"
#include "listlint/checking/linter.h"
#include "listlint/model/model.h"
#include "listlint/model/model_json.h"
#include "registry.h"
#include "support.h"
#include "listlint/model/text.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> corpus_files() {
  std::vector<std::string> out;
  const std::string dir = test::corpus_dir();
  if (dir.empty()) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".md" && name != "MANIFEST.md" && name != "NOTES.md") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every fixture, and every list of ../shared/corpus and ../shared/corpus2 that is there.
std::vector<std::string> fixtures_and_lists() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(std::string(LISTLINT_SOURCE_DIR) + "/fixtures"))
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path().string());
  for (const auto& f : corpus_files()) files.push_back(f);
  const std::string dir = test::corpus_dir();
  if (!dir.empty() && fs::is_directory(dir + "2"))
    for (const auto& e : fs::directory_iterator(dir + "2"))
      if (e.path().filename().string().find("__") != std::string::npos) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Backslash escapes and entities decoded, as cmark-gfm does for destinations.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[++i];
      continue;
    }
    out += s[i];
  }
  return listlint::html::decode_entities(out);
}

}  // namespace

TEST_CASE("corpus: every list is modelled and keeps the invariants") {
  const auto files = corpus_files();
  if (files.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  CHECK(files.size() == 19);
  for (const auto& path : files) {
    INFO(path);
    auto r = listlint::load_document(path);
    REQUIRE(r.document);
    const listlint::Document& doc = *r.document;
    const auto m = listlint::build_model(doc);
    const std::string_view src = doc.bytes();
    const auto& li = doc.lines();
    auto pos_ok = [&](const listlint::Span& s) {
      return s.bytes.begin <= s.bytes.end && s.bytes.end <= src.size() && li.pos(s.bytes.begin) == s.begin;
    };

    // Links: line and column point at the link, and the source there holds its URL or label.
    int checked = 0;
    for (const auto& l : m.links) {
      INFO("link " << l.url << " at " << l.span.begin.line << ":" << l.span.begin.column << " kind "
                   << listlint::to_string(l.kind));
      REQUIRE(pos_ok(l.span));
      const std::string_view at = src.substr(l.span.bytes.begin, l.span.bytes.size());
      const std::string_view written = src.substr(l.url_bytes.begin, l.url_bytes.size());
      REQUIRE(!at.empty());
      switch (l.kind) {
        case listlint::LinkKind::Inline:
          CHECK(at.front() == (l.image ? '!' : '['));
          // cmark-gfm accepts a destination cut off by the end of the paragraph (no ')').
          CHECK((at.back() == ')' || l.span.bytes.end == li.line_end(l.span.end.line)));
          CHECK(unescape(written) == l.url);
          break;
        case listlint::LinkKind::Reference:
          CHECK(at.front() == (l.image ? '!' : '['));
          CHECK(listlint::text::normalize_label(written) == listlint::text::normalize_label(l.label));
          break;
        case listlint::LinkKind::Autolink:
          CHECK(at.front() == '<');
          CHECK((written == l.url || "mailto:" + std::string(written) == l.url));
          break;
        case listlint::LinkKind::Bare:  // (an e-mail address written without its mailto:)
          CHECK((written == l.url || "http://" + std::string(written) == l.url ||
                 "mailto:" + std::string(written) == l.url));
          break;
        case listlint::LinkKind::Html:
          CHECK(at.front() == '<');
          CHECK(listlint::html::decode_entities(listlint::text::trim(written)) == l.url);
          break;
        case listlint::LinkKind::RawMarkdown:
          CHECK(at.find(written) != std::string_view::npos);
          break;
      }
      CHECK(l.span.bytes.contains(l.url_bytes.begin));
      ++checked;
    }
    CHECK(checked == static_cast<int>(m.links.size()));

    // Anchors are unique; headings point at a '#' or a setext text line.
    std::unordered_set<std::string> anchors;
    for (const auto& s : m.sections) {
      CHECK_MESSAGE(anchors.insert(s.anchor).second, "duplicate anchor " << s.anchor);
      CHECK(pos_ok(s.span));
      if (!s.setext) CHECK(src[s.span.bytes.begin] == '#');
      if (s.parent >= 0) CHECK(m.sections[static_cast<std::size_t>(s.parent)].level < s.level);
    }

    // Tables: each row records its written cell count; cells are padded exactly when short.
    for (const auto& t : m.tables) {
      INFO("table at line " << t.span.begin.line);
      CHECK(t.header.source_cells == static_cast<int>(t.columns.size()));
      CHECK(t.delimiter_cells == static_cast<int>(t.columns.size()));
      for (const auto& row : t.rows) {
        INFO("row at line " << row.line);
        CHECK(row.source_cells >= 1);
        CHECK(row.cells.size() == t.columns.size());
        int padded = 0;
        for (const auto& c : row.cells) padded += c.padded;
        CHECK(padded == std::max(0, static_cast<int>(t.columns.size()) - row.source_cells));
      }
    }

    // Entries, details and the TOC refer to valid things.
    for (const auto& e : m.entries) {
      CHECK(pos_ok(e.span));
      if (e.link >= 0) CHECK(m.links[static_cast<std::size_t>(e.link)].entry >= 0);
    }
    for (const auto& d : m.details) {
      CHECK(pos_ok(d.span));
      CHECK(d.closed);  // every card in the corpus is closed
      CHECK(src.substr(d.span.bytes.begin, 8) == "<details");
    }
    for (const auto& u : m.undefined_refs) CHECK(src.substr(u.span.bytes.begin, 1) == "[");
    if (m.toc) CHECK(!m.toc->items.empty());

    // The JSON is valid UTF-8 and serialises.
    CHECK_NOTHROW((void)listlint::model_to_json(m).dump());
  }
}

TEST_CASE("corpus: every list's model is the same parsed in pieces as parsed whole") {
  const auto files = corpus_files();
  if (files.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  int cut = 0;
  for (const auto& path : files) {
    INFO(path);
    auto r = listlint::load_document(path);
    REQUIRE(r.document);
    CHECK(test::pieces_differ(*r.document) == "");
    const auto pieces = listlint::parse_pieces(*r.document, 1).size();
    cut += pieces > 1;
    MESSAGE(path << ": " << pieces << " pieces at the smallest cut, "
                 << listlint::parse_pieces(*r.document, listlint::ModelOptions{}.chunk_bytes).size() << " by default");
  }
  CHECK(cut >= 15);  // the two lists with "]:" in them are parsed whole
}

TEST_CASE("corpus: known structure is found") {
  const std::string dir = test::corpus_dir();
  if (dir.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  auto model = [&](const char* name) {
    auto r = listlint::load_document(dir + "/" + name);
    REQUIRE(r.document);
    return listlint::build_model(*r.document);
  };
  const auto llm = model("Hannibal046__Awesome-LLM__README.md");
  CHECK(llm.details.size() == 30);
  const auto recipe = model("opendatalab-raiser__awesome-multimodal-data-recipe__README.md");
  CHECK(recipe.details.size() == 99);
  const auto zh = model("EbookFoundation__free-programming-books__free-programming-books-zh.md");
  CHECK(zh.has_bom);
  CHECK(zh.sections.at(0).span.begin.line == 1);
  const auto ro = model("EbookFoundation__free-programming-books__free-programming-books-ro.md");
  CHECK(ro.line_endings.crlf == 44);
  const auto apis = model("public-apis__public-apis__README.md");
  CHECK(apis.tables.size() == 52);
  const auto cpp = model("fffaraz__awesome-cpp__README.md");
  REQUIRE(cpp.sections.size() >= 1);
  CHECK(cpp.sections[0].anchor == "awesome-c--");
  bool jpegli = false;
  for (const auto& u : cpp.undefined_refs) jpegli |= u.link_like && u.label == "https://github.com/google/jpegli";
  CHECK(jpegli);
  const auto go = model("avelino__awesome-go__README.md");
  REQUIRE(go.toc);
  CHECK(go.toc->items.size() > 100);
  const auto ffd = model("ripienaar__free-for-dev__README.md");
  bool bare = false;
  for (const auto& l : ffd.links) bare |= l.kind == listlint::LinkKind::Bare && l.url == "https://cloud.google.com/free";
  CHECK(bare);
}

TEST_CASE("corpus: the in-page links that do not resolve are exactly the known broken ones") {
  const std::string dir = test::corpus_dir();
  if (dir.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  // From the corpus notes (shared/corpus/NOTES.md, section 3), checked by hand. The recipe
  // list's "✂️ Image Editing" links resolve: GitHub drops U+FE0F before slugging.
  const std::map<std::string, std::vector<std::string>> expected = {
      {"EbookFoundation__free-programming-books__free-programming-books-langs.md",
       {"79:tailwindcss", "80:http", "81:https", "649:roq-prover"}},
      {"EbookFoundation__free-programming-books__free-programming-books-zh.md", {"42:http"}},
      {"KaecoHappy__Awesome-Multimodal-Datasets__README.md", {"44:36-daily-activities---egocentric-video"}},
      {"josephmisiti__awesome-machine-learning__README.md",
       {"41:awesome-machine-learning-", "127:opencv-Computer-Vision", "128:Text-Character-Number-Detection",
        "157:rust-deep-learning", "158:rust-natural-language-processing"}},
      {"zli12321__Vision-Language-Models-Overview__README.md",
       {"78:EmbodiedVLMagents", "88:Healthcare", "97:EfficientTrainingandFineTuning"}},
  };
  for (const auto& path : corpus_files()) {
    const std::string name = fs::path(path).filename().string();
    INFO(name);
    auto r = listlint::load_document(path);
    REQUIRE(r.document);
    const auto m = listlint::build_model(*r.document);
    std::set<std::string> targets;
    for (const auto& s : m.sections) targets.insert(s.anchor);
    for (const auto& a : m.html_anchors) targets.insert(a.id);
    std::vector<std::string> broken;
    for (const auto& l : m.links) {
      if (l.url.size() < 2 || l.url[0] != '#') continue;
      const std::string t = listlint::text::percent_decode(l.url.substr(1));
      std::string lower = t;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (targets.count(t) || targets.count(lower)) continue;
      broken.push_back(std::to_string(l.span.begin.line) + ":" + t);
    }
    const auto it = expected.find(name);
    CHECK(broken == (it == expected.end() ? std::vector<std::string>{} : it->second));
  }
}

TEST_CASE("corpus: the curated-list rules find the real cases and no false alarms") {
  const std::string dir = test::corpus_dir();
  if (dir.empty()) {
    test::skip("corpus not found at " LISTLINT_CORPUS_DIR " (set LISTLINT_CORPUS)");
    return;
  }
  const auto& rules = listlint::rules::all();
  const listlint::Config config = listlint::default_config(rules);
  auto findings = [&](const char* name, const std::string& rule) {
    auto r = listlint::load_document(dir + "/" + name);
    REQUIRE(r.document);
    const auto model = listlint::build_model(*r.document);
    std::vector<listlint::Diagnostic> out;
    for (auto& d : listlint::lint(*r.document, model, config, rules))
      if (d.rule == rule) out.push_back(std::move(d));
    return out;
  };
  auto lines = [](const std::vector<listlint::Diagnostic>& ds) {
    std::vector<int> l;
    for (const auto& d : ds) l.push_back(d.range.begin.line);
    return l;
  };
  // The recipe list hides section headings inside the previous paper's card (corpus notes, 2).
  const auto hidden = findings("opendatalab-raiser__awesome-multimodal-data-recipe__README.md", "details-structure");
  CHECK(hidden.size() == 9);
  CHECK(lines(hidden).front() == 1384);
  // NeuralTalk twice with one description; linfa twice under one URL.
  CHECK(lines(findings("josephmisiti__awesome-machine-learning__README.md", "duplicate-entry")) == std::vector<int>{1469});
  const auto ml_links = lines(findings("josephmisiti__awesome-machine-learning__README.md", "duplicate-link"));
  CHECK(std::find(ml_links.begin(), ml_links.end(), 1613) != ml_links.end());
  // Not reported: awesome-go's namesakes (three "config" packages), shared code repositories, and
  // the ATVC paper cited by its two datasets' rows.
  CHECK(findings("avelino__awesome-go__README.md", "duplicate-entry").empty());
  CHECK(findings("BradyFU__Awesome-Multimodal-Large-Language-Models__README.md", "duplicate-link").empty());
  // License tags are not links.
  CHECK(findings("fffaraz__awesome-cpp__README.md", "missing-link").size() == 1);
  // No mojibake anywhere in 3.5 MB of CJK, emoji and accented text.
  for (const auto& path : corpus_files()) {
    INFO(path);
    CHECK(findings(fs::path(path).filename().string().c_str(), "mojibake").empty());
  }
  // free-for-dev's bare URLs (corpus notes, 5).
  CHECK(findings("ripienaar__free-for-dev__README.md", "bare-url").size() == 6);
}

// Every text run the model places is, by construction, the source of one of cmark-gfm's text
// nodes: its bytes with backslash escapes and entities decoded equal a text node's literal. (A run
// placed on other bytes is what let --fix edit code spans and URLs.) Over every fixture and every
// list of both corpora.
TEST_CASE("model: every text run's bytes spell a text node of cmark-gfm's tree") {
  const std::vector<std::string> files = fixtures_and_lists();
  std::size_t runs = 0;
  for (const auto& path : files) {
    INFO(path);
    auto r = listlint::load_document(path);
    if (!r.document) continue;  // (fixtures of unreadable files)
    const auto& doc = *r.document;
    const auto model = listlint::build_model(doc);
    // The literals of every text node, parsed whole (the model may parse in pieces).
    std::multiset<std::string> literals;
    auto tree = listlint::md::parse(doc.parse_text());
    listlint::md::IterPtr it(cmark_iter_new(tree.root.get()));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it.get());
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT)
        if (const char* l = cmark_node_get_literal(n)) literals.insert(l);
    }
    const std::string_view src = doc.bytes();
    for (const auto& run : model.text_runs) {
      const std::string bytes(src.substr(run.bytes.begin, run.bytes.size()));
      if (bytes.find('\n') != std::string::npos || bytes.find('\0') != std::string::npos) continue;
      ++runs;
      const std::string spelled = unescape(bytes);
      // (The text of a bare URL is its source as written: the autolink extension reads it raw.)
      if (literals.count(spelled) == 0 && literals.count(bytes) == 0) {
        FAIL_CHECK("text run at byte " << run.bytes.begin << " is '" << bytes << "', no text node's literal");
        break;
      }
    }
  }
  MESSAGE(runs << " text runs of " << files.size() << " files checked against cmark-gfm's literals");
  CHECK(runs > 1000);
}

namespace {
// What a fix must never change, as cmark-gfm parses the file: link and image destinations, code
// spans, code blocks, and the attributes of HTML tags.
struct Untouchable {
  std::multiset<std::string> urls, code, attributes;
};
Untouchable untouchable(std::string_view text) {
  Untouchable u;
  auto tree = listlint::md::parse(text);
  listlint::md::IterPtr it(cmark_iter_new(tree.root.get()));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    const auto t = cmark_node_get_type(n);
    auto lit = [&] { const char* l = cmark_node_get_literal(n); return std::string(l ? l : ""); };
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(n);
      u.urls.insert(url ? url : "");
    } else if (t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
      u.code.insert(lit());
    } else if (t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_HTML_BLOCK) {
      const std::string html = lit();
      for (const auto& tag : listlint::html::scan_tags(html))
        for (const auto& a : tag.attributes) u.attributes.insert(tag.name + " " + a.name + "=" + a.value);
    }
  }
  return u;
}
}  // namespace

// --fix edits text, never what a reader follows or copies: over every fixture and both corpora,
// every default rule leaves the destinations (GitHub's: bare URLs are links too), code and HTML
// attributes as they were. (One exception: toc's fix adds in-page links to headings missing from
// the table of contents; it never removes or changes one.)
TEST_CASE("fix: no fix changes a link destination, code or an HTML attribute") {
  const auto& rules = listlint::rules::all();
  const listlint::Config config = listlint::default_config(rules);
  const listlint::Resources res = test::resources();
  int files = 0, changed = 0;
  for (const auto& path : fixtures_and_lists()) {
    if (path.find("/fixtures/fuzz/") != std::string::npos) continue;  // (the fuzz targets check those)
    INFO(path);
    const std::string before = test::read_file(path);
    ++files;
    const auto fixed = listlint::fix_document(path, before, config, rules, res);
    CHECK_FALSE(fixed.not_converged.has_value());
    const Untouchable a = untouchable(before), b = untouchable(fixed.bytes);
    changed += fixed.bytes != before;
    // (The parse has the autolink extension: bare-url's wrapping keeps the links as they were,
    // but where GitHub runs a bare URL into the text after it, "https://x.org/a）を...": that
    // fix ends the URL at the full-width punctuation, its purpose.)
    std::multiset<std::string> cut = a.urls, added;
    for (const auto& u : b.urls) {
      if (auto hit = cut.find(u); hit != cut.end()) cut.erase(hit);
      else added.insert(u);
    }
    for (const auto& u : added) {
      if (!u.empty() && u[0] == '#') continue;  // the toc fix lists a missing heading: an in-page link
      auto whole = std::find_if(cut.begin(), cut.end(), [&](const std::string& w) {
        return w.size() > u.size() && w.compare(0, u.size(), u) == 0 &&
               (static_cast<unsigned char>(w[u.size()]) == 0xE3 || static_cast<unsigned char>(w[u.size()]) == 0xEF);
      });
      CHECK_MESSAGE(whole != cut.end(), "a fix made the link " << u);
      if (whole != cut.end()) cut.erase(whole);
    }
    // broken-anchor rewrites an in-page link whose fragment matched no anchor (its subject); an
    // in-page link that worked is never changed.
    {
      listlint::Document doc(path, before);
      const auto model = listlint::build_model(doc);
      std::set<std::string> anchors;
      for (const auto& sec : model.sections) anchors.insert(sec.anchor);
      for (const auto& h : model.html_anchors) anchors.insert(h.id);
      for (auto it = cut.begin(); it != cut.end();) {
        const bool broken = it->size() > 1 && (*it)[0] == '#' &&
                            !anchors.count(listlint::text::percent_decode(it->substr(1)));
        it = broken ? cut.erase(it) : std::next(it);
      }
    }
    CHECK_MESSAGE(cut.empty(), cut.size() << " links lost to fixes, the first " << (cut.empty() ? "" : *cut.begin()));
    CHECK(a.code == b.code);
    CHECK(a.attributes == b.attributes);
  }
  MESSAGE(files << " files fixed, " << changed << " changed; destinations, code and attributes kept");
  CHECK(changed > 10);
}
