#!/usr/bin/env bash
# Neovim (Debian's neovim, headless) with its built-in LSP client drives `listlint lsp` through
# tests/lsp/nvim.lua: diagnostics arrive, a quick fix is applied, the buffer is checked; then the
# file it wrote is checked here.
#   nvim.sh LISTLINT_EXE
set -euo pipefail
exe="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v nvim >/dev/null; then
  echo "SKIPPED: nvim is not installed (tools/setup.sh installs neovim)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/.git"
echo '{"rules": {"typo": "off"}}' >"$tmp/.listlint.json"
cat >"$tmp/README.md" <<'MD'
# Awesome Things

## Tools

- [Alpha](https://example.com/alpha) - 😀 中文 works with Github.
- [Gamma](#nowhere) - Links to nowhere.
MD
export LISTLINT_EXE="$exe" LISTLINT_LIST="$tmp/README.md"
# A private home: no user configuration, plugins or swap files.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
cd "$tmp"
timeout 120 nvim --headless --clean -n -c "luafile $here/nvim.lua" </dev/null
grep -q -- '- \[Alpha\](https://example.com/alpha) - 😀 中文 works with GitHub\.$' "$tmp/README.md" || {
  echo "FAIL: the file Neovim wrote does not hold the fix:" >&2
  cat "$tmp/README.md" >&2
  exit 1
}
echo "nvim: the written file holds the fix"
