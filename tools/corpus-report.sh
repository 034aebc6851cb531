#!/usr/bin/env bash
# Counts each rule's findings on the corpus lists and prints a Markdown table (the one in
# docs/rules/README.md comes from this script).
#   tools/corpus-report.sh [CORPUS_DIR]      (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-${LISTLINT_CORPUS:-../shared/corpus}}"
exe="${LISTLINT_EXE:-build/tools/listlint}"
[ -x "$exe" ] || { echo "corpus-report: build listlint first (tools/dev.sh example)" >&2; exit 2; }
ls "$corpus"/*__*.md >/dev/null 2>&1 || { echo "corpus-report: no corpus at $corpus" >&2; exit 2; }
set +e
"$exe" check --format json "$corpus"/*__*.md > /tmp/listlint-corpus-report.json
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "corpus-report: listlint exited $rc" >&2; exit 2; }
python3 - "$exe" <<'PY'
import json, subprocess, sys, collections
report = json.load(open('/tmp/listlint-corpus-report.json'))
rules = [r['id'] for r in json.loads(subprocess.check_output([sys.argv[1], 'rules', '--format', 'json']))]
short = lambda p: p.rsplit('/', 1)[-1].split('__')[1] if '__' in p else p
per = collections.defaultdict(collections.Counter)
sev = collections.defaultdict(collections.Counter)
for f in report['files']:
    for d in f['diagnostics']:
        per[d['rule']][short(f['path'])] += 1
        sev[d['rule']][d['severity']] += 1
print(f"| rule | findings | errors | warnings | lists with findings |")
print(f"|---|---:|---:|---:|---|")
for r in rules:
    c = per[r]
    lists = ', '.join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1]))
    print(f"| [{r}]({r}.md) | {sum(c.values())} | {sev[r]['error']} | {sev[r]['warning']} | {lists or '-'} |")
s = report['summary']
print(f"\n{s['files']} lists, {s['errors']} errors, {s['warnings']} warnings, {s['fixable']} fixable; {s['failed']} could not be read.")
PY
