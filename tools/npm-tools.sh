#!/usr/bin/env bash
# Installs the test tools that come from the npm registry into .cache/npm-tools (idempotent,
# silent when done): @action-validator/cli, which checks action.yml and workflow files against
# GitHub's schemas. Versions are pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/npm-tools
[ -x "$dir/node_modules/.bin/action-validator" ] && exit 0
if ! command -v npm >/dev/null; then
  # Debian's nodejs comes without npm; NodeSource's includes it.
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
mkdir -p "$dir"
echo "npm-tools: installing @action-validator/cli into $dir" >&2
npm install --prefix "$dir" --no-audit --no-fund --silent @action-validator/cli@0.6.0 >/dev/null
