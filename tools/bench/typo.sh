#!/usr/bin/env bash
# What the typo rule costs: `listlint check` over the same files with the rule off and on (the
# default), as separate processes (start-up and the word table included), alternating, medians of
# N rounds. Prints both medians and the ratio (issue 5's target is at most 1.5).
#   tools/bench/typo.sh [--rounds N] [FILE...]     (default: every list in ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=21
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
bash tools/setup.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build build-release -j2 --target listlint >/dev/null
if [ ${#files[@]} -eq 0 ]; then
  corpus="${LISTLINT_CORPUS:-../shared/corpus}"
  if ! ls "$corpus"/*__*.md >/dev/null 2>&1; then
    echo "bench: no corpus at $corpus (set LISTLINT_CORPUS or pass files)" >&2
    exit 2
  fi
  files=("$corpus"/*__*.md)
fi
echo "machine: $(nproc) cores, $(uname -m); $(c++ --version | head -1); ${#files[@]} files, $(cat "${files[@]}" | wc -l) lines"
python3 - "$rounds" ./build-release/tools/listlint "${files[@]}" <<'PY'
import statistics, subprocess, sys, time
rounds, exe, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
runs = {"off": [exe, "check", "-q", "--disable", "typo", *files], "on": [exe, "check", "-q", "--enable", "typo", *files]}
times = {k: [] for k in runs}
for _ in range(rounds):
    for k, cmd in runs.items():
        t = time.perf_counter()
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times[k].append(time.perf_counter() - t)
        if rc not in (0, 1):
            sys.exit(f"bench: {' '.join(cmd[:4])} ... exited with {rc}")
off, on = statistics.median(times["off"]), statistics.median(times["on"])
print(f"typo off: {off*1000:.1f} ms   typo on: {on*1000:.1f} ms   (medians of {rounds} rounds)")
print(f"ratio on/off: {on/off:.2f}")
PY
