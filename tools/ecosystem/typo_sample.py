#!/usr/bin/env python3
"""The typo rule's precision sample (docs/rules/typo.md): 100 of its findings on the 49 lists,
drawn with random.Random(20261201).sample from the findings sorted by list, line and column, with
the verdicts of tests/ecosystem/triage.tsv. Reads build/ecosystem/findings.tsv (written by
tools/ecosystem/run.py); prints the paragraph and the table in Markdown.

  tools/ecosystem/typo_sample.py [--findings PATH] [--triage PATH]
"""
import argparse
import collections
import csv
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings", default=os.path.join(ROOT, "build", "ecosystem", "findings.tsv"))
    ap.add_argument("--triage", default=os.path.join(ROOT, "tests", "ecosystem", "triage.tsv"))
    args = ap.parse_args()
    findings = [r for r in rows(args.findings) if r["rule"] == "typo"]
    verdicts = {(r["list"], r["line"], r["col"], r["rule"]): (r["verdict"], r["reason"]) for r in rows(args.triage)}
    findings.sort(key=lambda r: (r["list"], int(r["line"]), int(r["col"])))
    sample = random.Random(20261201).sample(findings, min(100, len(findings)))
    sample.sort(key=lambda r: (r["list"], int(r["line"]), int(r["col"])))
    tally = collections.Counter()
    table = []
    for r in sample:
        verdict, reason = verdicts.get((r["list"], r["line"], r["col"], "typo"), ("untriaged", ""))
        tally[verdict] += 1
        name = os.path.basename(r["list"]).split("__")
        repo = "/".join(name[:2]) if len(name) >= 3 else r["list"]
        message = r["message"].replace(" (if it is right, add it to the typo rule's words)", "").replace("|", "\\|")
        shown = verdict if verdict == "true" else f"{verdict} ({reason})"
        table.append(f"| {repo} | {r['line']} | {message} | {shown} |")
    if tally["untriaged"]:
        print(f"{tally['untriaged']} sampled findings have no verdict in {args.triage}", file=sys.stderr)
        return 1
    parts = [f"{tally['true']} real", f"{tally['false']} false"] + ([f"{tally['style']} style (usage)"] if tally["style"] else [])
    print(f"A random sample of {len(sample)} of the {len(findings)} findings (`tools/ecosystem/typo_sample.py`: Python")
    print("`random.Random(20261201).sample` of the findings sorted by list, line and column, with the verdicts")
    print(f"of `tests/ecosystem/triage.tsv`): **{', '.join(parts)}**.")
    print()
    print("| list | line | finding | verdict |")
    print("|---|---:|---|---|")
    print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
