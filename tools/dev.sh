#!/usr/bin/env bash
# The README's two commands, and a few more for developers:
#   tools/dev.sh example    set up, build, run listlint on the bundled example list
#   tools/dev.sh test       set up, build (warnings are errors), run the whole test suite
#   tools/dev.sh sanitize   the same tests in an AddressSanitizer + UBSan build (build-asan/)
#   tools/dev.sh tsan       the tests that run listlint on several threads, under ThreadSanitizer
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
  tsan)
    # check --jobs lints files on threads: the tests that run it on many files, with races
    # reported as errors (halt_on_error makes the listlint processes exit non-zero).
    configure_and_build build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_TSAN=ON
    export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
    ctest --test-dir build-tsan --output-on-failure -j2 -R 'jobs'
    # And every rule fixture, the seed and the corpus lists on two threads: findings (1) are fine, a race (66) is not.
    corpus="${LISTLINT_CORPUS:-../shared/corpus}"
    rc=0
    ./build-tsan/tools/listlint check -q -j 2 fixtures/rules fixtures/seed $(ls "$corpus"/*__*.md 2>/dev/null) >/dev/null || rc=$?
    [ "$rc" -le 1 ] || { echo "tsan: listlint check -j 2 exited $rc" >&2; exit 1; }
    ;;
  bench)
    bash tools/bench/model.sh "${@:2}"
    ;;
  *)
    echo "usage: tools/dev.sh example|test|sanitize|tsan|bench" >&2
    exit 2
    ;;
esac
