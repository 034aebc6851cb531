#!/usr/bin/env bash
# The portable release, used where nothing but glibc is installed.
#   tests/test_release.sh TARBALL SOURCE_DIR SERVER [REFERENCE_LISTLINT]
# TARBALL is tools/release.sh's listlint-VERSION-linux-x86_64.tar.gz, SERVER the loopback HTTP
# server of the benchmarks (listlint-bench-server, tests/http_server.cpp), REFERENCE_LISTLINT a
# normal build whose findings the release must reproduce.
#
# The release runs in a root folder holding only the files of Debian's libc6 package (glibc), with
# `unshare --user --map-root-user --root=DIR`: a chroot in a user namespace, which needs no
# privileges (plain chroot needs root); with its own /proc (a PID namespace), as every Linux system
# has one. For the link checker, a second root adds libcurl.so.4 and
# the libraries it loads (ldd). Prints the oldest glibc the release needs (objdump -T).
set -euo pipefail
tarball=$(realpath "$1") src=$(realpath "$2") server=$(realpath "$3") ref="${4:+$(realpath "$4")}"
tmp=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

sum_file="$tarball.sha256"
[ -f "$sum_file" ] || fail "no $sum_file"
(cd "$(dirname "$tarball")" && sha256sum -c --quiet "$(basename "$sum_file")") || fail "checksum"
version=$("$src/tools/version.sh")
name=$(basename "$tarball" .tar.gz)
[ "$name" = "listlint-$version-linux-x86_64" ] || fail "tarball $name, but CMakeLists.txt says $version"

# A root with glibc only.
make_root() {  # DIR
  mkdir -p "$1"
  # The host's /usr merge (/lib -> usr/lib ...), then every file of libc6, as it is installed.
  for d in bin sbin lib lib64; do
    if [ -L "/$d" ]; then mkdir -p "$1/usr/$d" && ln -s "usr/$d" "$1/$d"; fi
  done
  dpkg -L libc6 | while read -r f; do
    [ -d "$f" ] && continue
    [ -f "$f" ] || [ -L "$f" ] || continue
    mkdir -p "$1$(dirname "$f")" && cp -a "$f" "$1$f"
  done
  mkdir -p "$1/work" "$1/tmp" "$1/opt" "$1/proc"  # /proc: where the program finds itself (/proc/self/exe)
  tar -C "$1/opt" -xzf "$tarball"
  cp "$src/fixtures/seed/README.md" "$1/work/README.md"
  cp -r "$src/fixtures/rules" "$1/work/rules"
}
root="$tmp/root"
make_root "$root"
unshare=$(command -v unshare) || fail "no unshare (util-linux)"
"$unshare" --user --map-root-user --mount --pid --fork --mount-proc=/proc --root="$root" /opt/"$name"/bin/listlint --version >/dev/null 2>&1 ||
  "$unshare" --user --map-root-user --mount --pid --fork true ||
  fail "user namespaces are not available here (unshare --user --mount --pid): the release test needs them (a container may forbid them; run it on the host or a VM)"
run() {  # ROOT ARGS... : the release's listlint in ROOT, in /work, with an empty environment
  local r="$1"; shift
  env -i PATH=/opt/bin "$unshare" --user --map-root-user --mount --pid --fork --mount-proc=/proc \
    --root="$r" --wd=/work "/opt/$name/bin/listlint" "$@"
}
# The root really is glibc alone: no libstdc++, no ICU, no cmark-gfm, no libcurl.
for lib in libstdc++.so.6 libicuuc.so.72 libcmark-gfm.so.0.29.0.gfm.6 libcurl.so.4 libgcc_s.so.1; do
  [ -z "$(find "$root" -name "$lib")" ] || fail "$lib in the glibc-only root"
done

# --version: the version of CMakeLists.txt.
[ "$(run "$root" --version)" = "listlint $version" ] || fail "--version: $(run "$root" --version)"

# check on the example list: exit 1 (it has real defects), the typo rule's word table found beside
# bin/, and the same findings as the normal build (ICU without its data file, cmark-gfm, static).
rc=0; out=$(run "$root" check --format json README.md) || rc=$?
[ "$rc" -eq 1 ] || fail "check exit $rc"
grep -q 'Cnstruction' <<<"$out" || fail "the typo rule did not find Cnstruction (word table)"
grep -q '"broken-anchor"' <<<"$out" || fail "no broken-anchor finding"
if [ -n "$ref" ]; then
  mkdir -p "$tmp/ref" && cp "$src/fixtures/seed/README.md" "$tmp/ref/README.md" && cp -r "$src/fixtures/rules" "$tmp/ref/rules"
  for args in "check --format json README.md" "check --format json --jobs 1 rules" "explain broken-anchor" "rules --format json"; do
    # shellcheck disable=SC2086
    want=$(cd "$tmp/ref" && env -u LISTLINT_WORDS -u COLUMNS "$ref" $args 2>&1) || true
    # shellcheck disable=SC2086
    got=$(run "$root" $args 2>&1) || true
    [ "$got" = "$want" ] || { diff <(echo "$want") <(echo "$got") | head -20 >&2; fail "release and normal build differ on: listlint $args"; }
  done
fi

# links without libcurl: one clear line, exit 2.
printf '# List\n\n- [Alive](URL_ALIVE) - a tool.\n- [Gone](http://127.0.0.1:9/gone) - refused.\n' >"$tmp/links.md"
cp "$tmp/links.md" "$root/work/links.md"
rc=0; err=$(run "$root" links --allow-private --no-cache --retries 0 links.md 2>&1 >/dev/null) || rc=$?
[ "$rc" -eq 2 ] || fail "links without libcurl: exit $rc"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "links without libcurl: more than one line: $err"
grep -q 'libcurl is not installed' <<<"$err" || fail "links without libcurl: $err"

# links with libcurl and its libraries added, against a loopback server: one alive, one dead.
for f in /usr/lib/x86_64-linux-gnu/libcurl.so.4 $(ldd /usr/lib/x86_64-linux-gnu/libcurl.so.4 | awk '$3 ~ /^\// { print $3 }'); do
  [ -e "$root$f" ] || { mkdir -p "$root$(dirname "$f")" && cp -L "$f" "$root$f"; }
done
coproc SRV { "$server" 1 0 2>/dev/null; }
server_pid=$SRV_PID
read -r base <&"${SRV[0]}" || fail "the loopback server did not start"
sed -i "s|URL_ALIVE|$base/ok|" "$root/work/links.md"
rc=0; out=$(run "$root" links --allow-private --no-cache --retries 0 --format json links.md) || rc=$?
[ "$rc" -eq 1 ] || fail "links exit $rc: $out"
python3 - "$out" "$base/ok" <<'PY' || fail "links results: $out"
import json, sys
doc = json.loads(sys.argv[1])
status = {}
def walk(x):
    if isinstance(x, dict):
        if "url" in x and "verdict" in x: status[x["url"]] = x["verdict"]
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(doc)
assert status.get(sys.argv[2]) == "alive", status
assert status.get("http://127.0.0.1:9/gone") == "dead", status
PY

# The oldest glibc the release runs on: the newest symbol version it needs.
glibc=$(objdump -T "$root/opt/$name/bin/listlint" "$root/opt/$name/lib/listlint/listlint-net.so" |
        grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
echo "release $name: runs with glibc alone (libcurl.so.4 for links); needs ${glibc/GLIBC_/glibc >= }"
