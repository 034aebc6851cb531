#!/usr/bin/env bash
# listlint against the linters maintainers use today, side by side in one run, and against the
# floor (cmark-gfm alone): the lists of both corpora, and generated lists of 1, 5 and 25 MB; where
# the time goes (check --timing); a link audit against its bound (tools/bench/links.sh). Installs
# markdownlint-cli2 and awesome-lint from the npm registry into build-release/bench-peers, builds
# listlint in Release, times every tool (medians of several rounds, alternating), measures peak
# memory with /usr/bin/time -v, counts instructions with valgrind (callgrind), and writes
# docs/performance.md from what it measured.
#   tools/bench/peers.sh [--rounds N] [--peer-rounds N] [--peer-timeout S] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=11 peer_rounds=3 peer_timeout=300 out=docs/performance.md
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --peer-rounds) peer_rounds="$2"; shift 2 ;;
    --peer-timeout) peer_timeout="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done
corpus="${LISTLINT_CORPUS:-../shared/corpus}"
corpus2="${LISTLINT_CORPUS2:-../shared/corpus2}"
ls "$corpus"/*__*.md >/dev/null 2>&1 || { echo "bench: no corpus at $corpus (set LISTLINT_CORPUS)" >&2; exit 2; }
corpora=(--corpus "$corpus")
if ls "$corpus2"/*__*.md >/dev/null 2>&1; then
  corpora+=(--corpus "$corpus2")
else
  echo "bench: no second corpus at $corpus2 (set LISTLINT_CORPUS2): measuring $corpus alone" >&2
fi
bash tools/setup.sh test  # node and npm for the peers
if [ ! -x /usr/bin/time ] || ! command -v valgrind >/dev/null; then  # GNU time, for peak memory; valgrind, for instructions
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time valgrind >/dev/null
fi
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DLISTLINT_TESTS=OFF >/dev/null
cmake --build build-release -j2 --target listlint listlint-floor listlint-bench-server >/dev/null
peers=build-release/bench-peers
if [ ! -x "$peers/node_modules/.bin/markdownlint-cli2" ] || [ ! -x "$peers/node_modules/.bin/awesome-lint" ]; then
  mkdir -p "$peers"
  (cd "$peers" && npm install --silent --no-audit --no-fund markdownlint-cli2 awesome-lint >/dev/null)
fi
data=build-release/bench-data
mkdir -p "$data"
for mb in 1 5 25; do
  [ -s "$data/list-$mb.md" ] || python3 tools/bench/make_list.py "$mb" > "$data/list-$mb.md"
done
bash tools/bench/links.sh --no-peers | sed -n '/^| checker/,$p' > "$data/links.txt"
python3 tools/bench/peers.py --rounds "$rounds" --peer-rounds "$peer_rounds" --peer-timeout "$peer_timeout" \
  --out "$out" "${corpora[@]}" --data "$data" --peers "$peers" --links "$data/links.txt"
