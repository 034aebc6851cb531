#!/usr/bin/env bash
# Installs the test tools that come from the npm registry into .cache/npm-tools (idempotent,
# silent when done): @action-validator/cli, which checks action.yml and workflow files against
# GitHub's schemas, and playwright-core, which drives Debian's chromium in the HTML report's test
# (it downloads no browser). Versions are pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/npm-tools
[ -x "$dir/node_modules/.bin/action-validator" ] && [ -d "$dir/node_modules/playwright-core" ] && exit 0
if ! command -v npm >/dev/null; then
  # Debian's nodejs comes without npm; NodeSource's includes it.
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
mkdir -p "$dir"
echo "npm-tools: installing @action-validator/cli and playwright-core into $dir" >&2
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$dir" --no-audit --no-fund --silent \
  @action-validator/cli@0.6.0 playwright-core@1.65.1 >/dev/null
