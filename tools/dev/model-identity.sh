#!/usr/bin/env bash
# Shows that two listlint binaries build the same model: runs `listlint model FILE` with each on
# every fixture (fixtures/**/*.md) and every Markdown file of the corpora (/work/shared/corpus and
# /work/shared/corpus2, or the folders given in LISTLINT_CORPORA, separated by ':'), compares the
# outputs (stdout, stderr and exit status) byte for byte, prints how many files were compared and
# every difference. Exits 1 when any output differs.
#
#   tools/dev/model-identity.sh BEFORE/listlint AFTER/listlint
#
# Used to prove a refactoring of the model builder (lib/src/model/builder/) behaviour-preserving: build
# the commit before it into one folder and the commit after it into another, and run this.
set -uo pipefail
if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: $0 BEFORE_LISTLINT AFTER_LISTLINT (two executables)" >&2
  exit 2
fi
before="$1" after="$2"
cd "$(dirname "$0")/../.."
corpora="${LISTLINT_CORPORA:-/work/shared/corpus:/work/shared/corpus2}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find fixtures -name '*.md' -type f -print0 | sort -z)
nfix=${#files[@]}
IFS=':' read -r -a dirs <<<"$corpora"
for d in "${dirs[@]}"; do
  if [ ! -d "$d" ]; then
    echo "skipped: corpus folder $d is absent"
    continue
  fi
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$d" -name '*.md' -type f -print0 | sort -z)
done

compared=0 differ=0
for f in "${files[@]}"; do
  "$before" model "$f" >"$tmp/b.out" 2>"$tmp/b.err"; brc=$?
  "$after" model "$f" >"$tmp/a.out" 2>"$tmp/a.err"; arc=$?
  compared=$((compared + 1))
  if [ "$brc" != "$arc" ] || ! cmp -s "$tmp/b.out" "$tmp/a.out" || ! cmp -s "$tmp/b.err" "$tmp/a.err"; then
    differ=$((differ + 1))
    echo "DIFFERS: $f (exit $brc before, $arc after)"
    cmp "$tmp/b.out" "$tmp/a.out" 2>&1 | head -1
    cmp "$tmp/b.err" "$tmp/a.err" 2>&1 | head -1
  fi
done
echo "compared $compared files ($nfix fixtures, $((compared - nfix)) corpus files): $differ differ"
[ "$differ" -eq 0 ]
