#!/usr/bin/env bash
# One command for the portable release: tools/release.sh [OUT_DIR]
# builds listlint-VERSION-linux-x86_64.tar.gz and its .sha256 in OUT_DIR (default build-release/dist):
#   bin/listlint                         the program (Release, stripped; needs only glibc)
#   lib/listlint/listlint-net.so         the link checker's module (loads the system's libcurl.so.4)
#   share/listlint/words.bin             the typo rule's word table
#   share/man/man1/listlint.1            the manual page
#   share/{bash-completion,zsh,fish}/... shell completions
#   share/doc/listlint/                  the docs, and THIRD-PARTY-NOTICES (the licences of what is linked in)
# Everything but glibc (and libcurl, for the module) is linked in statically (cmake/portable.cmake).
# The build folder is build-release/ ($LISTLINT_RELEASE_BUILD). Tested by `tools/dev.sh release`.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
bash tools/setup.sh release
build="${LISTLINT_RELEASE_BUILD:-build-release}"
out="${1:-$build/dist}"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DLISTLINT_PORTABLE=ON -DLISTLINT_TESTS=OFF \
  -DLISTLINT_WERROR=ON -DCMAKE_INSTALL_LIBDIR=lib "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target listlint listlint-net listlint-words listlint-manpage listlint-bench-server

version=$(tools/version.sh)
[ "$("$build/tools/listlint" --version)" = "listlint $version" ] || {
  echo "release: listlint --version says '$("$build/tools/listlint" --version)', CMakeLists.txt says $version" >&2; exit 1; }
arch=$(uname -m)
name="listlint-$version-linux-$arch"
stage="$build/stage"
rm -rf "$stage" && mkdir -p "$stage" "$out"
cmake --install "$build" --prefix "$stage/$name" --strip >/dev/null

# Only glibc (and, for the module, libcurl) may be left to the system.
needed() { objdump -p "$1" | awk '$1 == "NEEDED" { print $2 }' | sort | tr '\n' ' '; }
for lib in $(needed "$stage/$name/bin/listlint"); do
  case "$lib" in libc.so.6|libm.so.6|ld-linux-x86-64.so.2) ;; *) echo "release: bin/listlint needs $lib" >&2; exit 1 ;; esac
done
for lib in $(needed "$stage/$name/lib/listlint/listlint-net.so"); do
  case "$lib" in libc.so.6|libm.so.6|ld-linux-x86-64.so.2|libcurl.so.4) ;; *) echo "release: listlint-net.so needs $lib" >&2; exit 1 ;; esac
done

# The licences of what the release contains: each package's Debian copyright file.
notices="$stage/$name/share/doc/listlint/THIRD-PARTY-NOTICES"
{
  echo "listlint $version links in, or derives its word table from, the following software."
  echo "Each section is the Debian copyright file of the package it came from."
  for pkg in libcmark-gfm-dev libcmark-gfm-extensions-dev libicu-dev libsqlite3-dev libstdc++-12-dev \
             libgcc-12-dev libfmt-dev libspdlog-dev libcli11-dev nlohmann-json3-dev \
             hunspell-en-us hunspell-en-gb codespell wamerican wamerican-small; do
    f="/usr/share/doc/$pkg/copyright"
    [ -f "$f" ] || { echo "release: no $f" >&2; exit 1; }
    printf '\n==== %s %s (used as: %s) ====\n\n' "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg")" \
      "$(case "$pkg" in hunspell-*|codespell|wamerican*) echo "word table data";; libcli11-dev|nlohmann-json3-dev|libfmt-dev|libspdlog-dev) echo "header-only, compiled in";; *) echo "statically linked";; esac)"
    cat "$f"
  done
} >"$notices"

tarball="$out/$name.tar.gz"
epoch="$(git -C "$src" log -1 --format=%ct 2>/dev/null || date +%s)"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name" | gzip -9n >"$tarball"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
glibc=$(objdump -T "$stage/$name/bin/listlint" "$stage/$name/lib/listlint/listlint-net.so" |
        grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "release: $tarball ($(du -k "$tarball" | cut -f1) KB; bin/listlint $(du -k "$stage/$name/bin/listlint" | cut -f1) KB; needs ${glibc/_/ >= })"
