#!/usr/bin/env bash
# Modelling cost against the floor: cmark-gfm parsing and walking the same files, in one
# process, alternating, medians of N rounds. Prints the ratio (the target is at most 2).
#   tools/bench/model.sh [--rounds N] [FILE...]     (default: every list in ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build build-release -j2 --target listlint-bench-model >/dev/null
args=("$@")
has_file=0
for a in "${args[@]}"; do case "$a" in --rounds|[0-9]*) ;; *) has_file=1 ;; esac; done
if [ "$has_file" -eq 0 ]; then
  corpus="${LISTLINT_CORPUS:-../shared/corpus}"
  if ! ls "$corpus"/*__*.md >/dev/null 2>&1; then
    echo "bench: no corpus at $corpus (set LISTLINT_CORPUS or pass files)" >&2
    exit 2
  fi
  args+=("$corpus"/*__*.md)
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -m);" \
     "cmark-gfm $(pkg-config --modversion libcmark-gfm); $(c++ --version | head -1)"
./build-release/tools/listlint-bench-model "${args[@]}"
