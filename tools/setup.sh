#!/usr/bin/env bash
# Installs the Debian packages listlint needs to build (no argument) and to test (test). Idempotent: it asks
# dpkg what is missing and runs apt-get only for that, and prints nothing when all is present.
set -euo pipefail

# What building and running listlint need (tools/dev.sh example, the Action's source build).
PACKAGES=(
  build-essential cmake pkg-config git
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # the GFM parser (with the table extension)
  libcurl4-openssl-dev                          # the link checker
  libsqlite3-dev                                # the link checker's cache with history
  nlohmann-json3-dev                            # JSON output and configuration
  libspdlog-dev                                 # --verbose logging
  libcli11-dev                                  # command-line parsing
  libicu-dev                                    # Unicode categories and case mapping (anchors)
  libmimalloc-dev                               # a faster malloc for the listlint executable
  libhunspell-dev hunspell-en-us hunspell-en-gb wamerican wamerican-small # the typo rule's dictionaries (US, British accepted, common and frequent words)
  codespell                                     # the typo rule's list of known misspellings
)

case "${1:-}" in
  "") ;;
  # `tools/setup.sh test`: the test toolchain too (tools/dev.sh test, sanitize, tsan).
  test) PACKAGES+=(
    doctest-dev                                 # unit tests
    time                                        # GNU time: peak memory in the hostile-input tests and benchmarks
    strace                                      # fault injection in the --fix tests
    man-db zsh fish                             # the install test reads the man page and asks each shell to complete
    pre-commit yamllint                         # the pre-commit hooks test; YAML checks of the hooks, action and workflows
    nodejs                                      # @action-validator/cli and playwright-core (tools/npm-tools.sh)
    chromium                                    # the HTML link report's test renders it headless
    python3                                     # the ecosystem run, the links differential test
    neovim                                      # the language server's test with Neovim's LSP client
  ) ;;
  # `tools/setup.sh release`: the portable release (tools/release.sh) and its test. The static
  # archives it links come with the -dev packages above (libcmark-gfm.a, libicuuc.a, libsqlite3.a;
  # libstdc++.a with g++); binutils (objdump) comes with build-essential. The test needs
  # util-linux's unshare (essential) and python3 (the release server of the Action's test).
  release) PACKAGES+=(python3) ;;
  # `tools/setup.sh fuzz`: what tools/fuzz.sh needs, clang and its libFuzzer runtime.
  fuzz) PACKAGES+=(doctest-dev clang libclang-rt-dev llvm) ;;
  *) echo "usage: tools/setup.sh [test|release|fuzz]" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# The typo rule's technical vocabulary reads apt's long package descriptions (Translation-en),
# which Docker images leave out (Acquire::Languages "none"): fetch them when they are absent.
compgen -G '/var/lib/apt/lists/*Translation-en*' >/dev/null || $([ "$(id -u)" -eq 0 ] || echo sudo) apt-get update -qq -o Acquire::Languages=en
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 2
  fi
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq -o Acquire::Languages=en >/dev/null  # an update without it would drop them
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
