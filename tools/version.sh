#!/usr/bin/env bash
# Prints listlint's version. Its one place is project(listlint VERSION ...) in CMakeLists.txt:
# `listlint --version`, the .deb (CPack), the release tarball's name (tools/release.sh) and the
# release the GitHub Action downloads (tools/action-install.sh) all come from it.
set -euo pipefail
sed -n 's/^project(listlint VERSION \([0-9][0-9.]*\)[ )].*/\1/p' "$(dirname "$0")/../CMakeLists.txt"
