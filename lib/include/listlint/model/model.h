#pragma once
// ListModel: the typed model of one curated list, built once per file from cmark-gfm's tree.

#include <optional>
#include <string>
#include <vector>

#include "listlint/model/document.h"
#include "listlint/model/source.h"

namespace listlint {

class Profile;  // listlint/checking/profile.h

/// How a link is written.
enum class LinkKind {
  Inline,       ///< [text](url) or ![alt](url)
  Reference,    ///< [text][label], [text][] or [label] with a definition
  Autolink,     ///< <https://...>
  Bare,         ///< a URL in text that GitHub links by itself
  Html,         ///< <a href>, <img src>, <source srcset> and the like
  RawMarkdown,  ///< [text](url) inside an HTML block: GitHub shows it as text, not a link
};

/// Where a link sits (the innermost of these wins: toc, table cell, entry, details card,
/// heading, other).
enum class LinkContext { Toc, Entry, TableCell, Details, Heading, Other };

/// One link or image anywhere in the file.
struct Link {
  std::string url;   ///< destination as GitHub resolves it (escapes and entities decoded)
  std::string text;  ///< plain link text (alt text for images)
  std::string label; ///< reference label, for LinkKind::Reference
  LinkKind kind = LinkKind::Inline;
  LinkContext context = LinkContext::Other;
  bool image = false;  ///< an image (![alt](src), <img src>)
  std::string attribute;  ///< href, src ... for LinkKind::Html
  Span span;              ///< the whole construct
  ByteRange url_bytes;    ///< where the destination is written (empty when not found)
  ByteRange text_bytes;   ///< the link text between [ and ] (inline and reference links)
  int section = -1;       ///< index into ListModel::sections, -1 before the first heading
  int entry = -1;         ///< index into ListModel::entries
  int table = -1, row = -1, cell = -1;  ///< row -1 is the header row
  int details = -1;       ///< innermost details card holding it
  bool in_code = false;   ///< inside an HTML <code>, <kbd>, <samp> or <tt> (a URL shown as code)
};

/// A heading and the section it opens.
struct Section {
  int level = 0;
  std::string text;    ///< plain text as GitHub renders it (images dropped, entities decoded)
  std::string anchor;  ///< the id GitHub gives it, duplicates suffixed -1, -2 ...
  std::vector<std::string> html_ids;  ///< id/name attributes written inside the heading
  bool setext = false;
  int parent = -1;  ///< enclosing section (nearest earlier heading of a lower level)
  int details = -1; ///< details card the heading sits in (hidden until opened)
  Span span;
};

/// A list item.
struct Entry {
  int depth = 1;       ///< 1 for a top-level list item
  int section = -1;
  int list = -1;       ///< index into ListModel::lists
  int parent = -1;     ///< enclosing entry
  int link = -1;       ///< the main link (index into links) when the item starts with one
  std::string name;    ///< text of the main link
  std::string url;     ///< its destination
  std::string description;  ///< text after the main link, separator (" - ", ": ") removed
  /// The separator as written in the plain text between the main link and the description
  /// (" - ", " – ", ": ", " " for none, "" when the text follows the link directly), blanks
  /// collapsed to one space; empty when the item has no main link or nothing follows it.
  std::string separator;
  std::string text;    ///< plain text of the item's first paragraph
  bool task = false, checked = false;
  bool in_toc = false;
  int details = -1;
  Span span;
};

/// A Markdown list (a change of bullet character starts a new one, as in CommonMark).
struct ListBlock {
  bool ordered = false;
  char marker = '-';  ///< '-', '*', '+', '.' or ')'
  int depth = 1;
  int parent_entry = -1;
  int root = -1;      ///< the top-level list holding it (itself for a top-level list)
  int section = -1;
  int entries = 0;    ///< items directly in this list
  Span span;
};

/// One table cell.
struct Cell {
  std::string text;        ///< plain text, whitespace collapsed
  std::vector<int> links;  ///< indices into ListModel::links
  /// Items written as <li> inside the cell.
  struct Item {
    std::string text;
    std::vector<int> links;
  };
  std::vector<Item> items;
  std::optional<double> number;  ///< set when the column is numeric and the cell parses
  bool padded = false;  ///< added by cmark-gfm because the source row has too few cells
  Span span;            ///< the text between the pipes (the row's end for padded cells)
};

/// One table row as written.
struct Row {
  int line = 0;
  int source_cells = 0;  ///< cells written on the source line (cmark-gfm pads or drops)
  bool leading_pipe = false, trailing_pipe = false;
  std::vector<Cell> cells;  ///< always as many as the table has columns
  /// Cells written past the header's width (cmark-gfm drops them): their source spans.
  std::vector<Span> dropped;
  Span span;
};

/// A table column.
struct Column {
  std::string text;  ///< header text
  char align = 0;    ///< 'l', 'c', 'r' or 0
  bool numeric = false;
};

/// A GFM table.
struct Table {
  int section = -1;
  int details = -1;
  std::vector<Column> columns;
  Row header;
  int delimiter_line = 0;
  int delimiter_cells = 0;
  std::vector<Row> rows;  ///< body rows
  Span span;
};

/// A <details> card, stitched across the blocks cmark-gfm splits it into.
struct Details {
  bool closed = false;    ///< a matching </details> was found
  bool open = false;      ///< <details open>
  bool has_summary = false;
  std::string summary;    ///< plain text of <summary>
  std::optional<Span> summary_span;
  /// Parsed from "Title, Venue Year -> Target" summaries.
  std::string title, venue, target;
  int year = 0;
  bool has_content = false;  ///< anything but whitespace and comments after the summary
  ByteRange body;            ///< what it shows when opened: after the summary (or tag) to </details>
  std::vector<int> links;    ///< indices into ListModel::links (summary included)
  int section = -1;
  int parent = -1;  ///< enclosing card
  Span span;        ///< from <details> to the end of </details> (or of the file)
};

/// A link reference definition ([label]: url).
struct RefDef {
  std::string label;
  std::string url;
  int uses = 0;
  Span span;
};

/// Bracketed text that reads like a reference link but has no definition.
struct UndefinedRef {
  std::string text;   ///< as written, brackets included
  std::string label;  ///< the label looked up
  std::string shape;  ///< "full" [a][b], "collapsed" [a][], "shortcut" [a], "spaced" [a] (url)
  /// True when it was surely meant as a link: a space splits "[a] (url)", its label is a URL
  /// ("[a][https://...]"), or it sits in a comma- or pipe-separated run of links
  /// ("[a](u), [b], [c](v)"). Tags such as "Desc. [MIT] [website](u)" are not link-like, even
  /// when a real link elsewhere has the same text: nothing tells the two apart.
  bool link_like = false;
  int section = -1;
  Span span;
};

/// An id or name attribute in HTML (a link target like a heading anchor).
struct HtmlAnchor {
  std::string id;
  std::string attribute;  ///< "id" or "name"
  Span span;
};

/// One item of the table of contents.
struct TocItem {
  std::string text;
  std::string target;  ///< fragment without '#', percent-decoded
  int depth = 1;
  int link = -1;
};

/// The list of in-page links that forms the table of contents.
struct Toc {
  int section = -1;
  std::vector<int> lists;  ///< indices into ListModel::lists (top-level lists)
  std::vector<TocItem> items;
  Span span;
};

/// A run of text as written (one cmark-gfm text node): prose, link text, cells, headings.
/// Code, HTML, URLs of links and image alt text are not text runs.
struct TextRun {
  ByteRange bytes;  ///< positions are computed on demand (Document::lines().span()): runs are many
  bool in_link = false;     ///< link text
  bool in_heading = false;
  bool in_table = false;
  bool in_table_header = false;
  int section = -1;
};

/// An HTML comment (<!-- ... -->), where inline directives live.
struct Comment {
  std::string text;  ///< between "<!--" and "-->", trimmed
  Span span;
};

/// A fenced or indented code block.
struct CodeBlock {
  bool fenced = false;
  std::string info;  ///< the info string of a fenced block
  Span span;
};

/// Something structurally wrong that the model noticed (rules decide how to report it).
struct Problem {
  std::string kind;  ///< "unclosed-details", "stray-details-close", "invalid-utf8", "nul-byte"
  std::string message;
  Span span;
};

/// The typed model of a list.
struct ListModel {
  std::string path;
  std::optional<int> title;       ///< index of the first H1 in sections
  std::string title_text;
  std::string description;        ///< first paragraph or block quote after the title
  std::optional<Span> description_span;
  std::vector<Section> sections;
  std::optional<Toc> toc;
  std::vector<ListBlock> lists;
  std::vector<Entry> entries;
  std::vector<Table> tables;
  std::vector<Details> details;
  std::vector<Link> links;
  std::vector<RefDef> definitions;
  std::vector<UndefinedRef> undefined_refs;
  std::vector<HtmlAnchor> html_anchors;
  std::vector<TextRun> text_runs;
  std::vector<Comment> comments;
  std::vector<CodeBlock> code_blocks;
  std::vector<Problem> problems;
  bool has_bom = false;
  LineEndings line_endings;
  int line_count = 0;
};

/// How the model is built (the defaults are what listlint uses; tests vary them).
struct ModelOptions {
  /// The document is parsed in pieces of about this many bytes, cut only where the pieces parse
  /// into the same blocks as the whole (see docs/model.md): the model is the same, and the
  /// parser's tree never holds more than a piece. SIZE_MAX: parse the document whole.
  std::size_t chunk_bytes = 64 * 1024;
  /// When set, the time of each pass is added to it ("model: parse", "model: walk", ...).
  Profile* profile = nullptr;
  /// Threads the build may use: with two or more, a document of several pieces is parsed on a
  /// second thread while the first walks it (the model is the same).
  unsigned threads = 1;
};

/// The first line of each piece build_model parses on its own, pieces of at least `chunk_bytes`
/// (the first piece starts on line 1). A cut comes only before an ATX heading at the start of a
/// line after a blank line, outside fenced code and outside HTML blocks that run past blank
/// lines; a text that may hold a link reference definition is not cut.
std::vector<int> parse_pieces(const Document& doc, std::size_t chunk_bytes);

/// Builds the model of a document. Never throws on bad input; problems are recorded.
ListModel build_model(const Document& doc, const ModelOptions& options = {});

/// A readable dump of cmark-gfm's tree with raw positions (for `listlint debug ast`).
std::string dump_ast(const Document& doc);

/// Names used in JSON output.
const char* to_string(LinkKind kind);
const char* to_string(LinkContext context);

}  // namespace listlint
