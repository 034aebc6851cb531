#!/usr/bin/env python3
"""Grow the proper-name table from the corpora.

  tools/names/mine.py              count every candidate of tools/names/candidates.tsv over the
                                   corpora and write rules/proper-names.tsv (the built-in table,
                                   compiled into listlint) with the counts as its source column
  tools/names/mine.py --discover   print words of the corpora written in two or more mixed-case
                                   forms (GitHub/Github) that are not in the candidates: ideas for
                                   new rows, to judge by hand

A candidate becomes a row when its right spelling is written in the corpora's prose at least once.
Its variants are kept as the candidates list them (each one chosen by hand as a slip, never a word
or a name of its own); the counts say how often each is met. The text is read the way the rule
reads it: fenced code, code spans, HTML tags, link and image targets, reference definitions and
URLs are left out; names in all capitals are not counted as wrong.

Options: --corpus DIR (repeatable; default ../shared/corpus and ../shared/corpus2, or
$LISTLINT_CORPUS and $LISTLINT_CORPUS2), --out FILE (default rules/proper-names.tsv).
The corpora are read, never copied.
"""
import argparse
import collections
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CANDIDATES = os.path.join(ROOT, "tools", "names", "candidates.tsv")


sys.path.insert(0, os.path.join(ROOT, "tools", "ecosystem"))
from run import corpora  # noqa: E402  (the corpus folders, found as the ecosystem run finds them)


FENCE = re.compile(r"^ {0,3}(```+|~~~+).*?^ {0,3}\1[^\n]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
TAG = re.compile(r"<[^<>\n]*>")
TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")


def prose(text):
    """The text the rule reads, with everything it never looks at blanked out (lines kept)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    for pattern in (FENCE, CODE_SPAN, DEFINITION, TARGET, TAG, URL):
        text = pattern.sub(blank, text)
    return text


def alnum(c):
    return c.isascii() and c.isalnum()


def whole_word(t, b, e):
    """The rule's boundaries: not inside a word, domain, path, handle or identifier."""
    before = t[b - 1] if b > 0 else " "
    after = t[e] if e < len(t) else " "
    after2 = t[e + 1] if e + 1 < len(t) else " "
    if alnum(before) or before in "_./@-#:":
        return False
    if alnum(after) or after == "_" or (after in "./-@:" and alnum(after2)):
        return False
    return True


def pattern_of(spelling, any_case):
    words = [re.escape(w) for w in spelling.split(" ")]
    return re.compile(" +".join(words), re.I if any_case else 0)


def count(texts, spelling, any_case, want, longer=()):
    """Places where spelling is written (any case, or as written) and differs from want, by list.
    A place where one of the longer spellings matches too is theirs (Mac OS X is not Mac OS + X)."""
    pat = pattern_of(spelling, any_case)
    right = wrong = 0
    lists = set()
    for name, t in texts:
        for m in pat.finditer(t):
            if not whole_word(t, m.start(), m.end()):
                continue
            if any((o := p.match(t, m.start())) and o.end() > m.end() and whole_word(t, o.start(), o.end())
                   for p in longer):
                continue
            got = m.group(0)
            if got == want:
                right += 1
                continue
            if not any(c.islower() for c in got) and any(c.islower() for c in spelling):
                continue  # all capitals: never reported (unless the spelling is, OSX)
            wrong += 1
            lists.add(name)
    return right, wrong, len(lists)


def read_candidates():
    rows = []
    with open(CANDIDATES, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, variants, note = (line.split("\t") + ["", ""])[:3]
            vs, seen = [], {name.lower()}
            for v in (v.strip() for v in variants.split(",")):
                # A variant of one word matches in any case: one row per word is enough.
                if v and (" " in v or v.lower() not in seen):
                    vs.append(v)
                    seen.add(v.lower())
            rows.append((name, vs, note))
    names = {n.lower(): n for n, _, _ in rows}
    for n, vs, _ in rows:
        for v in vs:
            if v.lower() in names:
                sys.exit(f"mine: {v}, a variant of {n}, is the name {names[v.lower()]}")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--out", default=os.path.join(ROOT, "rules", "proper-names.tsv"))
    ap.add_argument("--discover", action="store_true")
    args = ap.parse_args()
    files = sorted(f for d in corpora(args) for f in glob.glob(os.path.join(d, "*.md"))
                   if os.path.basename(f) not in ("MANIFEST.md", "NOTES.md"))
    if not files:
        sys.exit("mine: no corpus")
    texts = [(os.path.basename(f), prose(open(f, encoding="utf-8", errors="replace").read())) for f in files]
    candidates = read_candidates()

    if args.discover:
        known = {n.lower() for n, _, _ in candidates}
        forms = collections.defaultdict(collections.Counter)
        for _, t in texts:
            for m in re.finditer(r"(?<![\w./@#:-])[A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w@])", t):
                if any(c.islower() for c in m.group(0)):  # mixed case, not capitals
                    forms[m.group(0).lower()][m.group(0)] += 1
            for m in re.finditer(r"(?<![\w./@#:-])[a-z][a-z0-9]+(?![\w@])", t):
                if m.group(0) in forms:
                    forms[m.group(0)][m.group(0)] += 1
        mixed = lambda c: sum(n for f, n in c.items() if f.lower() != f and f.upper() != f)
        for low, c in sorted(forms.items(), key=lambda kv: -mixed(kv[1])):
            if low in known or len(c) < 2:
                continue
            print(low, dict(c.most_common()))
        return

    out = ["# The built-in table of proper-name (compiled into listlint by rules/CMakeLists.txt).",
           "# Written by tools/names/mine.py from tools/names/candidates.tsv and the corpora: edit the",
           "# candidates and run the script again rather than editing this file.",
           "# name\tvariants\tsource: right/wrong-case places in the corpora (lists), each variant's places, note"]
    kept = dropped = 0
    spellings = [(s, " " not in s or s == n) for n, vs, _ in candidates for s in [n] + vs]

    def longer(s):
        return [pattern_of(o, any_case) for o, any_case in spellings
                if len(o) > len(s) and o.lower().startswith(s.lower().split(" ")[0])]

    for name, variants, note in candidates:
        right, wrong, lists = count(texts, name, True, name, longer(name))
        if right == 0:
            dropped += 1
            print(f"mine: {name}: never written right in the corpora, left out", file=sys.stderr)
            continue
        kept += 1
        source = [f"{right} right, {wrong} wrong case in {lists} lists"]
        for v in variants:
            _, n, vl = count(texts, v, " " not in v, name, longer(v))
            source.append(f"{v} {n}" + (f" in {vl} lists" if n else ""))
        if note:
            source.append(note)
        out.append("\t".join([name, ", ".join(variants), "; ".join(source)]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"mine: {kept} names written to {os.path.relpath(args.out, ROOT)}, {dropped} left out ({len(files)} lists)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
