#!/usr/bin/env bash
# The action's install step (tools/action-install.sh) against a release served from 127.0.0.1:
# a good install, a checksum mismatch refused, and a cache hit on a machine without the build
# dependencies (no compiler, cmake, curl, tar or apt-get on PATH, no server).
#   tests/test_action_install.sh SOURCE_DIR (BUILD_DIR | TARBALL)
# With a BUILD_DIR (CTest `action-install`), the release is packed from `cmake --install` of that
# build, in the release's layout; with a TARBALL (tools/dev.sh release), it is the real release.
set -euo pipefail
src="$1" from="$2"
tmp=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v python3 >/dev/null || fail "python3 is missing (the release server)"

version=$(bash "$src/tools/version.sh")
name="listlint-$version-linux-x86_64"
good="$tmp/www/good/v$version" bad="$tmp/www/bad/v$version"
mkdir -p "$good" "$bad"
if [ -d "$from" ]; then
  cmake --install "$from" --prefix "$tmp/pack/$name" >/dev/null
  tar -C "$tmp/pack" -czf "$good/$name.tar.gz" "$name"
else
  cp "$from" "$good/$name.tar.gz"
fi
(cd "$good" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
# The bad mirror: the same .sha256, a tarball with one byte more.
cp "$good/$name.tar.gz.sha256" "$bad/"
{ cat "$good/$name.tar.gz"; printf 'x'; } >"$bad/$name.tar.gz"

# The release server: python's http.server on a free port of 127.0.0.1.
coproc SRV { exec python3 -u -m http.server --bind 127.0.0.1 --directory "$tmp/www" 0 2>/dev/null; }
server_pid=$SRV_PID
read -r line <&"${SRV[0]}" || fail "the release server did not start"
port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' <<<"$line")
[ -n "$port" ] || fail "the release server said: $line"
base="http://127.0.0.1:$port"

install() {  # PREFIX BASE [PATH]: runs the action's install step as the action does
  env ${3:+PATH="$3"} LISTLINT_RELEASE_URL="$2" HOME="$tmp/home" RUNNER_TEMP="$tmp/runner" \
    bash "$src/tools/action-install.sh" "$1"
}

# A good install: the release's tree in the prefix, its listlint the action's version.
prefix="$tmp/home/.listlint"
out=$(install "$prefix" "$base/good" 2>&1) || fail "install: $out"
grep -q "installed the release $base/good/v$version/$name.tar.gz" <<<"$out" || fail "install did not use the release: $out"
[ "$("$prefix/bin/listlint" --version)" = "listlint $version" ] || fail "installed --version"
[ -f "$prefix/share/listlint/words.bin" ] && [ -f "$prefix/lib/listlint/listlint-net.so" ] || fail "installed tree: $(cd "$prefix" && find . -type f | head)"

# A checksum mismatch: refused, exit 1, nothing installed (and no source build started).
rc=0; out=$(install "$tmp/home/bad" "$base/bad" 2>&1) || rc=$?
[ "$rc" -eq 1 ] || fail "checksum mismatch: exit $rc: $out"
grep -q 'checksum mismatch' <<<"$out" || fail "checksum mismatch: $out"
grep -q 'building from source' <<<"$out" && fail "checksum mismatch fell back to a source build"
[ ! -e "$tmp/home/bad" ] || fail "checksum mismatch: something was installed"

# No release for this version (404), and a release that does not run here (as on a system with an
# older glibc): both fall back to a source build (stopped here by LISTLINT_NO_SOURCE_BUILD).
rc=0; out=$(LISTLINT_NO_SOURCE_BUILD=1 install "$tmp/home/none" "$base/none" 2>&1) || rc=$?
[ "$rc" -eq 1 ] && grep -q "no release $version at $base/none/v$version/$name.tar.gz; building from source" <<<"$out" || fail "404: exit $rc: $out"
mkdir -p "$tmp/old/$name/bin" "$tmp/www/old/v$version"
printf '#!/bin/sh\necho "listlint: version GLIBC_2.99 not found" >&2; exit 1\n' >"$tmp/old/$name/bin/listlint"
chmod +x "$tmp/old/$name/bin/listlint"
tar -C "$tmp/old" -czf "$tmp/www/old/v$version/$name.tar.gz" "$name"
(cd "$tmp/www/old/v$version" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
rc=0; out=$(LISTLINT_NO_SOURCE_BUILD=1 install "$tmp/home/old" "$base/old" 2>&1) || rc=$?
[ "$rc" -eq 1 ] && grep -q "the release does not run here (listlint: version GLIBC_2.99 not found); building from source" <<<"$out" \
  || fail "a release that does not run: exit $rc: $out"
[ ! -e "$tmp/home/old" ] || fail "a release that does not run was installed"

# A cache hit: the prefix restored, on a machine with none of the build's tools (PATH holds bash
# and the few commands the step uses), and no server (a download would fail).
mkdir -p "$tmp/minbin"
for c in bash dirname sed cat; do ln -s "$(command -v "$c")" "$tmp/minbin/$c"; done
for c in cmake g++ c++ gcc make curl wget tar apt-get dpkg-query; do
  [ ! -e "$tmp/minbin/$c" ] || fail "$c on the minimal PATH"
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
out=$(install "$prefix" "$base/good" "$tmp/minbin" 2>&1) || fail "cache hit: $out"
grep -q "already installed in $prefix (cache)" <<<"$out" || fail "cache hit: $out"
# The cached listlint runs there: the action's check step with that PATH.
mkdir -p "$tmp/work" && cp "$src/fixtures/seed/README.md" "$tmp/work/"
rc=0
(cd "$tmp/work" && env PATH="$prefix/bin:$tmp/minbin" PATHS=README.md GITHUB_OUTPUT="$tmp/out" \
  bash "$src/tools/action-check.sh" >"$tmp/annotations") || rc=$?
[ "$rc" -eq 1 ] && grep -q '^::error file=README.md' "$tmp/annotations" || fail "check with the cached listlint: exit $rc"

# An older version in the cache is not taken for this one: replaced by the release.
printf '#!/bin/sh\necho "listlint 0.0.1"\n' >"$tmp/listlint-0.0.1" && chmod +x "$tmp/listlint-0.0.1"
cp "$tmp/listlint-0.0.1" "$prefix/bin/listlint"
coproc SRV2 { exec python3 -u -m http.server --bind 127.0.0.1 --directory "$tmp/www" "$port" 2>/dev/null; }
server_pid=$SRV2_PID
read -r _ <&"${SRV2[0]}" || fail "the release server did not restart"
out=$(install "$prefix" "$base/good" 2>&1) || fail "update: $out"
[ "$("$prefix/bin/listlint" --version)" = "listlint $version" ] || fail "an older cached version was kept"
echo "action-install: release $name from $base installed, a checksum mismatch refused, a cache hit needs no build tool"
