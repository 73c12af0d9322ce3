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
echo "newsgraph (full pipeline, --workers 1 and one worker per core):" >&2
ng1=$("$tmp/newsgraph" bench --workers 1 --json "${corpus[@]}")
ngn=$("$tmp/newsgraph" bench --json "${corpus[@]}")
echo "compromise (people, places, organizations; Node.js runs it on one core):" >&2
cp=$(cd "$tmp" && node compromise.js "${corpus[@]}")
python3 - "$ng1" "$ngn" "$cp" <<'PY'
import json, sys
ng1, ngn, cp = (json.loads(a) for a in sys.argv[1:4])
row = lambda name, r, what: print(f"{name:22s} {r['documents']:6d} docs  {r['documents_per_second']:9.1f} docs/s  {r['mb_per_second']:7.2f} MB/s  ({what})")
row("newsgraph, 1 worker", ng1, "all stages")
row(f"newsgraph, {ngn['workers']} workers", ngn, "all stages")
row("compromise", cp, "entities only")
print(f"ratio, one core each:     {ng1['documents_per_second'] / cp['documents_per_second']:.1f}x")
print(f"ratio, whole machine:     {ngn['documents_per_second'] / cp['documents_per_second']:.1f}x")
PY
