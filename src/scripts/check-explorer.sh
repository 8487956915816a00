#!/usr/bin/env bash
# Opens a run's explorer.html in headless Chromium, lets its script run, and checks from the rendered DOM:
#   - the query list, the graph (an SVG with the model's path and a shortest path) and the attention view are there
#     for the first query,
#   - choosing another query through the URL fragment (#query=N) changes the drawn graph,
#   - a full-page screenshot is written and is not blank.
# Usage: src/scripts/check-explorer.sh RUN_DIR [SCREENSHOT]
# Needs Debian's chromium (apt-get install chromium); it runs offline with background networking off.
set -euo pipefail
run="${1:?usage: check-explorer.sh RUN_DIR [SCREENSHOT]}"
shot="${2:-$run/figures/explorer-screenshot.png}"
html="$(cd "$run" && pwd)/explorer.html"
[ -f "$html" ] || { echo "check-explorer: no explorer.html in $run" >&2; exit 2; }
check=check-explorer
. "$(dirname "$0")/chromium-env.sh"
fail() { echo "check-explorer: $*" >&2; exit 1; }
dom() { "$browser" "${flags[@]}" --dump-dom "file://$html$1" 2>/dev/null; }
# the graph as drawn, without the attribute naming the query
graph_svg() { grep -oP '<svg id="graph".*?</svg>' <<<"$1" | sed 's/ data-query="[0-9]*"//'; }

first="$(dom "")"
items=$(grep -o '<li data-query="' <<<"$first" | wc -l || true)
[ "$items" -gt 0 ] || fail "the query list is empty"
grep -qF 'data-query="0"' <<<"$(grep -oP '<svg id="graph"[^>]*>' <<<"$first")" || fail "the graph does not show query 0"
grep -qF '<g class="walk walk-model">' <<<"$first" || fail "the model's path is not drawn"
grep -qP '<g class="walk walk-label"><line[^>]*class="step"' <<<"$first" || fail "no shortest path drawn"
grep -qP '<svg id="attention".*?class="edge"' <<<"$first" || fail "the attention view has no edges"
grep -qF 'on edges at the current node' <<<"$first" || fail "no attention shares written"
grep -qP '<svg id="pc-graph".*?class="edge"' <<<"$first" || fail "the representation view has no edges"

other=$(( items > 17 ? 17 : items - 1 ))
[ "$other" -gt 0 ] || fail "only one query: cannot check that choosing another one redraws"
second="$(dom "#query=$other")"
grep -qF "data-query=\"$other\"" <<<"$(grep -oP '<svg id="graph"[^>]*>' <<<"$second")" \
  || fail "#query=$other was not honoured"
[ "$(graph_svg "$first")" != "$(graph_svg "$second")" ] || fail "query $other is drawn exactly like query 0"

mkdir -p "$(dirname "$shot")"
"$browser" "${flags[@]}" --window-size=1400,2400 --screenshot="$shot" "file://$html#query=$other" >/dev/null 2>&1
[ -s "$shot" ] || fail "no screenshot written"
size=$(stat -c %s "$shot")
# a blank 1400x2400 page compresses to a few KB; the list, the graphs and the tables make it far larger
[ "$size" -gt 40000 ] || fail "screenshot is $size bytes: the page looks blank"
echo "check-explorer: $html renders: $items queries listed, #query=$other redraws the graph, screenshot $shot ($size bytes)"
