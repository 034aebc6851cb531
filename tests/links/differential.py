#!/usr/bin/env python3
"""The links of `listlint model` against the links cmark-gfm renders (the oracle).

For every Markdown fixture of the repository and every list of ../shared/corpus and
../shared/corpus2, the URLs of cmark-gfm's HTML (rendered as GitHub renders before sanitising:
tests/links/cmark_html.cpp) are compared with the URLs of `listlint model`: a[href], area[href],
img/source/video/audio[src] and every candidate of img/source[srcset]. The two must be the same
multiset per file, except for the differences tests/links/allow.tsv explains: each of its rows
names the side that holds the extra URL (oracle or model), a regular expression on the URL or on
the model link's kind, and why the difference is right. A row that explains nothing is an error
too (when the corpora are there), so the allow-list stays short and true.

  differential.py --render build/tests/listlint-cmark-html --exe build/tools/listlint [--verbose]

Exit 0 when every difference is explained, 1 otherwise (each unexplained difference printed).
URLs are compared percent-decoded: cmark-gfm percent-encodes a Markdown destination for href
(`\\` as %5C, spaces, non-ASCII bytes), while raw HTML attributes pass through as written.
"""
import argparse
import collections
import html
import html.entities
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALLOW = os.path.join(ROOT, "tests", "links", "allow.tsv")

URL_ATTRS = {("a", "href"), ("area", "href"), ("img", "src"), ("source", "src"), ("video", "src"),
             ("audio", "src")}
SRCSET_TAGS = {"img", "source"}


def srcset_candidates(value):
    """The URLs of a srcset attribute, as the HTML standard parses it (image candidate strings)."""
    out, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        j = i
        while j < n and not value[j].isspace():
            j += 1
        url = value[i:j]
        if not url:
            break
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while j < n and (value[j] != "," or depth > 0):
                depth += value[j] == "("
                depth -= value[j] == ")" and depth > 0
                j += 1
        if url:
            out.append(url)
        i = j
    return out


ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def unescape_attribute(value):
    """Character references in an attribute value, as the HTML standard decodes them: a named one
    without its ';' followed by a letter, digit or '=' stays as written (`&section=2` in a URL is
    not `§ion=2`), which Python's html.unescape does not know."""
    def one(m):
        ref = m.group(1)
        if ref.startswith("#") or ref.endswith(";"):
            return html.unescape(m.group(0))
        for k in range(len(ref), 0, -1):  # the longest legacy name (no ';') that is a prefix
            if ref[:k] in html.entities.html5:
                after = ref[k:] or value[m.end():m.end() + 1]
                if after and (after[0].isalnum() or after[0] == "="):
                    return m.group(0)
                return html.entities.html5[ref[:k]] + ref[k:]
        return m.group(0)
    return ENTITY.sub(one, value)


# html.parser decodes attribute values with html.unescape; use the standard's rule instead.
html.parser.unescape = unescape_attribute


class Collector(html.parser.HTMLParser):
    """The URLs of rendered HTML, each with a context: "" or what makes it special
    ("footnote": cmark-gfm's footnote links; "nested-a": an <a href> inside an open <a>)."""

    def __init__(self, context=""):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.context = context
        self.a_depth = 0

    def _tag(self, tag, attrs, self_closing):
        names = {name for name, _ in attrs}
        context = self.context
        if tag == "a":
            if "data-footnote-ref" in names or "data-footnote-backref" in names:
                context = context or "footnote"
            elif self.a_depth > 0:
                context = context or "nested-a"
            if not self_closing:
                self.a_depth += 1
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in URL_ATTRS:
                self.urls.append((value.strip(), context))
            elif name == "srcset" and tag in SRCSET_TAGS:
                self.urls.extend((u, context) for u in srcset_candidates(value))

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag == "a" and self.a_depth > 0:
            self.a_depth -= 1


def canon(url):
    """A URL percent-decoded, with each run of bytes that are not UTF-8 as one U+FFFD (as the
    model writes them)."""
    text = urllib.parse.unquote_to_bytes(url).decode("utf-8", errors="replace")
    return re.sub("\ufffd+", "\ufffd", text)


def front_matter_lines(data):
    """How many lines YAML front matter takes at the start ("---" ... "---" or "..."), else 0.
    GitHub shows front matter as a table of its fields, not as Markdown; listlint blanks it."""
    lines = data.split(b"\n")
    if not lines or lines[0].rstrip(b"\r") != b"---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip(b"\r") in (b"---", b"..."):
            return i + 1
    return 0


def render(render_exe, data):
    with tempfile.NamedTemporaryFile(suffix=".md") as f:
        f.write(data)
        f.flush()
        proc = subprocess.run([render_exe, f.name], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit(f"differential: the renderer failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode("utf-8", errors="replace")


def oracle_urls(render_exe, path):
    with open(path, "rb") as f:
        data = f.read()
    out = []
    n = front_matter_lines(data)
    if n:
        lines = data.split(b"\n")
        c = Collector("front-matter")
        c.feed(render(render_exe, b"\n".join(lines[:n])))
        c.close()
        out += c.urls
        data = b"\n".join([b""] * n + lines[n:])
    c = Collector()
    c.feed(render(render_exe, data))
    c.close()
    return out + c.urls


def model_links(exe, path):
    proc = subprocess.run([exe, "model", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode == 2 and b"binary file" in proc.stderr:
        return None  # a fuzz input that is not text: listlint refuses it, as it should
    if proc.returncode != 0:
        sys.exit(f"differential: {path}: listlint model exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace').strip()}")
    return json.loads(proc.stdout.decode("utf-8", errors="replace"))["links"]


def read_allow():
    rows = []
    with open(ALLOW, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4 or cols[0] not in ("oracle", "model") or cols[1] not in ("url", "kind", "context"):
                sys.exit(f"differential: {ALLOW}:{n}: want side (oracle|model), field (url|kind|context), "
                         "regular expression, reason")
            if (cols[0], cols[1]) in (("oracle", "kind"), ("model", "context")):
                sys.exit(f"differential: {ALLOW}:{n}: oracle URLs have a context, model links a kind")
            rows.append({"line": n, "side": cols[0], "field": cols[1], "re": re.compile(cols[2]),
                         "reason": cols[3], "used": 0})
    return rows


def files_to_check(corpora):
    out = []
    for base, _, names in os.walk(os.path.join(ROOT, "fixtures")):
        out += [os.path.join(base, n) for n in names if n.endswith(".md")]
    present = []
    for c in corpora:
        if os.path.isdir(c):
            present.append(c)
            out += sorted(os.path.join(c, n) for n in os.listdir(c)
                          if n.endswith(".md") and n not in ("MANIFEST.md", "NOTES.md"))
    return sorted(out), present


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render", required=True)
    ap.add_argument("--exe", required=True)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    shared = os.path.join(os.path.dirname(ROOT), "shared")
    corpora = args.corpus or [os.environ.get("LISTLINT_CORPUS", os.path.join(shared, "corpus")),
                              os.environ.get("LISTLINT_CORPUS2", os.path.join(shared, "corpus2"))]
    allow = read_allow()
    files, present = files_to_check(corpora)
    if len(present) < len(corpora):
        print("differential: corpora absent, checking the fixtures only:",
              ", ".join(c for c in corpora if c not in present))
    unexplained, total_oracle, total_model, skipped = [], 0, 0, 0
    for path in files:
        links = model_links(args.exe, path)
        if links is None:
            skipped += 1
            continue
        rendered = oracle_urls(args.render, path)
        oracle = collections.Counter(canon(u) for u, _ in rendered)
        contexts = collections.defaultdict(set)
        for u, c in rendered:
            contexts[canon(u)].add(c)
        model = collections.Counter(canon(l["url"]) for l in links)
        kinds = collections.defaultdict(set)
        for l in links:
            kinds[canon(l["url"])].add(l.get("kind", ""))
        total_oracle += sum(oracle.values())
        total_model += sum(model.values())
        for url in sorted(set(oracle) | set(model)):
            extra = oracle[url] - model[url]
            side = "oracle" if extra > 0 else "model"
            if extra == 0:
                continue
            row = None
            for r in allow:
                if r["side"] != side:
                    continue
                if r["field"] == "url" and r["re"].search(url):
                    row = r
                elif r["field"] == "kind" and any(r["re"].fullmatch(k) for k in kinds[url]):
                    row = r
                elif r["field"] == "context" and any(r["re"].fullmatch(c) for c in contexts[url] if c):
                    row = r
                if row:
                    break
            if row:
                row["used"] += abs(extra)
                if args.verbose:
                    print(f"  allowed ({ALLOW}:{row['line']}) {os.path.relpath(path, ROOT)}: {side} +{abs(extra)} {url}")
            else:
                unexplained.append(f"{os.path.relpath(path, os.path.dirname(ROOT))}: only in {side} "
                                   f"(x{abs(extra)}, kinds {sorted(kinds[url]) or '-'}, contexts "
                                   f"{sorted(contexts[url]) or '-'}): {url}")
    for u in unexplained:
        print("differential:", u)
    unused = [r for r in allow if r["used"] == 0]
    print(f"differential: {len(files) - skipped} files ({skipped} binary fuzz inputs skipped), {total_oracle} oracle URLs, {total_model} model URLs, "
          f"{len(unexplained)} unexplained differences; allow-list rows used: "
          + ", ".join(f"line {r['line']} x{r['used']}" for r in allow))
    failed = bool(unexplained)
    if unused and len(present) == len(corpora):
        for r in unused:
            print(f"differential: {ALLOW}:{r['line']}: explains no difference: remove it")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
