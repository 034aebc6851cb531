// local-link: a relative link or image to a file or folder of the repository that is not there
// (names compare by case, as on GitHub), or to an anchor that the linked Markdown file lacks.

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "listlint/checking/rule.h"
#include "listlint/checking/workspace.h"
#include "util.h"

namespace listlint::rules {
namespace {

/// "https:", "mailto:", "data:" ...: a URL with a scheme is no path of the repository.
bool has_scheme(std::string_view u) {
  if (u.empty() || !((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z')) return false;
  for (std::size_t i = 1; i < u.size(); ++i) {
    const char c = u[i];
    if (c == ':') return true;
    if (!(util::alnum(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  return false;
}

std::string_view name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// A file GitHub renders as Markdown (github/markup's extensions), whose headings are anchors.
bool markdown_file(std::string_view path) {
  const std::string_view name = name_of(path);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string ext = util::lower(name.substr(dot + 1));
  return ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkdn" || ext == "mkd" || ext == "mdwn";
}

/// README, README.md, readme.markdown ...
bool readme_name(std::string_view name) {
  const std::string n = util::lower(name);
  return n.rfind("readme", 0) == 0 && (n.size() == 6 || n[6] == '.');
}

std::string join(const std::string& dir, const std::string& name) { return dir.empty() ? name : dir + "/" + name; }

/// The README GitHub shows on a folder's page: at the root, the one of .github/, else of the root,
/// else of docs/ (GitHub's order); elsewhere the folder's own. A Markdown one first. Empty: none.
std::string folder_readme(const Workspace& ws, const std::string& dir) {
  std::vector<std::string> places{dir};
  if (dir.empty()) places = {".github", "", "docs"};
  for (const std::string& place : places) {
    std::string any;
    for (const std::string& name : ws.entries(place)) {
      if (!readme_name(name) || ws.kind(join(place, name)) != Workspace::Kind::File) continue;
      if (markdown_file(name)) return join(place, name);
      if (any.empty()) any = join(place, name);
    }
    if (!any.empty()) return any;
  }
  return {};
}

std::string digits(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

/// The candidate closest to `want` when it is close enough to be a typo (at most a quarter of it,
/// at least 1, never all of it) and has the same digits (2026-06-23.md is no typo of
/// 2026-06-27.md, nor v2 of v3); empty otherwise.
std::string nearest(std::string_view want, const std::vector<std::string>& candidates) {
  const std::string w = util::lower(want);
  const std::string numbers = digits(want);
  std::size_t best = std::string::npos;
  std::string out;
  for (const std::string& c : candidates) {
    if (digits(c) != numbers) continue;
    const std::size_t d = util::edit_distance(w, util::lower(c));
    if (d < best) {
      best = d;
      out = c;
    }
  }
  if (best > std::max<std::size_t>(1, w.size() / 4) || best >= w.size()) return {};
  return out;
}

/// The path as the repository spells it when `parts` match it ignoring case; empty otherwise.
std::string spelled_in(const Workspace& ws, const std::vector<std::string>& parts) {
  std::string dir;
  for (const std::string& part : parts) {
    std::string found;
    for (const std::string& name : ws.entries(dir)) {
      if (name == part) {
        found = name;
        break;
      }
      if (found.empty() && util::lower(name) == util::lower(part)) found = name;
    }
    if (found.empty()) return {};
    dir = join(dir, found);
  }
  return dir;
}

/// The anchors of one file: to look up, and in order for suggestions.
struct Anchors {
  std::unordered_set<std::string> ids;
  std::vector<std::string> list;
};

/// Flags relative links and images whose file or folder the repository does not have, and
/// links into another Markdown file whose anchor that file does not have.
class LocalLink final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "local-link",
        "A relative link or image goes to a file or folder the repository does not have (case "
        "matters, as on GitHub), or to an anchor the linked Markdown file does not have.",
        {"links"},
        Severity::Error,
        false,
        {}};
    return kInfo;
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Workspace* ws = ctx.resources.workspace;
    if (!ws) return;
    const std::string& self = ctx.resources.workspace_path;
    const std::size_t slash = self.rfind('/');
    const std::string self_dir = slash == std::string::npos ? "" : self.substr(0, slash);
    std::unordered_map<std::string, Anchors> anchors;  // per file, built once
    for (const Link& l : ctx.model.links) {
      if (l.kind != LinkKind::Inline && l.kind != LinkKind::Reference && l.kind != LinkKind::Html) continue;
      if (l.kind == LinkKind::Html && l.attribute == "srcset") {
        // Candidates "a.png 1x, b.png 2x": each one's URL.
        std::string_view rest = l.url;
        while (!rest.empty()) {
          const std::size_t comma = rest.find(',');
          std::string_view cand = util::trim_blanks(rest.substr(0, comma));
          cand = cand.substr(0, cand.find_first_of(" \t\n"));
          check_one(ctx, *ws, self, self_dir, l, cand, anchors, out);
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
        continue;
      }
      check_one(ctx, *ws, self, self_dir, l, util::trim_blanks(l.url), anchors, out);
    }
  }

 private:
  void check_one(const RuleContext& ctx, const Workspace& ws, const std::string& self, const std::string& self_dir,
                 const Link& l, std::string_view written_url,
                 std::unordered_map<std::string, Anchors>& anchors, Reporter& out) const {
    // In-page anchors are broken-anchor's, addresses the network's, and a destination that reads
    // as a broken address (http//x, www.x.com) link-syntax's: none is a path to look up.
    if (written_url.empty() || written_url[0] == '#' || written_url.substr(0, 2) == "//" || has_scheme(written_url) ||
        !util::unusable_url(written_url).empty())
      return;
    const std::string url(written_url);
    const std::size_t hash = url.find('#');
    const std::size_t query = url.substr(0, hash).find('?');
    const std::string written = url.substr(0, std::min(hash, query));
    if (written.empty()) return;  // "?tab=x": this page
    const std::optional<std::string> fragment =
        hash == std::string::npos ? std::nullopt : std::optional<std::string>(url.substr(hash + 1));
    const std::string path = text::percent_decode(written);

    // Resolved as GitHub does: from the file's folder, or from the repository's root for "/...".
    // A path that climbs above the root leaves the files: GitHub serves the file at
    // github.com/OWNER/REPO/blob/BRANCH/PATH, so "../../issues" from the root is the repository's
    // issues page, "../other-branch/x" a file of another branch. Those are not files to look up.
    std::vector<std::string> parts;
    if (path[0] != '/') {
      std::size_t b = 0;
      while (b < self_dir.size()) {
        std::size_t e = self_dir.find('/', b);
        if (e == std::string::npos) e = self_dir.size();
        if (e > b) parts.push_back(self_dir.substr(b, e - b));
        b = e + 1;
      }
    }
    for (std::size_t b = 0; b <= path.size();) {
      std::size_t e = path.find('/', b);
      if (e == std::string::npos) e = path.size();
      const std::string part = path.substr(b, e - b);
      if (part == "..") {
        if (parts.empty()) return;  // above the root: a GitHub page, not a file
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      b = e + 1;
    }
    std::string target;
    for (const std::string& p : parts) target = join(target, p);

    const std::string what = std::string(l.image ? "Image" : "Link") + (l.text.empty() ? "" : " " + util::quote(l.text));
    const Workspace::Kind kind = ws.kind(target);
    if (kind == Workspace::Kind::Missing) {
      const std::string spelled = spelled_in(ws, parts);
      if (!spelled.empty()) {
        out.report(l.span, what + " goes to " + url + ", but the repository has no " + target +
                               ": GitHub matches names by case, and it is spelled " + spelled);
      } else {
        // A name one typo away in the deepest folder that exists.
        std::string dir, hint;
        for (std::size_t i = 0; i < parts.size(); ++i) {
          if (ws.kind(join(dir, parts[i])) == Workspace::Kind::Directory && i + 1 < parts.size()) {
            dir = join(dir, parts[i]);
            continue;
          }
          if (const std::string near = nearest(parts[i], ws.entries(dir)); !near.empty())
            hint = "; did you mean " + join(dir, near) + "?";
          break;
        }
        out.report(l.span, what + " goes to " + url + ", but the repository has no file or folder " + target +
                               (path[0] == '/' ? " (a path starting with / is taken from the repository's root)" : "") +
                               hint);
      }
      return;
    }
    if (!fragment || fragment->empty()) return;
    if (url.find("plain=1") != std::string::npos) return;  // line anchors of the source view

    // The Markdown file whose anchors the fragment names: the file, or the README of a folder.
    std::string anchored = target;
    if (kind == Workspace::Kind::Directory) {
      anchored = folder_readme(ws, target);
      if (anchored.empty()) {
        out.report(l.span, what + " goes to " + url + ", but GitHub shows no README on the page of " +
                               (target.empty() ? std::string("the repository") : "the folder " + target) +
                               ", so nothing there has the anchor #" + *fragment);
        return;
      }
    }
    if (!markdown_file(anchored)) return;  // a source file's #L10, or a page that is not Markdown
    const std::string frag = text::percent_decode(*fragment);
    const std::string_view prefix = "user-content-";
    const std::string resolved = util::lower(frag).rfind(prefix, 0) == 0 ? frag.substr(prefix.size()) : frag;
    if (resolved == "top") return;
    // #readme: the box that shows a README on a folder's page.
    if (util::lower(resolved) == "readme" && (kind == Workspace::Kind::Directory || readme_name(name_of(anchored))))
      return;
    auto it = anchors.find(anchored);
    if (it == anchors.end()) {
      std::shared_ptr<const ListModel> held;
      const ListModel* m = nullptr;
      if (anchored == self) {
        m = &ctx.model;  // the file being linted, as it is now
      } else {
        held = ws.model(anchored);
        m = held.get();
      }
      if (!m) return;  // unreadable: nothing to say about its anchors
      Anchors set;
      for (const Section& s : m->sections) {
        set.ids.insert(s.anchor);
        set.list.push_back(s.anchor);
      }
      for (const HtmlAnchor& a : m->html_anchors) {
        set.ids.insert(a.id);
        set.list.push_back(a.id);
      }
      it = anchors.emplace(anchored, std::move(set)).first;
    }
    if (it->second.ids.count(resolved) || it->second.ids.count(util::lower(resolved))) return;
    const std::string near = nearest(resolved, it->second.list);
    out.report(l.span, what + " goes to " + url + ", but no heading or id in " + anchored + " has the anchor #" + frag +
                           (near.empty() ? "" : "; did you mean #" + near + "?"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_local_link() { return std::make_unique<LocalLink>(); }

}  // namespace listlint::rules
