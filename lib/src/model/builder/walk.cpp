// The walk that drives the parts: build() parses the document a piece at a time (pieces.cpp) and
// walks each top-level block with enter() and exit(), which make lists, list items, code blocks
// and the description themselves and hand every other node to its part; then it runs the passes
// that need the whole walk (details, definitions, references, TOC, problems). Position
// workarounds here: a paragraph cmark-gfm gives no position (cut short by a table header) makes
// its inlines unplaced (unplaced() in builder.h), and a code span's reported column is where its
// content starts, which keeps the next inline from being placed inside it. Also defined here,
// from lib/include/listlint/model/model.h: build_model, to_string and dump_ast.

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "listlint/checking/profile.h"
#include "model/builder/builder.h"

extern "C" {
#include <cmark-gfm-core-extensions.h>
}

namespace listlint::model_builder {

// ------------------------------------------------------------------------------------------------
// walk

void Builder::mark_lines(cmark_node* n) {
  const int sl = start_line(n);
  int el = end_line(n);
  if (sl <= 0) return;
  if (el < sl) el = sl;
  for (int l = sl; l <= el && l <= static_cast<int>(content_line_.size()); ++l)
    content_line_[static_cast<std::size_t>(l - 1)] = 1;
}

void Builder::enter(cmark_node* n, cmark_node_type t) {
  if (t == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(n) <= 0) ++unplaced_blocks_;
  if ((t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) inline_floor_ = 0, html_a_depth_ = 0, html_code_depth_ = 0;
  if (t == md::table_type()) {
    Table& tb = m_.tables.emplace_back();
    tb.section = section_;
    tb.span = block_span(n);
    const auto ncols = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
    tb.columns.resize(ncols);
    for (uint16_t i = 0; i < ncols; ++i) tb.columns[i].align = al ? static_cast<char>(al[i]) : 0;
    table_ = static_cast<int>(m_.tables.size()) - 1;
    mark_lines(n);
    return;
  }
  if (t == md::table_row_type()) { on_row_enter(n); return; }
  if (t == md::table_cell_type()) {
    ++cell_;
    cell_links_.clear();
    cell_has_li_ = false;
    return;
  }
  switch (t) {
    case CMARK_NODE_HEADING:
      ++heading_depth_;
      mark_lines(n);
      break;
    case CMARK_NODE_LIST: {
      ListBlock& lb = m_.lists.emplace_back();
      const int idx = static_cast<int>(m_.lists.size()) - 1;
      lb.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      lb.span = block_span(n);
      if (lb.ordered) {
        lb.marker = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
      } else {
        const std::size_t b = lb.span.bytes.begin;
        lb.marker = b < src_.size() ? src_[b] : '-';
        if (lb.marker != '-' && lb.marker != '*' && lb.marker != '+') lb.marker = '-';
      }
      lb.depth = static_cast<int>(list_stack_.size()) + 1;
      lb.parent_entry = item_stack_.empty() ? -1 : item_stack_.back();
      lb.root = list_stack_.empty() ? idx : m_.lists[static_cast<std::size_t>(list_stack_.front())].root;
      lb.section = section_;
      list_stack_.push_back(idx);
      break;
    }
    case CMARK_NODE_ITEM: {
      Entry& e = m_.entries.emplace_back();
      e.depth = static_cast<int>(list_stack_.size());
      e.list = list_stack_.empty() ? -1 : list_stack_.back();
      e.parent = item_stack_.empty() ? -1 : item_stack_.back();
      e.section = section_;
      e.span = block_span(n);
      if (std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0) {
        e.task = true;
        e.checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
      }
      if (e.list >= 0) ++m_.lists[static_cast<std::size_t>(e.list)].entries;
      item_stack_.push_back(static_cast<int>(m_.entries.size()) - 1);
      break;
    }
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      on_link_enter(n, t);
      ++link_depth_;
      if (t == CMARK_NODE_IMAGE) ++image_depth_;
      break;
    case CMARK_NODE_TEXT:
      on_text(n);
      break;
    case CMARK_NODE_CODE:
      if (start_line(n) > 0 &&
          start_line(n) <= static_cast<int>(content_line_.size()))
        content_line_[static_cast<std::size_t>(start_line(n) - 1)] = 1;
      if (start_line(n) > 0) {
        // cmark-gfm reports where its content starts, just past the opening backticks (its end
        // is wrong when it runs over several lines, and so are the lines of the inlines after
        // it). Where that holds, the source has the content (at least the literal's bytes: a line
        // break is one space in it) and a closing backtick before the next inline.
        const std::size_t cb = inline_off(start_line(n), cmark_node_get_start_column(n));
        if (cb > 0 && cb <= src_.size() && src_[cb - 1] == '`')
          inline_floor_ = std::max(inline_floor_, cb + std::string_view(literal_of(n)).size() + 1);
      }
      break;
    case CMARK_NODE_HTML_BLOCK:
      mark_lines(n);
      on_html_block(n);
      break;
    case CMARK_NODE_HTML_INLINE:
      on_html_inline(n);
      break;
    case CMARK_NODE_CODE_BLOCK: {
      mark_lines(n);
      CodeBlock& cb = m_.code_blocks.emplace_back();
      int fence_len = 0, fence_off = 0;
      char fence_char = 0;  // cmark_node_get_fenced writes through all three pointers
      cb.fenced = cmark_node_get_fenced(n, &fence_len, &fence_off, &fence_char) != 0;
      if (const char* info = cmark_node_get_fence_info(n)) cb.info = info;
      repair(cb.info);
      cb.span = block_span(n);
      break;
    }
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_BLOCK_QUOTE:
      if (!description_done_ && m_.title && section_ == *m_.title &&
          cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_DOCUMENT) {
        std::string d = collapsed_text(n, TextMode::Plain);
        if (!d.empty()) {
          m_.description = std::move(d);
          m_.description_span = block_span(n);
          description_done_ = true;
        }
      }
      break;
    default:
      break;
  }
}

void Builder::exit(cmark_node* n, cmark_node_type t) {
  if (t == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(n) <= 0) --unplaced_blocks_;
  if (t == md::table_type()) {
    on_table_exit();
    return;
  }
  if (t == md::table_row_type()) {
    row_ = -2;
    cell_ = -1;
    return;
  }
  if (t == md::table_cell_type()) {
    on_cell_exit(n);
    return;
  }
  switch (t) {
    case CMARK_NODE_HEADING:
      --heading_depth_;
      on_heading_exit(n);
      break;
    case CMARK_NODE_LIST:
      if (!list_stack_.empty()) list_stack_.pop_back();
      break;
    case CMARK_NODE_ITEM:
      on_item_exit(n);
      if (!item_stack_.empty()) item_stack_.pop_back();
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      --link_depth_;
      if (t == CMARK_NODE_IMAGE) --image_depth_;
      if (const int li = link_of(n); li >= 0) {
        Link& l = m_.links[static_cast<std::size_t>(li)];
        l.text = collapsed_text(n, TextMode::Plain, /*include_self_image=*/true);
      }
      break;
    }
    default:
      break;
  }
}

void Builder::finish_problems() {
  for (const auto& bad : doc_.invalid_utf8()) {
    Problem& p = m_.problems.emplace_back();
    p.kind = "invalid-utf8";
    p.message = std::to_string(bad.length) + " byte(s) of invalid UTF-8";
    p.span = span(bad.offset, bad.offset + bad.length);
  }
  for (std::size_t o : doc_.nul_bytes()) {
    Problem& p = m_.problems.emplace_back();
    p.kind = "nul-byte";
    p.message = "NUL byte in text";
    p.span = span(o, o + 1);
  }
  std::stable_sort(m_.problems.begin(), m_.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.span.bytes.begin < b.span.bytes.begin; });
}

namespace {

/// Room for the entries and links of a large text, counted roughly in one pass over its lines
/// (list markers) and bytes ("](", "://"), so that the model's two largest vectors are allocated
/// once: each time a vector of a hundred thousand entries doubles, it copies them and holds both
/// copies at once, which made the model's peak memory and time grow faster than the file.
void reserve_for(const LineIndex& lines, std::string_view text, ListModel& m) {
  std::size_t items = 0, links = 0;
  for (int l = 1; l <= lines.line_count(); ++l) {
    const std::string_view line = lines.line_text(l);
    std::size_t p = line.find_first_not_of(" \t>");
    if (p == std::string_view::npos) continue;
    std::size_t q = p;
    while (q < line.size() && q - p < 9 && line[q] >= '0' && line[q] <= '9') ++q;
    if (q > p && q < line.size() && (line[q] == '.' || line[q] == ')')) p = q;
    else if (line[p] != '-' && line[p] != '*' && line[p] != '+') continue;
    if (p + 1 == line.size() || line[p + 1] == ' ' || line[p + 1] == '\t') ++items;
  }
  for (std::size_t at = text.find("]("); at != std::string_view::npos; at = text.find("](", at + 2))
    if (text.compare(at + 2, 4, "http") != 0) ++links;  // counted below
  for (std::size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 3)) ++links;
  // (At most one entry per 64 bytes and one link per 32: a file of bare "-" lines or "://" in
  // code reserves no more than that.)
  m.entries.reserve(std::min(items + items / 16, text.size() / 64));
  m.links.reserve(std::min(links + links / 16, text.size() / 32));
}

/// Parses the pieces of a document in order on a thread of its own, at most kAhead pieces ahead
/// of the walk, which takes them in order (take()) and gives each back once walked (give_back()):
/// the trees are freed on the thread that made them, as the allocator prefers (freeing another
/// thread's blocks cost more than the parse saved). An exception from the parser comes back from
/// take(). The destructor stops the thread (a walk that throws leaves early).
class PieceParser {
 public:
  static constexpr std::size_t kAhead = 4;
  template <class Piece>
  PieceParser(std::size_t n, Piece piece, Profile* profile)
      : trees_(n), thread_([this, n, piece, profile] {
          Stopwatch clock(profile);
          double parsed = 0;
          std::vector<md::Tree> done;
          for (std::size_t k = 0; k < n; ++k) {
            {
              std::unique_lock<std::mutex> lock(mu_);
              cv_.wait(lock, [&] { return stop_ || k < taken_ + kAhead; });
              if (stop_) return;
              done.swap(returned_);
            }
            given_back_ += done.size();
            done.clear();  // (freed here, outside the lock)
            md::Tree tree;
            std::exception_ptr error;
            clock.lap();
            try {
              tree = md::parse(piece(k));
              parsed += clock.lap();
            } catch (...) {
              error = std::current_exception();
            }
            std::lock_guard<std::mutex> lock(mu_);
            trees_[k] = std::move(tree);
            error_ = error;
            ready_ = k + 1;
            cv_.notify_all();
            if (error) return;
          }
          if (profile) profile->add("model: parse (cmark-gfm), on the parsing thread", parsed);
          // Then the trees the walk gives back, until the last.
          for (;;) {
            {
              std::unique_lock<std::mutex> lock(mu_);
              cv_.wait(lock, [&] { return stop_ || !returned_.empty(); });
              done.swap(returned_);
              if (stop_ && done.empty()) return;
            }
            given_back_ += done.size();
            done.clear();
            if (given_back_ == n) return;
          }
        }) {}
  ~PieceParser() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  md::Tree take(std::size_t k) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return ready_ > k || error_; });
    if (error_) std::rethrow_exception(error_);
    taken_ = k + 1;
    cv_.notify_all();
    return std::move(trees_[k]);
  }
  void give_back(md::Tree tree) {
    std::lock_guard<std::mutex> lock(mu_);
    returned_.push_back(std::move(tree));
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<md::Tree> trees_, returned_;
  std::size_t ready_ = 0, taken_ = 0, given_back_ = 0;  // given_back_: the thread's own count
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once the members it uses are made
};

}  // namespace

ListModel Builder::build() {
  m_.path = doc_.path();
  m_.has_bom = doc_.has_bom();
  m_.line_endings = doc_.line_endings();
  m_.line_count = doc_.bytes().size() > doc_.content_offset() ? lines_.line_count() : 0;
  content_line_.assign(static_cast<std::size_t>(lines_.line_count()) + 1, 0);
  {
    // Parsed a piece at a time (parse_pieces), each piece walked one top-level block at a time
    // and each block freed once walked: nothing refers to a block after its walk (the later
    // passes read the model and the tokens), so cmark-gfm's tree, some 12 times the size of its
    // text, never holds more than a piece of the document, and the pieces are walked while their
    // nodes are still in the cache.
    const std::string_view text = doc_.parse_text();
    const std::size_t text_base = doc_.bytes().size() - text.size();  // a BOM is not parsed
    Stopwatch clock(options_.profile);
    double parsing = 0, walking = 0;
    const std::vector<int> starts = parse_pieces(doc_, options_.chunk_bytes);
    if (text.size() > options_.chunk_bytes) reserve_for(lines_, text, m_);
    const double cutting = clock.lap();
    auto piece = [&](std::size_t k) {
      const std::size_t b = k == 0 ? 0 : lines_.line_begin(starts[k]) - text_base;
      const std::size_t e = k + 1 < starts.size() ? lines_.line_begin(starts[k + 1]) - text_base : text.size();
      return text.substr(b, e - b);
    };
    // With a second thread, it parses the pieces ahead (a few at most, to hold memory down) while
    // this one walks them in order: the model is the same, built in about the time of the walk.
    std::optional<PieceParser> ahead;
    if (options_.threads > 1 && starts.size() > 1) {
      try {
        ahead.emplace(starts.size(), piece, options_.profile);
      } catch (const std::system_error&) {
        ahead.reset();  // no thread to be had: parsed here, one piece at a time
      }
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
      line_base_ = starts[k] - 1;
      md::Tree tree = ahead ? ahead->take(k) : md::parse(piece(k));
      parsing += clock.lap();  // (with a second thread: the wait for it)
      cmark_node* root = tree.root.get();
      const md::ArenaScope scope(tree);  // (iterators and literals cmark-gfm makes on the walk)
      if (k == 0) enter(root, CMARK_NODE_DOCUMENT);
      for (cmark_node* block = cmark_node_first_child(root); block;) {
        cmark_node* next = cmark_node_next(block);
        {
          md::IterPtr it(cmark_iter_new(block));
          cmark_event_type ev;
          while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it.get());
            const cmark_node_type t = cmark_node_get_type(n);
            if (ev == CMARK_EVENT_ENTER) {
              enter(n, t);  // leaves get no EXIT event
            } else {
              exit(n, t);
            }
          }
        }
        // (Without an arena, a block is freed once walked, to hold memory down on one thread; with
        // a parsing thread, that thread frees the tree, as the allocator prefers.)
        if (!ahead && !tree.arena) cmark_node_free(block);  // unlinks it too
        block = next;
      }
      if (k + 1 == starts.size()) exit(root, CMARK_NODE_DOCUMENT);
      if (ahead) ahead->give_back(std::move(tree));
      walking += clock.lap();  // (freeing the tree included)
    }
    line_base_ = 0;
    if (Profile* p = options_.profile) {
      p->add("model: pieces (where to cut)", cutting);
      p->add(ahead ? "model: parse (cmark-gfm), waiting for the parsing thread" : "model: parse (cmark-gfm)", parsing);
      p->add("model: walk (entries, links, tables, text)", walking);
    }
  }
  Stopwatch clock(options_.profile);
  stitch_details();
  assign_details();
  if (Profile* p = options_.profile) p->add("model: details cards", clock.lap());
  find_definitions();
  classify_undefined_refs();
  if (Profile* p = options_.profile) p->add("model: references", clock.lap());
  find_toc();
  if (Profile* p = options_.profile) p->add("model: table of contents", clock.lap());
  finish_problems();
  if (Profile* p = options_.profile) p->add("model: problems", clock.lap());
  return std::move(m_);
}

}  // namespace listlint::model_builder

namespace listlint {
namespace {

bool is_leaf(cmark_node_type t) {
  switch (t) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

}  // namespace

using model_builder::Builder;

ListModel build_model(const Document& doc, const ModelOptions& options) { return Builder(doc, options).build(); }

const char* to_string(LinkKind kind) {
  switch (kind) {
    case LinkKind::Inline: return "inline";
    case LinkKind::Reference: return "reference";
    case LinkKind::Autolink: return "autolink";
    case LinkKind::Bare: return "bare";
    case LinkKind::Html: return "html";
    case LinkKind::RawMarkdown: return "raw-markdown";
  }
  return "inline";
}

const char* to_string(LinkContext context) {
  switch (context) {
    case LinkContext::Toc: return "toc";
    case LinkContext::Entry: return "entry";
    case LinkContext::TableCell: return "table-cell";
    case LinkContext::Details: return "details";
    case LinkContext::Heading: return "heading";
    case LinkContext::Other: return "other";
  }
  return "other";
}

std::string dump_ast(const Document& doc) {
  md::Tree tree = md::parse(doc.parse_text());
  std::string out;
  md::IterPtr it(cmark_iter_new(tree.root.get()));
  cmark_event_type ev;
  int depth = 0;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_EXIT) {
      --depth;
      continue;
    }
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += cmark_node_get_type_string(n);
    out += " [" + std::to_string(cmark_node_get_start_line(n)) + ":" +
           std::to_string(cmark_node_get_start_column(n)) + "-" +
           std::to_string(cmark_node_get_end_line(n)) + ":" +
           std::to_string(cmark_node_get_end_column(n)) + "]";
    if (const char* url = cmark_node_get_url(n); url && *url) out += std::string(" url=") + url;
    if (const char* lit = cmark_node_get_literal(n)) {
      std::string l(lit);
      for (char& c : l)
        if (c == '\n') c = '|';
      out += " \"" + l + "\"";
    }
    out += '\n';
    if (!is_leaf(cmark_node_get_type(n))) ++depth;
  }
  repair_utf8(out);
  return out;
}

}  // namespace listlint
