#!/usr/bin/env python3
"""The ecosystem check: listlint over every real list of ../shared/corpus and ../shared/corpus2.

  tools/ecosystem/run.py            run, write build/ecosystem/{report.md,findings.tsv}, print the
                                    totals and what changed against the accepted run
  tools/ecosystem/run.py --accept   ... and make this run the accepted one (tests/ecosystem/accepted.tsv)
  tools/ecosystem/run.py --check    exit 1 when a finding that needs a verdict has no triage row, a
                                    triage row matches no finding, or the findings differ from the
                                    accepted run (the test in the README's test command)

Every error, and every warning of the rules in TRIAGED, needs a row in tests/ecosystem/triage.tsv:
list, line, column, rule, verdict (true | false | style), reason. The run reports the share of
each group labelled true.

Options: --exe PATH (default build/tools/listlint), --corpus DIR (repeatable; default
../shared/corpus and ../shared/corpus2, or $LISTLINT_CORPUS and $LISTLINT_CORPUS2), --out DIR.
Exit 77 (skipped) when no corpus is there.

The rules in OFF are switched off: local-link, because each list is staged alone (the corpus holds
only the list files), so every link to another file of its repository would look missing.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRIAGED = ("typo", "proper-name", "duplicate-link", "duplicate-entry", "missing-link", "vague-link-text",
           "unused-definition", "toc",
           "entry-format")
ACCEPTED = os.path.join(ROOT, "tests", "ecosystem", "accepted.tsv")
TRIAGE = os.path.join(ROOT, "tests", "ecosystem", "triage.tsv")
VERDICTS = ("true", "false", "style")
# Rules that cannot be judged on a list staged without its repository (see the docstring).
OFF = ("local-link",)


def corpora(args):
    if args.corpus:
        return args.corpus
    shared = os.path.join(os.path.dirname(ROOT), "shared")
    return [os.environ.get("LISTLINT_CORPUS", os.path.join(shared, "corpus")),
            os.environ.get("LISTLINT_CORPUS2", os.path.join(shared, "corpus2"))]


def run_listlint(exe, files):
    proc = subprocess.run([exe, "check", "--format", "json", "--color", "never", "--disable", ",".join(OFF), *files],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode > 1:
        sys.exit(f"ecosystem: listlint exited {proc.returncode}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def key_of(row):
    return (row["list"], int(row["line"]), int(row["col"]), row["rule"])


def read_tsv(path, columns):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("list\t"):
                continue
            parts = line.split("\t")
            if len(parts) < len(columns):
                sys.exit(f"ecosystem: {path}:{n}: expected {len(columns)} tab-separated columns, got {len(parts)}")
            rows.append(dict(zip(columns, parts[:len(columns)])))
    return rows


def needs_verdict(f):
    return f["severity"] == "error" or f["rule"] in TRIAGED


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "tools", "listlint"))
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "ecosystem"))
    ap.add_argument("--accept", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    dirs = [d for d in corpora(args) if os.path.isdir(d)]
    files = sorted(os.path.join(d, n) for d in dirs for n in os.listdir(d) if n.count("__") >= 2 and n.endswith(".md"))
    if not files:
        print("SKIPPED: no corpus at " + ", ".join(corpora(args)))
        return 77
    if not os.access(args.exe, os.X_OK):
        sys.exit(f"ecosystem: {args.exe}: not built (tools/dev.sh example)")

    # Each list is linted under the name it has in its repository (OWNER__REPO__PATH names the
    # file PATH, with '/' written '__'): rules that read the file's name (a README's #readme) see it.
    staged = os.path.join(args.out, "lists")
    shutil.rmtree(staged, ignore_errors=True)
    name_of = {}
    for path in files:
        owner, repo, rest = os.path.basename(path).split("__", 2)
        corpus = os.path.dirname(path)
        real = os.path.join(staged, f"{dirs.index(corpus)}-{os.path.basename(corpus)}", owner + "__" + repo,
                            *rest.split("__"))
        os.makedirs(os.path.dirname(real), exist_ok=True)
        os.symlink(os.path.abspath(path), real)
        name_of[real] = os.path.basename(os.path.dirname(path)) + "/" + os.path.basename(path)
    report = run_listlint(args.exe, sorted(name_of))
    findings, lines_of = [], {}
    for f in report["files"]:
        path = f["path"]
        name = name_of[path]
        with open(path, "rb") as fh:
            lines_of[name] = fh.read().count(b"\n") or 1
        for d in f["diagnostics"]:
            findings.append({"list": name, "line": d["line"], "col": d["column"], "rule": d["rule"],
                             "severity": d["severity"], "message": d["message"]})

    # Per list and per rule.
    per_list = collections.defaultdict(collections.Counter)
    per_rule = collections.defaultdict(collections.Counter)
    for f in findings:
        per_list[f["list"]][f["severity"]] += 1
        per_list[f["list"]]["rule:" + f["rule"]] += 1
        per_rule[f["rule"]][f["severity"]] += 1
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "findings.tsv"), "w", encoding="utf-8") as out:
        out.write("list\tline\tcol\trule\tseverity\tmessage\n")
        for f in findings:
            out.write(f"{f['list']}\t{f['line']}\t{f['col']}\t{f['rule']}\t{f['severity']}\t{f['message']}\n")
    md = ["# Ecosystem run", "", f"{len(files)} lists, {sum(lines_of.values())} lines.", "",
          f"Switched off: {', '.join(OFF)} (each list is staged alone, without the other files of its "
          "repository, so its links to them would all look missing).", "",
          "| list | lines | errors | errors / 1,000 lines | warnings | by rule |", "|---|---:|---:|---:|---:|---|"]
    for name in sorted(lines_of):
        c = per_list[name]
        by_rule = ", ".join(f"{k[5:]} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                            if k.startswith("rule:"))
        md.append(f"| {name} | {lines_of[name]} | {c['error']} | {1000 * c['error'] / lines_of[name]:.2f} "
                  f"| {c['warning']} | {by_rule or '-'} |")
    md += ["", "| rule | errors | warnings |", "|---|---:|---:|"]
    for rule in sorted(per_rule):
        md.append(f"| {rule} | {per_rule[rule]['error']} | {per_rule[rule]['warning']} |")
    errors = sum(c["error"] for c in per_rule.values())
    warnings = sum(c["warning"] for c in per_rule.values())
    md += ["", f"Total: {errors} errors ({1000 * errors / sum(lines_of.values()):.2f} per 1,000 lines), "
               f"{warnings} warnings."]

    # Triage: every finding that needs a verdict has exactly one row, and every row a finding.
    problems = []
    triage = read_tsv(TRIAGE, ("list", "line", "col", "rule", "verdict", "reason"))
    verdict = {}
    for row in triage:
        if row["verdict"] not in VERDICTS:
            problems.append(f"triage: {row['list']}:{row['line']} {row['rule']}: verdict '{row['verdict']}' is not one of {VERDICTS}")
        if not row["reason"].strip():
            problems.append(f"triage: {row['list']}:{row['line']} {row['rule']}: no reason")
        verdict[key_of(row)] = row["verdict"]
    current = collections.Counter(key_of(f) for f in findings)
    for f in findings:
        if needs_verdict(f) and key_of(f) not in verdict:
            problems.append(f"untriaged: {f['list']}:{f['line']}:{f['col']} {f['rule']} ({f['severity']}): {f['message']}")
    for k in verdict:
        if k not in current:
            problems.append(f"gone: {k[0]}:{k[1]}:{k[2]} {k[3]} is in the triage but no longer reported")
    groups = collections.defaultdict(collections.Counter)
    for f in findings:
        if needs_verdict(f):
            g = "errors" if f["severity"] == "error" else "warnings of " + ", ".join(TRIAGED)
            groups[g][verdict.get(key_of(f), "untriaged")] += 1
            groups[f["rule"] + " " + f["severity"]][verdict.get(key_of(f), "untriaged")] += 1
    md += ["", "## Triage (tests/ecosystem/triage.tsv)", "", "| findings | true | false | style | untriaged | true share |",
           "|---|---:|---:|---:|---:|---:|"]
    for g in sorted(groups, key=lambda g: (not g.startswith(("errors", "warnings of")), g)):
        c = groups[g]
        total = sum(c.values())
        md.append(f"| {g} | {c['true']} | {c['false']} | {c['style']} | {c['untriaged']} | {100 * c['true'] / total:.1f}% |")

    # Against the accepted run.
    accepted = read_tsv(ACCEPTED, ("list", "line", "col", "rule", "severity", "message"))
    acc = collections.Counter((key_of(r), r["severity"], r["message"]) for r in accepted)
    now = collections.Counter((key_of(f), f["severity"], f["message"]) for f in findings)
    appeared, disappeared = now - acc, acc - now
    md += ["", "## Against the accepted run (tests/ecosystem/accepted.tsv)", "",
           f"{sum(appeared.values())} findings appeared, {sum(disappeared.values())} disappeared."]
    diff_rules = collections.Counter()
    for (k, sev, msg), n in sorted(appeared.items()):
        diff_rules[(k[3], "+")] += n
    for (k, sev, msg), n in sorted(disappeared.items()):
        diff_rules[(k[3], "-")] += n
    for (rule, sign), n in sorted(diff_rules.items()):
        md.append(f"- {rule}: {sign}{n}")
    diff_lines = [f"+ {k[0]}:{k[1]}:{k[2]} {k[3]} {sev}: {msg}" for (k, sev, msg) in sorted(appeared)] + \
                 [f"- {k[0]}:{k[1]}:{k[2]} {k[3]} {sev}: {msg}" for (k, sev, msg) in sorted(disappeared)]
    with open(os.path.join(args.out, "diff.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(diff_lines) + ("\n" if diff_lines else ""))
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as out:
        out.write("\n".join(md) + "\n")
    print("\n".join(md))
    print(f"\n(report: {os.path.relpath(os.path.join(args.out, 'report.md'))}; "
          f"changes line by line: {os.path.relpath(os.path.join(args.out, 'diff.txt'))})")

    if args.accept:
        os.makedirs(os.path.dirname(ACCEPTED), exist_ok=True)
        with open(ACCEPTED, "w", encoding="utf-8") as out:
            out.write("list\tline\tcol\trule\tseverity\tmessage\n")
            for f in sorted(findings, key=lambda f: (f["list"], f["line"], f["col"], f["rule"], f["message"])):
                out.write(f"{f['list']}\t{f['line']}\t{f['col']}\t{f['rule']}\t{f['severity']}\t{f['message']}\n")
        print(f"accepted: {len(findings)} findings written to {os.path.relpath(ACCEPTED)}")
    if args.check:
        if appeared or disappeared:
            problems.append(f"accepted: {sum(appeared.values())} findings appeared and {sum(disappeared.values())} "
                            "disappeared against tests/ecosystem/accepted.tsv (see diff.txt; triage them, then --accept)")
        if problems:
            print(f"\necosystem check: {len(problems)} problems", file=sys.stderr)
            for p in problems[:50]:
                print("  " + p, file=sys.stderr)
            if len(problems) > 50:
                print(f"  ... and {len(problems) - 50} more", file=sys.stderr)
            return 1
        print("ecosystem check: every finding that needs a verdict has one, and nothing changed against the accepted run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
