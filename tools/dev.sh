#!/usr/bin/env bash
# The README's two commands, and a few more for developers:
#   tools/dev.sh example    set up, build, run listlint on the bundled example list
#   tools/dev.sh test       set up, build (warnings are errors), run the whole test suite
#   tools/dev.sh sanitize   the same tests in an AddressSanitizer + UBSan build (build-asan/)
#   tools/dev.sh tsan       the tests that run listlint on several threads, under ThreadSanitizer
#   tools/dev.sh release    the portable release (tools/release.sh), run where only glibc is installed
#   tools/dev.sh bench      the modelling benchmark against the cmark-gfm floor (Release build)
# `example` installs only what building and running need; the others add the test toolchain
# (tools/setup.sh test: chromium, zsh, fish, pre-commit, yamllint, node...).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-example}"

case "$what" in
  example|bench) bash tools/setup.sh ;;
  release) bash tools/setup.sh release ;;
  *) bash tools/setup.sh test ;;
esac

configure_and_build() {  # DIR, extra cmake arguments...
  local dir="$1"; shift
  cmake -S . -B "$dir" -DLISTLINT_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j2
}

case "$what" in
  example)
    # Without the tests: they need doctest, which only `tools/setup.sh test` installs.
    configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_TESTS=OFF
    # The example list has real defects: exit 1 (findings) is expected, 2 (cannot run) is not.
    rc=0
    ./build/tools/listlint check fixtures/seed/README.md || rc=$?
    [ "$rc" -le 1 ]
    ;;
  test)
    bash tools/npm-tools.sh  # @action-validator/cli for the action and workflow checks
    configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_TESTS=ON
    ctest --test-dir build --output-on-failure -j2
    ;;
  sanitize)
    bash tools/npm-tools.sh
    configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DLISTLINT_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j2
    ;;
  tsan)
    # check --jobs lints files on threads, and threads share the word table: the tests that do so, with races
    # reported as errors (halt_on_error makes the listlint processes exit non-zero).
    configure_and_build build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_TSAN=ON
    export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
    ctest --test-dir build-tsan --output-on-failure -j2 -R 'jobs|safely from several threads'
    # And every rule fixture, the seed and the corpus lists on two threads: findings (1) are fine, a race (66) is not.
    corpus="${LISTLINT_CORPUS:-../shared/corpus}"
    rc=0
    ./build-tsan/tools/listlint check -q -j 2 fixtures/rules fixtures/seed $(ls "$corpus"/*__*.md 2>/dev/null) >/dev/null || rc=$?
    # One large list alone on two threads: its pieces parsed ahead of the walk, its rules side by side.
    python3 tools/bench/make_list.py 1 > build-tsan/list-1.md
    [ "$rc" -le 1 ] || { echo "tsan: listlint check -j 2 exited $rc" >&2; exit 1; }
    ./build-tsan/tools/listlint check -q -j 2 build-tsan/list-1.md >/dev/null || rc=$?
    [ "$rc" -le 1 ] || { echo "tsan: listlint check -j 2 on one large list exited $rc" >&2; exit 1; }
    ;;
  release)
    # The release (build-release/), then its test: glibc alone in a user-namespace chroot, the
    # same findings as the normal build (build/, built here when CI's test step has not), the
    # link checker against a loopback server, and the action's install step on the real tarball.
    bash tools/release.sh
    version=$(tools/version.sh)
    tarball="build-release/dist/listlint-$version-linux-$(uname -m).tar.gz"
    if [ -f build/CMakeCache.txt ]; then cmake --build build -j2 --target listlint
    else configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLISTLINT_TESTS=OFF; fi
    bash tests/test_release.sh "$tarball" "$PWD" build-release/tools/listlint-bench-server build/tools/listlint
    bash tests/test_action_install.sh "$PWD" "$tarball"
    ;;
  bench)
    bash tools/bench/model.sh "${@:2}"
    ;;
  *)
    echo "usage: tools/dev.sh example|test|sanitize|tsan|release|bench" >&2
    exit 2
    ;;
esac
