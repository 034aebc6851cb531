#!/usr/bin/env bash
# Counts each rule's findings on the real lists and prints a Markdown table (the one in
# docs/rules/README.md comes from this script). It reads the ecosystem run, which lints each list
# under the name it has in its repository (tools/ecosystem/run.py).
#   tools/corpus-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exe="${LISTLINT_EXE:-build/tools/listlint}"
[ -x "$exe" ] || { echo "corpus-report: build listlint first (tools/dev.sh example)" >&2; exit 2; }
out=build/ecosystem
python3 tools/ecosystem/run.py --exe "$exe" --out "$out" >/dev/null || true
[ -s "$out/findings.tsv" ] || { echo "corpus-report: no corpus (see tools/ecosystem/run.py)" >&2; exit 2; }
python3 - "$exe" "$out/findings.tsv" <<'PY'
import json, subprocess, sys, collections, os
rules = [r['id'] for r in json.loads(subprocess.check_output([sys.argv[1], 'rules', '--format', 'json']))]
short = lambda p: p.split('/')[-1].split('__')[1]
per = collections.defaultdict(collections.Counter)
sev = collections.defaultdict(collections.Counter)
lists = set()
for line in open(sys.argv[2], encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'list':
        continue
    per[f[3]][short(f[0])] += 1
    sev[f[3]][f[4]] += 1
print("| rule | findings | errors | warnings | lists with findings |")
print("|---|---:|---:|---:|---|")
for r in rules:
    c = per[r]
    top = sorted(c.items(), key=lambda kv: -kv[1])
    shown = ', '.join(f"{k} {v}" for k, v in top[:8]) + (f", {len(top) - 8} more" if len(top) > 8 else '')
    print(f"| [{r}]({r}.md) | {sum(c.values())} | {sev[r]['error']} | {sev[r]['warning']} | {shown or '-'} |")
errors = sum(c['error'] for c in sev.values()); warnings = sum(c['warning'] for c in sev.values())
print(f"\n{errors} errors and {warnings} warnings on the 49 lists of the test corpus (docs/corpus.md).")
PY
