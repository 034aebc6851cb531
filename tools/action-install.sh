#!/usr/bin/env bash
# Used by action.yml: installs listlint into PREFIX (the action caches PREFIX by version and OS).
#   tools/action-install.sh PREFIX
# The version is this checkout's (tools/version.sh: the action's version). In order:
#  1. PREFIX already holds that version (restored from the cache): nothing to do, no tool needed.
#  2. On Linux x86_64, the release BASE/vVERSION/listlint-VERSION-linux-x86_64.tar.gz, checked
#     against BASE/vVERSION/listlint-VERSION-linux-x86_64.tar.gz.sha256. A checksum that does not
#     match is refused (exit 1): nothing is installed, and nothing is built instead.
#  3. No release for this version or platform, or one that does not run here (glibc older than
#     the release needs), or no download tool: a build from this checkout, with only the build
#     dependencies (tools/setup.sh, no test toolchain). LISTLINT_NO_SOURCE_BUILD=1: exit 1 instead.
# BASE is $LISTLINT_RELEASE_URL (the action's release-url input), by default
# https://github.com/listlint/listlint/releases/download. Tested by tests/test_action_install.sh.
set -euo pipefail
prefix="$1"
src="$(cd "$(dirname "$0")/.." && pwd)"
version="$(bash "$src/tools/version.sh")"
[ -n "$version" ] || { echo "listlint: no version in $src/CMakeLists.txt" >&2; exit 2; }

if [ -x "$prefix/bin/listlint" ] && [ "$("$prefix/bin/listlint" --version 2>/dev/null || true)" = "listlint $version" ]; then
  echo "listlint $version: already installed in $prefix (cache)"
  exit 0
fi

base="${LISTLINT_RELEASE_URL:-https://github.com/listlint/listlint/releases/download}"
base="${base%/}"
fetch() {  # URL FILE
  if command -v curl >/dev/null; then curl -fsSL --retry 3 --connect-timeout 20 -o "$2" "$1"
  elif command -v wget >/dev/null; then wget -q -O "$2" "$1"
  else return 1; fi
}
if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
  name="listlint-$version-linux-x86_64"
  url="$base/v$version/$name.tar.gz"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  if fetch "$url" "$tmp/$name.tar.gz" && fetch "$url.sha256" "$tmp/$name.tar.gz.sha256"; then
    want="$(awk 'NR == 1 { print $1 }' "$tmp/$name.tar.gz.sha256")"
    got="$(sha256sum "$tmp/$name.tar.gz" | awk '{ print $1 }')"
    if ! [[ "$want" =~ ^[0-9a-f]{64}$ ]] || [ "$want" != "$got" ]; then
      echo "::error title=listlint::$url: checksum mismatch (the .sha256 says ${want:-nothing}, the download is $got); not installed" >&2
      exit 1
    fi
    tar -xzf "$tmp/$name.tar.gz" -C "$tmp"
    [ -x "$tmp/$name/bin/listlint" ] || { echo "listlint: $url holds no $name/bin/listlint" >&2; exit 1; }
    # The release needs a recent glibc (README: Install); on an older system, build instead.
    if runs=$("$tmp/$name/bin/listlint" --version 2>&1) && [ "$runs" = "listlint $version" ]; then
      rm -rf "$prefix"
      mkdir -p "$(dirname "$prefix")"
      mv "$tmp/$name" "$prefix"
      echo "listlint $version: installed the release $url in $prefix"
      exit 0
    fi
    echo "listlint: the release does not run here ($runs); building from source" >&2
  else
    echo "listlint: no release $version at $url; building from source" >&2
  fi
fi
if [ -n "${LISTLINT_NO_SOURCE_BUILD:-}" ]; then
  echo "listlint: LISTLINT_NO_SOURCE_BUILD is set: not building from source" >&2
  exit 1
fi

# A build from this checkout: the build dependencies only.
bash "$src/tools/setup.sh"
build="${RUNNER_TEMP:-/tmp}/listlint-build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target listlint listlint-net listlint-words listlint-manpage
cmake --install "$build" --prefix "$prefix" --strip >/dev/null
"$prefix/bin/listlint" --version
