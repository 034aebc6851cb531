#!/usr/bin/env bash
# Builds the fuzz targets with clang and libFuzzer (AddressSanitizer, UBSan and LeakSanitizer on)
# and runs each for a time or a number of executions. Seeds: the fixtures, the regression inputs
# in fixtures/fuzz/<target>/ and, when present, ../shared/corpus cut into pieces.
#
#   tools/fuzz.sh [--time SECONDS] [--runs N] [--jobs J] [TARGET...]
#   tools/fuzz.sh --smoke            every target for 20 seconds (CI)
#
# Targets: model check fix config url (all by default). Each stops at --time (default 1800 s) or
# --runs (default 10,000,000), whichever comes first. A crash, leak, timeout or failed check
# stops that target, leaves the input in build-fuzz/crashes/<target>/ and makes the script exit
# 1: copy it into fixtures/fuzz/<target>/ as a regression input once fixed (the test suite
# replays that folder in every build). The corpus grows in build-fuzz/corpus/<target>/ from run
# to run; logs are in build-fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

time_s=1800 runs=10000000 targets=() jobs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_s="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --smoke) time_s=20; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(model check fix config url)

bash tools/setup.sh fuzz
out=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_FUZZ=ON \
  -DLISTLINT_WERROR=ON >/dev/null
cmake --build "$out" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# Seeds, rebuilt each run (cheap): Markdown pieces of at most 4 KB cut at blank lines.
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/md" "$seeds/config" "$seeds/url"
find fixtures -name '*.md' -size -16k -exec cp -t "$seeds/md" --backup=numbered {} + 2>/dev/null || true
cp fixtures/rules/*/*.config.json "$seeds/config/" 2>/dev/null || true
corpus_dir="${LISTLINT_CORPUS:-../shared/corpus}"
python3 - "$seeds" "$corpus_dir" fixtures/seed/README.md <<'PY'
import os, re, sys
seeds, corpus, seed_list = sys.argv[1], sys.argv[2], sys.argv[3]
files = [seed_list]
if os.path.isdir(corpus):
    files += [os.path.join(corpus, f) for f in sorted(os.listdir(corpus)) if f.endswith('.md')]
n = 0
urls = set()
for path in files:
    data = open(path, 'rb').read()
    piece = b''
    for block in re.split(rb'\n\s*\n', data):
        if len(piece) + len(block) > 4000 and piece:
            open(os.path.join(seeds, 'md', 'piece-%05d.md' % n), 'wb').write(piece); n += 1
            piece = b''
        piece += block[:4000] + b'\n\n'
    if piece:
        open(os.path.join(seeds, 'md', 'piece-%05d.md' % n), 'wb').write(piece); n += 1
    urls.update(re.findall(rb'https?://[^\s)>\]"]+|<[a-zA-Z][^>\n]{0,200}>', data))
for i, u in enumerate(sorted(urls)[:3000]):
    open(os.path.join(seeds, 'url', 'u-%05d' % i), 'wb').write(u)
print('fuzz.sh: %d Markdown pieces and %d URLs and tags as seeds (corpus: %s)' %
      (n, min(len(urls), 3000), corpus if os.path.isdir(corpus) else 'absent'), file=sys.stderr)
PY

status=0
printf '%-8s %12s %10s %8s  %s\n' target executions "exec/s" seconds result
for t in "${targets[@]}"; do
  case "$t" in
    model|check|fix) seed="$seeds/md"; extra=(-dict=tests/fuzz/markdown.dict -max_len=8192) ;;
    config) seed="$seeds/config"; extra=(-max_len=4096) ;;
    url) seed="$seeds/url"; extra=(-max_len=4096) ;;
    *) echo "fuzz.sh: unknown target $t" >&2; exit 2 ;;
  esac
  mkdir -p "$out/corpus/$t" "$out/crashes/$t" "$out/logs"
  log="$out/logs/$t.log"
  start=$(date +%s)
  rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$out/tests/fuzz/fuzz_$t" -max_total_time="$time_s" -runs="$runs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" "${extra[@]}" \
    "$out/corpus/$t" "$seed" "fixtures/fuzz/$t" >"$log" 2>&1 || rc=$?
  secs=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then result=ok; else
    result="FAILED (exit $rc): $(grep -m1 -E 'ERROR|fuzz check failed|Timeout|out-of-memory' "$log" || echo "see $log")"
    status=1
  fi
  printf '%-8s %12s %10s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "$secs" "$result"
done
exit $status
