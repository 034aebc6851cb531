#!/usr/bin/env bash
# The GitHub side: action.yml, the example workflows and the pre-commit hooks file pass yamllint
# and @action-validator/cli (GitHub's schemas; a broken copy of each must fail, so the validator
# is really validating), and the action's check step, run as the runner runs it, annotates,
# writes SARIF and passes the exit code on. Usage: test_github.sh LISTLINT_EXE SOURCE_DIR
set -euo pipefail
exe="$1" src="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$src"

command -v yamllint >/dev/null || fail "yamllint is missing (tools/setup.sh installs it)"
yamllint -s -c .yamllint.yml action.yml .pre-commit-hooks.yaml docs/examples/*.yml || fail "yamllint"

validator="$src/.cache/npm-tools/node_modules/.bin/action-validator"
[ -x "$validator" ] || bash tools/npm-tools.sh
"$validator" action.yml >/dev/null || fail "action-validator: action.yml"
mkdir -p "$tmp/repo/.github/workflows"
for wf in docs/examples/*.yml; do
  cp "$wf" "$tmp/repo/.github/workflows/"
  "$validator" "$tmp/repo/.github/workflows/$(basename "$wf")" >/dev/null || fail "action-validator: $wf"
done
sed 's/using: composite/using: compost/' action.yml > "$tmp/action.yml"
"$validator" "$tmp/action.yml" >/dev/null 2>&1 && fail "action-validator accepted a broken action"
sed 's/runs-on:/runs_on:/' docs/examples/lint.yml > "$tmp/repo/.github/workflows/broken.yml"
"$validator" "$tmp/repo/.github/workflows/broken.yml" >/dev/null 2>&1 && fail "action-validator accepted a broken workflow"

# The version has one place (CMakeLists.txt, tools/version.sh); the docs' download commands name it.
version=$(bash tools/version.sh)
[ "$("$exe" --version)" = "listlint $version" ] || fail "listlint --version is not $version (tools/version.sh)"
for doc in README.md docs/getting-started/install.md docs/getting-started/pre-commit.md; do
  for v in $(grep -oE '(v=|/v)[0-9]+\.[0-9]+\.[0-9]+' "$doc" | sed 's|^v=||; s|^/v||' | sort -u); do
    [ "$v" = "$version" ] || fail "$doc downloads version $v, CMakeLists.txt says $version"
  done
done

# The action's check step, with the inputs as the runner passes them (environment variables).
mkdir -p "$tmp/bin" "$tmp/work"
ln -s "$exe" "$tmp/bin/listlint"
cp fixtures/seed/README.md "$tmp/work/README.md"
printf '# Clean\n\n- [A](https://example.com/a) - An entry.\n' > "$tmp/work/clean.md"
cd "$tmp/work"
rc=0
echo "(an earlier step's summary)" > "$tmp/summary"
PATH="$tmp/bin:$PATH" PATHS="README.md" ARGS="--disable typo" SARIF=true GITHUB_OUTPUT="$tmp/output" \
  GITHUB_STEP_SUMMARY="$tmp/summary" bash "$src/tools/action-check.sh" > "$tmp/annotations" || rc=$?
[ "$rc" -eq 1 ] || fail "the check step exited $rc on the example list"
grep -q '^::error file=README.md,line=[0-9]*,col=[0-9]*' "$tmp/annotations" || fail "no annotations: $(head -3 "$tmp/annotations")"
grep -q 'typo' "$tmp/annotations" && fail "--disable typo (ARGS) was not applied"
grep -qx 'exit-code=1' "$tmp/output" || fail "the exit-code output: $(cat "$tmp/output")"
python3 -c "import json,sys; s=json.load(open('listlint.sarif')); assert s['version']=='2.1.0' and s['runs'][0]['results']" \
  || fail "listlint.sarif"
# The job summary: appended to, the totals, counts per rule, and one table row per annotation.
python3 - "$tmp/summary" "$tmp/annotations" <<'PY' || fail "the job summary: $(head -20 "$tmp/summary")"
import re, sys
summary = open(sys.argv[1]).read().splitlines()
annotations = [l for l in open(sys.argv[2]).read().splitlines() if l.startswith("::")]
assert summary[0] == "(an earlier step's summary)", summary[0]
assert re.match(r"### listlint: \d+ errors?, \d+ warnings? in 1 file", summary[1]), summary[1]
rules = {}
findings = []
for l in summary:
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", l)[1:-1]]
    if len(cells) == 3 and cells[1].isdigit():
        rules[cells[0].replace("\\", "")] = int(cells[1]) + int(cells[2])
    elif len(cells) == 6 and cells[1].isdigit():
        findings.append(cells)
assert len(findings) == len(annotations), (len(findings), len(annotations))
for f, a in zip(findings, annotations):
    m = re.match(r"::(error|warning) file=([^,]*),line=(\d+),col=(\d+),.*title=([^:]*)::", a)
    assert m and (f[3], f[0], f[1], f[2], f[4].replace("\\", "")) == m.groups(), (f, a)
per_rule = {}
for f in findings:
    per_rule[f[4].replace("\\", "")] = per_rule.get(f[4].replace("\\", ""), 0) + 1
assert rules == per_rule, (rules, per_rule)
assert "typo" not in rules
PY
rc=0
PATH="$tmp/bin:$PATH" PATHS="clean.md" GITHUB_OUTPUT="$tmp/output2" bash "$src/tools/action-check.sh" >/dev/null || rc=$?
[ "$rc" -eq 0 ] && grep -qx 'exit-code=0' "$tmp/output2" || fail "the check step on a clean list: exit $rc"
echo "github: yamllint and action-validator pass (and catch broken copies); the action's check step annotates, writes SARIF and the job summary, passes the exit code"
