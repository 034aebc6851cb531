#!/usr/bin/env bash
# The README's two commands, and a few more for developers:
#   tools/dev.sh example    set up, build, run listlint on the bundled example list
#   tools/dev.sh test       set up, build (warnings are errors), run the whole test suite
#   tools/dev.sh sanitize   the same tests in an AddressSanitizer + UBSan build (build-asan/)
#   tools/dev.sh bench      the modelling benchmark against the cmark-gfm floor (Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-example}"

bash tools/setup.sh

configure_and_build() {  # DIR, extra cmake arguments...
  local dir="$1"; shift
  cmake -S . -B "$dir" -DLISTLINT_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j2
}

case "$what" in
  example)
    configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    # The example list has real defects: exit 1 (findings) is expected, 2 (cannot run) is not.
    rc=0
    ./build/tools/listlint check fixtures/seed/README.md || rc=$?
    [ "$rc" -le 1 ]
    ;;
  test)
    bash tools/npm-tools.sh  # @action-validator/cli for the action and workflow checks
    configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ctest --test-dir build --output-on-failure -j2
    ;;
  sanitize)
    bash tools/npm-tools.sh
    configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DLISTLINT_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j2
    ;;
  bench)
    bash tools/bench/model.sh "${@:2}"
    ;;
  *)
    echo "usage: tools/dev.sh example|test|sanitize|bench" >&2
    exit 2
    ;;
esac
