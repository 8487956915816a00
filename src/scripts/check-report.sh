#!/usr/bin/env bash
# Opens a run's report.html in headless Chromium and checks that it renders:
#   - the DOM parses and holds the report's sections and its embedded figures,
#   - a full-page screenshot is written and is not blank.
# Usage: src/scripts/check-report.sh runs/default [screenshot.png]
# Needs Debian's chromium (apt-get install chromium); it runs offline with background networking off.
set -euo pipefail
run="${1:?usage: check-report.sh RUN_DIR [SCREENSHOT]}"
shot="${2:-$run/figures/report-screenshot.png}"
html="$(cd "$run" && pwd)/report.html"
[ -f "$html" ] || { echo "check-report: no report.html in $run" >&2; exit 2; }
check=check-report
. "$(dirname "$0")/chromium-env.sh"

dom="$("$browser" "${flags[@]}" --dump-dom "file://$html" 2>/dev/null)"
for needle in "Navigators on the same held-out pairs" "Training" "<table" "data:image/png;base64,"; do
  grep -qF -- "$needle" <<<"$dom" || { echo "check-report: rendered page lacks '$needle'" >&2; exit 1; }
done
images=$(grep -o '<img' <<<"$dom" | wc -l)

"$browser" "${flags[@]}" --window-size=1280,4000 --screenshot="$shot" "file://$html" >/dev/null 2>&1
[ -s "$shot" ] || { echo "check-report: no screenshot written" >&2; exit 1; }
size=$(stat -c %s "$shot")
# a blank 1280x4000 page compresses to a few KB; the report's tables and figures make it far larger
[ "$size" -gt 40000 ] || { echo "check-report: screenshot is $size bytes: the page looks blank" >&2; exit 1; }
echo "check-report: $html renders: $images embedded figures, screenshot $shot ($size bytes)"
