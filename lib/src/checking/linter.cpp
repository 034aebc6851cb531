#include "listlint/checking/linter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "listlint/checking/parallel.h"
#include "listlint/checking/profile.h"
#include "listlint/model/text.h"

namespace listlint {

// ------------------------------------------------------------------------------------------------
// directives

const std::vector<std::pair<std::string, DirectiveSyntax::Kind>>& directive_keywords() {
  static const std::vector<std::pair<std::string, DirectiveSyntax::Kind>> kWords = {
      {"listlint-disable-next-line", DirectiveSyntax::NextLine},
      {"listlint-disable-line", DirectiveSyntax::Line},
      {"listlint-disable-file", DirectiveSyntax::File},
      {"listlint-disable", DirectiveSyntax::Disable},
      {"listlint-enable", DirectiveSyntax::Enable}};
  return kWords;
}

std::optional<DirectiveSyntax> parse_directive(std::string_view t) {
  for (const auto& [word, kind] : directive_keywords()) {
    if (t.rfind(word, 0) != 0) continue;
    const std::string_view after = t.substr(word.size());
    if (!after.empty() && after[0] != ' ' && after[0] != '\t' && after[0] != '\n' && after[0] != '\r') continue;
    DirectiveSyntax d;
    d.kind = kind;
    d.keyword = word;
    // Ids separated by blanks or commas.
    for (std::size_t i = word.size(); i < t.size();) {
      const char ch = t[i];
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ',') {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\t' && t[j] != '\n' && t[j] != '\r' && t[j] != ',') ++j;
      d.ids.push_back({std::string(t.substr(i, j - i)), i});
      i = j;
    }
    return d;
  }
  return std::nullopt;
}

Directives::Directives(const ListModel& model) {
  for (const Comment& c : model.comments) {
    const auto d = parse_directive(c.text);
    if (!d) continue;
    Item item{};
    item.kind = d->kind;
    item.comment = &c;
    item.line = d->kind == DirectiveSyntax::NextLine ? c.span.end.line + 1 : c.span.begin.line;
    item.last = c.span.end.line;
    for (const auto& id : d->ids) item.ids.push_back(id.id);
    items_.push_back(std::move(item));
  }
  std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) { return a.line < b.line; });
  used_.assign(items_.size(), 0);
}

bool Directives::suppressed(const std::string& rule, int line) const {
  auto names = [&](const Item& i) {
    return i.ids.empty() || std::find(i.ids.begin(), i.ids.end(), rule) != i.ids.end();
  };
  std::size_t in_effect = items_.size();  // the last Disable/Enable naming the rule, before the line
  for (std::size_t k = 0; k < items_.size(); ++k) {
    const Item& i = items_[k];
    if (i.kind == DirectiveSyntax::File && names(i)) {
      used_[k] = 1;
      return true;
    }
    if (i.kind == DirectiveSyntax::NextLine || i.kind == DirectiveSyntax::Line) {
      const int last = i.kind == DirectiveSyntax::Line ? i.last : i.line;
      if (line >= i.line && line <= last && names(i)) {
        used_[k] = 1;
        return true;
      }
      continue;
    }
    if (i.line > line) continue;
    if (!names(i)) continue;
    in_effect = k;
  }
  if (in_effect < items_.size() && items_[in_effect].kind == DirectiveSyntax::Disable) {
    used_[in_effect] = 1;
    return true;
  }
  return false;
}

std::vector<const Comment*> Directives::unused() const {
  std::vector<const Comment*> out;
  for (std::size_t k = 0; k < items_.size(); ++k)
    if (!used_[k] && items_[k].kind != DirectiveSyntax::Enable) out.push_back(items_[k].comment);
  std::sort(out.begin(), out.end(), [](const Comment* a, const Comment* b) { return a->span.bytes.begin < b->span.bytes.begin; });
  return out;
}

// ------------------------------------------------------------------------------------------------
// lint

namespace {

class Collector final : public Reporter {
 public:
  Collector(std::string rule, Severity severity, std::vector<Diagnostic>& out)
      : rule_(std::move(rule)), severity_(severity), out_(out) {}
  void report(const Span& range, std::string message, std::optional<Fix> fix, bool at_most_warning) override {
    Diagnostic d;
    d.rule = rule_;
    d.severity = at_most_warning && severity_ == Severity::Error ? Severity::Warning : severity_;
    d.range = range;
    d.message = std::move(message);
    d.fix = std::move(fix);
    out_.push_back(std::move(d));
  }

 private:
  std::string rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

std::vector<Diagnostic> lint(const Document& doc, const ListModel& model, const Config& config,
                             const std::vector<const Rule*>& rules, const Resources& resources) {
  std::vector<Diagnostic> all;
  const Directives directives(model);
  // The enabled rules, each with its own findings: run one after the other, or on the threads
  // the document may use (rules are pure), and merged in their order either way.
  struct Run {
    const Rule* rule;
    Severity severity;
    nlohmann::json options;
    std::vector<Diagnostic> found;
  };
  std::vector<Run> runs;
  for (const Rule* rule : rules) {
    const auto it = config.rules.find(rule->info().id);
    const RuleSetting* setting = it == config.rules.end() ? nullptr : &it->second;
    const Severity severity = setting ? setting->severity : rule->info().default_severity;
    if (severity == Severity::Off) continue;
    runs.push_back({rule, severity, setting ? setting->options : rule->info().default_options(), {}});
  }
  auto run = [&](Run& r) {
    Collector sink(r.rule->info().id, r.severity, r.found);
    Stopwatch clock(resources.profile);
    r.rule->check(RuleContext{doc, model, r.options, resources}, sink);
    if (resources.profile) resources.profile->add("rule: " + r.rule->info().id, clock.lap());
  };
  if (resources.threads > 1 && runs.size() > 1) {
    // The rules that read every word (spelling) take longest: they start first.
    std::vector<std::size_t> order(runs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
      const auto& tags = runs[i].rule->info().tags;
      return std::find(tags.begin(), tags.end(), "spelling") != tags.end();
    });
    parallel_for(order.size(), std::min<unsigned>(resources.threads, static_cast<unsigned>(order.size())),
                 [&](std::size_t i) { run(runs[order[i]]); });
  } else {
    for (Run& r : runs) run(r);
  }
  for (Run& r : runs) {
    std::vector<Diagnostic>& found = r.found;
    for (auto& d : found) {
      // A fix of several edits (one finding for a spelling repeated through the file) keeps only
      // the edits on lines where the rule is not switched off; the finding moves to the first line
      // that is left, or goes when none is.
      if (d.fix && d.fix->edits.size() > 1) {
        auto& edits = d.fix->edits;
        edits.erase(std::remove_if(edits.begin(), edits.end(),
                                   [&](const TextEdit& e) {
                                     return directives.suppressed(d.rule, doc.lines().line_of(e.begin));
                                   }),
                    edits.end());
        if (edits.empty()) continue;
        if (directives.suppressed(d.rule, d.range.begin.line)) {
          const TextEdit& first = *std::min_element(edits.begin(), edits.end(),
                                                    [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
          d.range = doc.lines().span(first.begin, first.end);
        }
        all.push_back(std::move(d));
        continue;
      }
      if (!directives.suppressed(d.rule, d.range.begin.line)) all.push_back(std::move(d));
    }
  }
  // Directives that silenced nothing: stale after a fix, or naming a rule that is off.
  if (config.report_unused_directives)
    for (const Comment* c : directives.unused()) {
      Diagnostic d;
      d.rule = "directive";
      d.severity = Severity::Warning;
      d.range = c->span;
      d.message = "This directive silences nothing (no finding of the rules it names is on the lines it covers): "
                  "remove it";
      all.push_back(std::move(d));
    }
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.begin.line != b.range.begin.line) return a.range.begin.line < b.range.begin.line;
    if (a.range.begin.column != b.range.begin.column) return a.range.begin.column < b.range.begin.column;
    return a.rule < b.rule;
  });
  return all;
}

// ------------------------------------------------------------------------------------------------
// fixes

std::string apply_fixes(std::string_view bytes, const std::vector<Diagnostic>& diagnostics, int* applied) {
  struct Candidate {
    std::size_t begin, end;
    const Fix* fix;
  };
  std::vector<Candidate> fixes;
  for (const auto& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    std::size_t b = bytes.size(), e = 0;
    bool valid = true;
    for (const auto& ed : d.fix->edits) {
      if (ed.begin > ed.end || ed.end > bytes.size()) valid = false;
      else if (ed.expected && bytes.substr(ed.begin, ed.end - ed.begin) != *ed.expected) valid = false;
      b = std::min(b, ed.begin);
      e = std::max(e, ed.end);
    }
    if (valid) fixes.push_back({b, e, &*d.fix});
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  // Keep a fix when none of its edits touches an edit of a fix kept before (a fix of a spelling
  // repeated through the file spans the file, and must not hold back the fixes between its edits).
  // Adjacent replacements are fine; two insertions at one point would be ambiguous.
  std::map<std::size_t, std::size_t> kept;  // begin -> end of every kept edit
  auto clashes = [&](const TextEdit& ed) {
    auto it = kept.upper_bound(ed.begin);
    if (it != kept.end() && it->first < ed.end) return true;  // a kept edit starts inside this one
    if (it != kept.begin()) {
      --it;
      if (it->second > ed.begin) return true;                                   // overlaps its end
      if (it->first == ed.begin && (it->first == it->second || ed.begin == ed.end)) return true;  // insertions at one point
    }
    return false;
  };
  std::vector<TextEdit> edits;
  int count = 0;
  for (const auto& c : fixes) {
    bool clash = false;
    for (const auto& ed : c.fix->edits) clash |= clashes(ed);
    if (clash) continue;
    for (const auto& ed : c.fix->edits) {
      edits.push_back(ed);
      kept.emplace(ed.begin, ed.end);
    }
    ++count;
  }
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(bytes.size() + 64);
  std::size_t pos = 0;
  for (const auto& ed : edits) {
    if (ed.begin < pos) continue;  // overlapping edits inside one fix: keep the first
    out.append(bytes.substr(pos, ed.begin - pos));
    out += ed.replacement;
    pos = ed.end;
  }
  out.append(bytes.substr(pos));
  if (applied) *applied = count;
  return out;
}

FixResult fix_document(const std::string& path, std::string bytes, const Config& config,
                       const std::vector<const Rule*>& rules, const Resources& resources, int max_passes) {
  FixResult r;
  for (;;) {
    Document doc(path, bytes);
    const ListModel model = build_model(doc);
    r.remaining = lint(doc, model, config, rules, resources);
    const bool fixable = std::any_of(r.remaining.begin(), r.remaining.end(), [](const Diagnostic& d) { return d.fix.has_value(); });
    if (fixable && r.passes >= max_passes) {
      // Still fixable after the last pass: unless nothing of it applies any more, the fixes go
      // round in circles, and what they wrote is not to be trusted.
      int applied = 0;
      if (apply_fixes(bytes, r.remaining, &applied) != bytes && applied > 0) {
        std::string rules_named;
        for (const auto& d : r.remaining)
          if (d.fix && rules_named.find(d.rule) == std::string::npos) rules_named += (rules_named.empty() ? "" : ", ") + d.rule;
        r.not_converged = "the fixes of " + rules_named + " did not settle after " + std::to_string(max_passes) +
                          " passes; the file was not written (please report this)";
      }
      break;
    }
    if (!fixable) break;
    // Mended directives go first, alone: they decide what the other rules may report (a typo
    // fix must not rewrite the word a misspelled listlint-disable-next-line meant to keep).
    std::vector<Diagnostic> directive_fixes;
    for (const auto& d : r.remaining)
      if (d.fix && d.rule == "directive") directive_fixes.push_back(d);
    int applied = 0;
    std::string next = directive_fixes.empty() ? bytes : apply_fixes(bytes, directive_fixes, &applied);
    if (applied == 0) next = apply_fixes(bytes, r.remaining, &applied);  // none, or none applies
    if (applied == 0 || next == bytes) break;
    bytes = std::move(next);
    r.applied += applied;
    ++r.passes;
  }
  r.bytes = std::move(bytes);
  return r;
}

std::optional<std::string> write_file_atomic(const std::string& path, std::string_view bytes, bool create) {
  namespace fs = std::filesystem;
  struct stat st {};
  bool fresh = false;
  if (::stat(path.c_str(), &st) != 0) {
    if (!(create && errno == ENOENT)) return std::string(std::strerror(errno));
    // A new file gets the permissions open() would give it.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    st.st_mode = S_IFREG | (0666 & ~mask);
    fresh = true;
  }
  if (!S_ISREG(st.st_mode)) return std::string("not a regular file");
  // A read-only file stays untouched, even for root (who could rename over it).
  if (!fresh && ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0))
    return std::string("file is read-only; not fixed");
  const fs::path p(path);
  const std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  std::string tmpl = dir + "/." + p.filename().string() + ".listlint-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return "cannot create a temporary file in " + dir + ": " + std::strerror(errno);
  auto fail = [&](const std::string& what) {
    const std::string reason = what + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return reason;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the temporary file");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
  if (!fresh && ::geteuid() == 0) (void)!::fchown(fd, st.st_uid, st.st_gid);
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    const std::string reason = std::string("cannot close the temporary file: ") + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return reason;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string reason = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(tmpl.c_str());
    return reason;
  }
  // Make the rename durable too.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

}  // namespace listlint
