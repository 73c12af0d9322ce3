#!/usr/bin/env bash
# Peers side by side: newsgraph's full pipeline and compromise's entity pass
# over the same corpus, one core each, in one run. Manual, not part of CI.
#   bench/peers/run.sh [CORPUS...]     (default: ../shared/data/corpus/bbc)
# compromise is installed with npm into a temporary folder, never into the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=("$@")
[ ${#corpus[@]} -gt 0 ] || corpus=("$root/../shared/data/corpus/bbc")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "installing compromise into $tmp ..." >&2
(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund compromise >/dev/null)
cp "$root/bench/peers/compromise.js" "$tmp/"
(cd "$root" && go build -o "$tmp/newsgraph" ./cmd/newsgraph)
echo "newsgraph (full pipeline, --workers 1):" >&2
ng=$("$tmp/newsgraph" bench --workers 1 --json "${corpus[@]}")
echo "$ng"
echo "compromise (people, places, organizations; one core):" >&2
cp=$(cd "$tmp" && node compromise.js "${corpus[@]}")
echo "$cp"
python3 - "$ng" "$cp" <<'PY'
import json, sys
ng, cp = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"newsgraph  {ng['documents']:6d} docs  {ng['documents_per_second']:9.1f} docs/s  {ng['mb_per_second']:7.2f} MB/s  (all stages)")
print(f"compromise {cp['documents']:6d} docs  {cp['documents_per_second']:9.1f} docs/s  {cp['mb_per_second']:7.2f} MB/s  (entities only)")
print(f"ratio      {ng['documents_per_second'] / cp['documents_per_second']:.1f}x")
PY
