#!/usr/bin/env bash
# Used by action.yml: builds listlint from this checkout and installs it into PREFIX.
set -euo pipefail
prefix="$1"
src="$(cd "$(dirname "$0")/.." && pwd)"
bash "$src/tools/setup.sh"
build="${RUNNER_TEMP:-/tmp}/listlint-build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target listlint listlint-manpage
cmake --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/listlint" --version
