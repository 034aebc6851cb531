#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit tool in a scratch
# repository, the way a list maintainer uses them. Usage: test_precommit.sh LISTLINT_EXE SOURCE_DIR
set -euo pipefail
exe="$1" src="$2"
if ! command -v pre-commit >/dev/null; then
  echo "SKIPPED: pre-commit is not installed (tools/setup.sh installs it)"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$tmp/bin"
ln -s "$exe" "$tmp/bin/listlint"
export PATH="$tmp/bin:$PATH"
git config --global user.email test@example.com
git config --global user.name test
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hooks repository: listlint's hook definitions, as a maintainer's config points at them.
hooks="$tmp/listlint"
mkdir -p "$hooks" && cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# A list's repository.
repo="$tmp/awesome"
mkdir -p "$repo" && cd "$repo" && git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: listlint
YAML
printf '# Awesome Things\n\n## Tools\n\n- [Tool](https://example.com/tool) - Does things.\n' > README.md
printf 'notes, not Markdown: teh\n' > notes.txt
git add . && git commit -qm init
pre-commit install >/dev/null

# A defect: a bare URL (fixable) and a link to a heading that does not exist (not fixable).
printf '\n- https://docs.example/bare - A bare URL.\n- [Docs](#nowhere) - A broken anchor.\n' >> README.md
git add README.md
rc=0; out=$(git commit -qm "add entries" 2>&1) || rc=$?
[ "$rc" -ne 0 ] || fail "the commit went through despite the findings"
grep -q 'README.md:8:3: error:' <<<"$out" || fail "no finding for the broken anchor in: $out"
grep -q 'bare-url' <<<"$out" || fail "no bare-url finding in: $out"

# listlint-fix: the fixable finding is fixed in the working tree; pre-commit reports the change.
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: listlint-fix
YAML
git add .pre-commit-config.yaml
rc=0; out=$(pre-commit run --files README.md 2>&1) || rc=$?
[ "$rc" -eq 1 ] || fail "listlint-fix exit $rc: $out"
grep -q -- '- <https://docs.example/bare> - A bare URL.' README.md || fail "the bare URL was not fixed: $(cat README.md)"
grep -q 'files were modified by this hook' <<<"$out" || fail "pre-commit did not see the fix: $out"

# Fix the rest by hand: the commit goes through, and only Markdown files were given to listlint.
sed -i 's/(#nowhere)/(#tools)/' README.md
git add README.md
git commit -qm "add entries" || fail "the clean commit was refused"
rc=0; out=$(pre-commit run --all-files 2>&1) || rc=$?
[ "$rc" -eq 0 ] || fail "pre-commit run --all-files on a clean list: exit $rc: $out"
# The hook of the docs that needs no hooks repository at all (and so no rev): a local hook running
# the listlint on PATH (the release, installed), as docs/getting-started/pre-commit.md shows it.
awk '/^<!-- the local hook -->/ { on = 1; next } on && /^```/ { if (inside) exit; inside = 1; next } inside' \
  "$src/docs/getting-started/pre-commit.md" > .pre-commit-config.yaml
grep -q 'repo: local' .pre-commit-config.yaml || fail "no local hook in docs/getting-started/pre-commit.md"
grep -q 'rev:' .pre-commit-config.yaml && fail "the local hook cites a rev"
printf '\n- [Gone](#gone) - A broken anchor.\n' >> README.md
git add .pre-commit-config.yaml README.md
rc=0; out=$(git commit -qm "local hook" 2>&1) || rc=$?
[ "$rc" -ne 0 ] && grep -q 'broken-anchor' <<<"$out" || fail "the local hook let a broken anchor through: $out"
sed -i 's/(#gone)/(#tools)/' README.md
git add README.md
git commit -qm "local hook" || fail "the local hook refused a clean commit"
echo "pre-commit: the listlint hook blocked a bad commit, listlint-fix fixed the bare URL, the clean commit passed; the docs' local hook too"
