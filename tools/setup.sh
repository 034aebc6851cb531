#!/usr/bin/env bash
# Installs the Debian packages listlint needs to build and test. Idempotent: it asks
# dpkg what is missing and runs apt-get only for that, and prints nothing when all is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # the GFM parser (with the table extension)
  libcurl4-openssl-dev                          # the link checker
  libsqlite3-dev                                # the link checker's cache with history
  nlohmann-json3-dev                            # JSON output and configuration
  libspdlog-dev                                 # --verbose logging
  doctest-dev                                   # unit tests
  libcli11-dev                                  # command-line parsing
  libicu-dev                                    # Unicode categories and case mapping (anchors)
  libmimalloc-dev                               # a faster malloc for the listlint executable
  libhunspell-dev hunspell-en-us hunspell-en-gb wamerican # the typo rule's dictionaries (US, British accepted, common words)
  codespell                                     # the typo rule's list of known misspellings
  time                                          # GNU time: peak memory in the hostile-input tests and benchmarks
  strace                                        # fault injection in the --fix tests
  man-db zsh fish                               # the install test reads the man page and asks each shell to complete
  pre-commit yamllint                           # the pre-commit hooks test; YAML checks of the hooks, action and workflows
  nodejs                                        # @action-validator/cli and playwright-core (tools/npm-tools.sh)
  chromium                                      # the HTML link report's test renders it headless
  neovim                                        # the language server's test with Neovim's LSP client
)

# `tools/setup.sh fuzz` also installs what tools/fuzz.sh needs: clang and its libFuzzer runtime.
if [ "${1:-}" = fuzz ]; then
  PACKAGES+=(clang libclang-rt-dev llvm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2
  fi
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
