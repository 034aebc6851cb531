#!/usr/bin/env bash
# Used by action.yml: runs `listlint check` with annotations (and SARIF when asked), writes the job
# summary (counts per rule and every finding, as a Markdown table: GitHub shows only the first 10
# annotations of each kind per step), and passes listlint's exit code on. Inputs come as
# environment variables, never pasted into the script.
set -uo pipefail
read -r -a paths <<<"${PATHS:-.}"
read -r -a args <<<"${ARGS:-}"
rc=0
listlint check --format github "${args[@]}" "${paths[@]}" || rc=$?
if [ "${SARIF:-false}" = "true" ]; then
  listlint check --format sarif "${args[@]}" "${paths[@]}" > listlint.sarif || true
fi
if [ "${SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  # A step's summary may hold 1 MiB: past about 1,000,000 bytes, the rows that are left are counted.
  listlint check --format markdown "${args[@]}" "${paths[@]}" 2>/dev/null |
    LC_ALL=C awk -v max=1000000 '
      { n += length($0) + 1 }
      n <= max { print; next }
      /^\| / { left++ }
      END { if (left) printf "\n%d more findings: see the annotations, or run listlint check --format json\n", left }' \
    >> "$GITHUB_STEP_SUMMARY" || true
fi
echo "exit-code=$rc" >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$rc"
