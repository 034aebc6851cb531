#!/usr/bin/env bash
# The link checker against its bound: a local server answers every URL after a fixed latency on
# several 127.0.0.x hosts; an audit of N URLs with a per-host cap P cannot take less than
#   N / (hosts x P) x latency
# and a polite checker must never have more than P requests in flight to one host. Runs
# listlint links, then linkinator and markdown-link-check (from the npm registry, installed in
# build-release/bench-peers) on the same list, in the same run.
#   tools/bench/links.sh [--urls N] [--hosts H] [--per-host P] [--latency MS] [--no-peers]
set -euo pipefail
cd "$(dirname "$0")/../.."
urls=2000 hosts=4 per_host=4 latency=50 peers=1
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) urls="$2"; shift 2 ;;
    --hosts) hosts="$2"; shift 2 ;;
    --per-host) per_host="$2"; shift 2 ;;
    --latency) latency="$2"; shift 2 ;;
    --no-peers) peers=0; shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
bash tools/setup.sh test  # node and npm for the peers
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build build-release -j2 --target listlint listlint-bench-server >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bound=$(python3 -c "print($urls / ($hosts * $per_host) * $latency / 1000)")
echo "machine: $(nproc) cores; $urls URLs over $hosts hosts, $latency ms latency, per-host cap $per_host;" \
     "bound N/(hosts x cap) x latency = ${bound} s"
# run NAME COMMAND...: a fresh server (it runs until its standard input, a FIFO held open here,
# closes), the list pointing at it as LIST, the command timed; then what the server saw.
run() {
  local name="$1"; shift
  rm -f "$work/in"; mkfifo "$work/in"
  ./build-release/tools/listlint-bench-server "$hosts" "$latency" < "$work/in" > "$work/bases" 2> "$work/server.log" &
  local server=$!
  exec 3> "$work/in"
  for _ in $(seq 50); do [ "$(wc -l < "$work/bases")" -ge "$hosts" ] && break; sleep 0.1; done
  mapfile -t bases < "$work/bases"
  {
    printf '# Benchmark list\n\n## Links\n\n'
    for i in $(seq 0 $((urls - 1))); do
      echo "- [Page $i](${bases[$((i % hosts))]}/page/$i) - an entry."
    done
  } > "$work/list.md"
  local t0 t1 args=()
  for a in "$@"; do args+=("${a//LIST/$work/list.md}"); done
  t0=$(date +%s.%N)
  "${args[@]}" > "$work/$name.out" 2> "$work/$name.err" || true
  t1=$(date +%s.%N)
  exec 3>&-
  wait "$server" || true
  local peak
  peak=$(sed -n 's/.*peak=//p' "$work/server.log" | sort -n | tail -1)
  python3 -c "print(f'| {\"$name\"} | {($t1 - $t0):.2f} | {($t1 - $t0) / $bound:.2f} | $peak |')"
}
echo
echo "| checker | seconds | x bound | peak requests in flight to one host |"
echo "|---|---:|---:|---:|"
# The total cap is set to hosts x P, so that the per-host cap is the only limit (as in the bound).
run listlint ./build-release/tools/listlint links --allow-private --per-host "$per_host" --concurrency $((hosts * per_host)) \
    --interval 0 --timeout 20 --no-progress --format json LIST
alive=$(python3 -c "import json;print(json.load(open('$work/listlint.out'))['summary']['alive'])")
# The same with a per-host cap as high as linkinator's total, to compare raw speed.
raw=$((hosts * per_host * 4 > 256 ? 256 : hosts * per_host * 4))
run "listlint (per-host $raw)" ./build-release/tools/listlint links --allow-private \
    --per-host "$raw" --concurrency 256 --interval 0 --timeout 20 --no-progress --format json LIST
if [ "$peers" -eq 1 ]; then
  peerdir=build-release/bench-peers
  if [ ! -x "$peerdir/node_modules/.bin/linkinator" ] || [ ! -x "$peerdir/node_modules/.bin/markdown-link-check" ]; then
    mkdir -p "$peerdir"
    (cd "$peerdir" && npm install --silent --no-audit --no-fund linkinator markdown-link-check >/dev/null)
  fi
  # linkinator's --concurrency is its total cap (it has no per-host cap): given hosts x P, the
  # same total; markdown-link-check has no concurrency option.
  run linkinator "$peerdir/node_modules/.bin/linkinator" LIST --markdown --concurrency $((hosts * per_host)) --format json
  ok_linkinator=$(python3 -c "
import json
d = json.load(open('$work/linkinator.out'))
print(sum(1 for l in d['links'] if l['state'] == 'OK' and '/page/' in l['url']))" 2>/dev/null || echo "?")
  run markdown-link-check "$peerdir/node_modules/.bin/markdown-link-check" LIST
  ok_mlc=$(grep -c '\[✓\]' "$work/markdown-link-check.out" || true)
  echo
  echo "versions: linkinator $(node -p "require('./$peerdir/node_modules/linkinator/package.json').version")," \
       "markdown-link-check $(node -p "require('./$peerdir/node_modules/markdown-link-check/package.json').version"), node $(node --version)"
fi
echo "URLs found alive: listlint $alive of $urls${ok_linkinator:+, linkinator $ok_linkinator}${ok_mlc:+, markdown-link-check $ok_mlc}"
