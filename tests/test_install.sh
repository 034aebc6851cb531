#!/usr/bin/env bash
# Installs the build into a temporary prefix and uses what a user gets: the binary (with its word
# table), the man page, the bash, zsh and fish completions; then builds the Debian package and runs
# the binary from it. Usage: test_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1" src="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
exe="$tmp/prefix/bin/listlint"
grep -q '^listlint ' <<<"$("$exe" --version)" || fail "--version"

# The installed binary finds its word table in ../share/listlint (no build tree, no environment).
cp "$src/fixtures/seed/README.md" "$tmp/README.md"
rc=0; out=$(cd "$tmp" && env -u LISTLINT_WORDS "$exe" check README.md) || rc=$?
[ "$rc" -eq 1 ] || fail "check exit $rc"
grep -q 'Cnstruction' <<<"$out" || fail "the installed typo rule did not find Cnstruction"
grep -qx 'placeholder-cell' <<<"$("$exe" explain placeholder-cell | head -1)" || fail "explain"

# It finds its link checker in ../lib/listlint too: a refused connection is a dead link (exit 1).
printf '# List\n\n- [A](http://127.0.0.1:9/gone) - a tool.\n' >"$tmp/links.md"
links_works() {  # the listlint executable to try
  local rc=0 err
  err=$(cd "$tmp" && env -u LISTLINT_NET_MODULE "$1" links --allow-private --no-cache --retries 0 links.md 2>&1 >/dev/null) || rc=$?
  [ "$rc" -eq 1 ] || { echo "exit $rc: $err"; return 1; }
}
links_works "$exe" || fail "links from the installed prefix"

# The docs, with the example workflows ci.md and audit.md point to.
for f in getting-started/ci.md examples/lint.yml examples/link-audit.yml; do
  [ -f "$tmp/prefix/share/doc/listlint/$f" ] || fail "share/doc/listlint/$f is not installed"
done

# The man page renders, and names every subcommand and every long option of --help.
page="$tmp/prefix/share/man/man1/listlint.1"
rendered=$(MANWIDTH=100 man -l "$page" 2>/dev/null | col -b)
grep -q 'EXIT STATUS' <<<"$rendered" || fail "man: no EXIT STATUS"
for sub in check links model rules explain init completions man; do
  grep -q "listlint $sub" <<<"$rendered" || fail "man: no listlint $sub"
  for opt in $("$exe" $sub --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    grep -qe "$opt" <<<"$rendered" || fail "man: $sub $opt is in --help but not in the page"
  done
done

# bash: the completion function, asked as bash asks it.
bash_file="$tmp/prefix/share/bash-completion/completions/listlint"
complete_bash() {  # words... ; the last one is being completed
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _listlint; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_file" "$@"
}
grep -qx check <<<"$(complete_bash listlint ch)" || fail "bash: listlint ch"
[ "$(complete_bash listlint check --format '' | sort | tr '\n' ' ')" = "github json markdown sarif text " ] || fail "bash: --format values"
grep -qx typo <<<"$(complete_bash listlint explain ty)" || fail "bash: explain ty"
grep -qx -- --fail-on-unknown <<<"$(complete_bash listlint links --fail)" || fail "bash: links --fail"
grep -qx mojibake <<<"$(complete_bash listlint check --disable mo)" || fail "bash: --disable mo"

# fish: its own completion engine on the installed script.
fish_file="$tmp/prefix/share/fish/vendor_completions.d/listlint.fish"
grep -q -- '--format' <<<"$(fish -c "source '$fish_file'; complete -C 'listlint check --form'")" || fail "fish: --form"
grep -q '^sarif' <<<"$(fish -c "source '$fish_file'; complete -C 'listlint check --format '")" || fail "fish: --format values"
grep -q '^links' <<<"$(fish -c "source '$fish_file'; complete -C 'listlint '")" || fail "fish: commands"

# zsh: the script loads under compinit and defines the completion.
zsh_file="$tmp/prefix/share/zsh/vendor-completions/_listlint"
zsh -n "$zsh_file" || fail "zsh: syntax"
mkdir -p "$tmp/zfunc" && cp "$zsh_file" "$tmp/zfunc/"
zsh -f -c "fpath=('$tmp/zfunc' \$fpath); autoload -Uz compinit; compinit -u -d '$tmp/zcompdump'; [[ \${_comps[listlint]} == _listlint ]]" \
  || fail "zsh: compinit does not bind _listlint to listlint"

# The Debian package: runtime dependencies only, and a binary that works from it.
if command -v dpkg-shlibdeps >/dev/null; then
  (cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null)
  deb=$(ls "$tmp"/deb/listlint_*.deb)
  depends=$(dpkg-deb -f "$deb" Depends)
  libs="libcmark-gfm0 libcmark-gfm-extensions0 libcurl4 libicu libsqlite3-0"
  # mimalloc is linked in the normal build, not in the sanitizer builds (they bring their own).
  if readelf -d "$build/tools/listlint" | grep -q 'libmimalloc'; then libs="$libs libmimalloc2.0"; fi
  for lib in $libs; do
    grep -q "$lib" <<<"$depends" || fail "deb: $lib missing from Depends: $depends"
  done
  grep -q -- '-dev' <<<"$depends" && fail "deb: a -dev package in Depends: $depends"
  dpkg-deb -x "$deb" "$tmp/root"
  rc=0; out=$(cd "$tmp" && "$tmp/root/usr/bin/listlint" check README.md) || rc=$?
  [ "$rc" -eq 1 ] && grep -q Cnstruction <<<"$out" || fail "deb: the packaged binary (exit $rc)"
  [ -f "$tmp/root/usr/share/man/man1/listlint.1" ] || fail "deb: no man page"
  links_works "$tmp/root/usr/bin/listlint" || fail "deb: links from the packaged binary"
  echo "deb: $(basename "$deb"), Depends: $depends"
else
  echo "SKIPPED: the .deb part: dpkg-shlibdeps (dpkg-dev) is missing"
fi
echo "install: binary, word table, man page, bash/zsh/fish completions and the .deb work"
