#!/usr/bin/env bash
# Used by action.yml: runs `listlint check` with annotations (and SARIF when asked), and passes
# listlint's exit code on. Inputs come as environment variables, never pasted into the script.
set -uo pipefail
read -r -a paths <<<"${PATHS:-.}"
read -r -a args <<<"${ARGS:-}"
rc=0
listlint check --format github "${args[@]}" "${paths[@]}" || rc=$?
if [ "${SARIF:-false}" = "true" ]; then
  listlint check --format sarif "${args[@]}" "${paths[@]}" > listlint.sarif || true
fi
echo "exit-code=$rc" >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$rc"
